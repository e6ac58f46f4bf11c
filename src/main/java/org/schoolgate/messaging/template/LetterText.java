package org.schoolgate.messaging.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.schoolgate.documents.port.LetterDocument.Block;
import org.schoolgate.documents.port.LetterDocument.Bullets;
import org.schoolgate.documents.port.LetterDocument.Heading;
import org.schoolgate.documents.port.LetterDocument.Paragraph;
import org.schoolgate.documents.port.LetterDocument.Table;

/**
 * The plain-text format of a letter's body ({@code letter.txt}) turned into the blocks a printed
 * letter is made of. Blocks are separated by blank lines:
 *
 * <ul>
 *   <li>a block starting {@code "## "} is a heading;
 *   <li>a block whose lines all start {@code "- "} is a bulleted list, one item a line;
 *   <li>a block that is exactly {@code [[table:NAME]]} is the table of that name, supplied by the
 *       sender (for example {@code learning_hours_lost} in Letter 1);
 *   <li>anything else is a paragraph, its lines joined by a space.
 * </ul>
 *
 * The salutation, closing and signatory are not part of the body: they are separate fields of the
 * letter, filled by whoever sends it.
 */
public final class LetterText {

  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");
  private static final Pattern TABLE = Pattern.compile("\\[\\[table:([a-z][a-z0-9_]*)]]");

  private LetterText() {}

  /**
   * The blocks of a rendered letter body.
   *
   * @param renderedLetter the letter text with every field already filled in
   * @param tables the tables the letter may place, by name
   * @throws TemplateException when the letter places a table that was not supplied, or puts a
   *     table marker inside other text
   */
  public static List<Block> parse(String renderedLetter, Map<String, Table> tables) {
    String text = renderedLetter.replace("\r\n", "\n").replace('\r', '\n');
    List<Block> blocks = new ArrayList<>();
    for (String raw : BLANK_LINE.split(text)) {
      String block = raw.strip();
      if (!block.isEmpty()) {
        blocks.add(block(block, tables));
      }
    }
    return List.copyOf(blocks);
  }

  private static Block block(String block, Map<String, Table> tables) {
    Matcher table = TABLE.matcher(block);
    if (table.matches()) {
      Table found = tables.get(table.group(1));
      if (found == null) {
        throw new TemplateException(
            "The letter places the table \"" + table.group(1) + "\", but no such table was supplied with it");
      }
      return found;
    }
    if (block.contains("[[table:")) {
      throw new TemplateException(
          "A table marker such as [[table:name]] must stand alone, with a blank line before and after it");
    }
    List<String> lines = block.lines().map(String::strip).toList();
    if (block.startsWith("## ")) {
      return new Heading(String.join(" ", lines).substring(3).strip());
    }
    if (lines.stream().allMatch(l -> l.startsWith("- "))) {
      return new Bullets(lines.stream().map(l -> l.substring(2).strip()).toList());
    }
    return new Paragraph(String.join(" ", lines));
  }
}
