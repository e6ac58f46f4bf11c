package org.schoolgate.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity and optimistic locking shared by every entity. Ids are random UUIDs chosen by the
 * application, so records can be created on any node of a cluster and ids in URLs reveal nothing.
 */
@MappedSuperclass
public abstract class BaseEntity {

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private UUID id = UUID.randomUUID();

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  public UUID getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (other == null || getClass() != other.getClass()) {
      return false;
    }
    return Objects.equals(id, ((BaseEntity) other).id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
