package org.schoolgate.attendance.imports;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The school API key a REST request authenticated with, for the length of that request (set by the import endpoints' key filter). */
@RequestScoped
public class ImportKeyHolder {

  private ImportApiKey key;

  public Optional<ImportApiKey> key() {
    return Optional.ofNullable(key);
  }

  public void set(ImportApiKey key) {
    this.key = key;
  }
}
