package org.schoolgate.messaging.application;

/** What an entry in a pupil's or family's communication log records. */
public enum LogKind {
  CALL("Phone call"),
  VISIT("Home visit"),
  NOTE("Note"),
  TASK("Task"),
  MEETING("Meeting"),
  DOCUMENT("Document"),
  REPLY("Reply from the family"),
  MESSAGE("Message"),
  LETTER("Letter");

  private final String label;

  LogKind(String label) {
    this.label = label;
  }

  /** What staff read. */
  public String label() {
    return label;
  }

  /** Messages and letters are logged by the outbox as they are saved; everything else through {@link CommunicationLog#record}. */
  public boolean isWrittenByOutbox() {
    return this == MESSAGE || this == LETTER;
  }
}
