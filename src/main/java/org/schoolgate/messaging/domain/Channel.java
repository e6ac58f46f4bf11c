package org.schoolgate.messaging.domain;

/** How a message reaches a family. */
public enum Channel {
  SMS("sms", "Text message"),
  EMAIL("email", "Email"),
  LETTER("letter", "Letter"),
  /** Only in the parent's message list in the portal. */
  IN_APP("app", "Portal message");

  private final String templateName;
  private final String label;

  Channel(String templateName, String label) {
    this.templateName = templateName;
    this.label = label;
  }

  /** The channel's name in template.properties (sms, email, letter). */
  public String templateName() {
    return templateName;
  }

  public String label() {
    return label;
  }

  /** Whether the dispatcher hands it to an outside provider (SMS, email) rather than storing it. */
  public boolean usesProvider() {
    return this == SMS || this == EMAIL;
  }
}
