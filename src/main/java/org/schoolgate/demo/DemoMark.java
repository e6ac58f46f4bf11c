package org.schoolgate.demo;

import java.time.LocalDate;
import java.util.UUID;
import org.schoolgate.directory.domain.Session;

/**
 * One statutory register mark of the demo, as it is written to {@code attendance_mark}.
 *
 * @param code a 2024 register code ("/", "\\", "L", "I", ...)
 * @param minutesLate for L and U: minutes after the register opened; otherwise null
 * @param reason the activity recorded with codes that need one (B); otherwise null
 */
public record DemoMark(UUID pupilId, LocalDate date, Session session, String code, Integer minutesLate, String reason) {}
