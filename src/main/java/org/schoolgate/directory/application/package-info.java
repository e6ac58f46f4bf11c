/** Directory services: reading pupils and guardians with access checks, schools, settings and calendars. */
package org.schoolgate.directory.application;
