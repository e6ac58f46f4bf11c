/** Staff screens for attendance: lists, the register, tasks, a pupil's attendance and imports. */
package org.schoolgate.attendance.ui;
