/**
 * Imports from the school's MIS (pupils, guardians, calendar, marks) as CSV or JSON: streaming
 * readers and plain-Java row checks, then set-based checks and one all-or-nothing merge in SQL.
 */
package org.schoolgate.attendance.imports;
