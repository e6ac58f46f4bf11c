/** The graduated response to low attendance: its stages, the letters they draft and the rule that recommends a stage. */
package org.schoolgate.attendance.domain.response;
