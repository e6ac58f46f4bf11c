/** Register codes, marks and the attendance figures computed from them, as plain rules. */
package org.schoolgate.attendance.domain;
