package org.schoolgate.messaging.application;

import java.util.UUID;

/** A child named in the log, by the name they go by. */
public record LogPupil(UUID id, String name, UUID schoolId) {}
