package org.schoolgate.messaging.application;

import java.util.UUID;

/**
 * The directory's check that the signed-in member of staff may see a pupil, which also writes the
 * read to the access audit. Answers the pupil's school; a pupil they may not see is not found.
 */
@FunctionalInterface
interface LogAccess {
  UUID schoolOfVisiblePupil(UUID pupilId);
}
