/** Sign-in screens for parents and staff, and the start page. */
package org.schoolgate.identity.ui;
