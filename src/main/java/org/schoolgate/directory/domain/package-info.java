/**
 * The directory's rules and records: trusts, schools and their settings and calendars, pupils,
 * guardians and how they are linked, staff. No UI, REST or messaging technology here.
 */
package org.schoolgate.directory.domain;
