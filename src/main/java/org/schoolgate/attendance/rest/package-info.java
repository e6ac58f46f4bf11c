/** The attendance API: figures, lists, registers, tasks and graduated-response cases. */
package org.schoolgate.attendance.rest;
