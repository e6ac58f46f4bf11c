package org.schoolgate.documents.port;

import java.time.LocalDate;
import java.util.List;

/**
 * One letter ready to print, in our words: who it is from (the school's letterhead), who it goes
 * to (the address block that shows through a C5 window envelope), and its body as simple blocks.
 * No PDF types here; the renderer turns this into pages.
 */
public record LetterDocument(
    Letterhead letterhead,
    List<String> addressLines,
    LocalDate letterDate,
    String reference,
    String salutation,
    List<Block> body,
    String closing,
    String signatoryName,
    String signatoryRole) {

  /** Royal Mail addresses fit in at most seven lines; a name, a street and a postcode at least. */
  public static final int MIN_ADDRESS_LINES = 3;

  public static final int MAX_ADDRESS_LINES = 7;

  public LetterDocument {
    addressLines = addressLines == null ? List.of() : addressLines.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
    if (addressLines.size() < MIN_ADDRESS_LINES) {
      throw new IllegalArgumentException(
          "The address has " + addressLines.size() + " line(s); a letter needs a name, a street and a postcode");
    }
    if (addressLines.size() > MAX_ADDRESS_LINES) {
      throw new IllegalArgumentException("The address has " + addressLines.size() + " lines; at most " + MAX_ADDRESS_LINES + " fit the envelope window");
    }
    body = List.copyOf(body);
  }

  /** The school's name, address and contact line at the top of page one, and its logo. */
  public record Letterhead(String schoolName, List<String> addressLines, String phone, String email, String brandColourHex, byte[] logoSvgOrPng) {
    public Letterhead {
      addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
  }

  /** A piece of the letter's body. */
  public sealed interface Block permits Heading, Paragraph, Bullets, Table {}

  public record Heading(String text) implements Block {}

  public record Paragraph(String text) implements Block {}

  public record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /** A small table, such as the learning hours lost table of Letter 1. */
  public record Table(List<String> headers, List<List<String>> rows) implements Block {
    public Table {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }
}
