/**
 * The attendance triggers of attendance rules §4 (with R1.5 and R1.7) as plain rules: from one
 * pupil's register and the school calendar they propose the tasks staff must do, each with an
 * owner, a due date counted in school days and a key that stays the same on re-evaluation.
 */
package org.schoolgate.attendance.domain.triggers;
