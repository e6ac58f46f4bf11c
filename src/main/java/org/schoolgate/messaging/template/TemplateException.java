package org.schoolgate.messaging.template;

import org.schoolgate.platform.validation.InvalidInputException;

/** A template that cannot be rendered or saved as it stands; the message says what to fix. */
public class TemplateException extends InvalidInputException {

  public TemplateException(String message) {
    super("template", message);
  }
}
