package org.schoolgate.attendance.application;

import java.util.Set;
import java.util.UUID;

/**
 * CDI event fired after statutory marks change (register, office, import): the pupils whose
 * figures, tasks and stage may have moved.
 */
public record MarksChanged(UUID schoolId, Set<UUID> pupilIds) {}
