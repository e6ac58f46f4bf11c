/** Leave of absence, religious observance and part-time timetables, and the codes their sessions get. */
package org.schoolgate.attendance.domain.leave;
