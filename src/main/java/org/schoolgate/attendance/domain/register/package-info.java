/** Rules for taking and changing register marks: the mark an arrival time gives and what a change must record. */
package org.schoolgate.attendance.domain.register;
