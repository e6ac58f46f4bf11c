/** Staff-only attendance analysis: weekly trends, broken weeks, absence breakdowns and register completeness. */
package org.schoolgate.attendance.domain.analysis;
