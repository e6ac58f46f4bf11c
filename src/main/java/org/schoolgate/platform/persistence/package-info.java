/** Persistence plumbing: the base entity and the schema migrations run at start-up. */
package org.schoolgate.platform.persistence;
