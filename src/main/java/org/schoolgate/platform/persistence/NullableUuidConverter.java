package org.schoolgate.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Stores UUID attributes (other than ids) as the database's own uuid type and reads an empty
 * column back as {@code null}. EclipseLink's built-in UUID conversion fails on an empty column
 * (for example a sign-in code asked for an unknown number, which has no guardian).
 */
@Converter(autoApply = true)
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

  @Override
  public Object convertToDatabaseColumn(UUID value) {
    return value;
  }

  @Override
  public UUID convertToEntityAttribute(Object column) {
    if (column == null) {
      return null;
    }
    return column instanceof UUID uuid ? uuid : UUID.fromString(column.toString());
  }
}
