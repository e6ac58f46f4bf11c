/**
 * Security wiring shared by every feature: who is signed in, staff roles, route guards for screens
 * and the access audit of pupil records.
 */
package org.schoolgate.platform.security;
