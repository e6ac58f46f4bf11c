package org.schoolgate.documents.adapter.pdfbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.schoolgate.documents.port.LetterDocument;
import org.schoolgate.documents.port.LetterDocument.Block;
import org.schoolgate.documents.port.LetterDocument.Bullets;
import org.schoolgate.documents.port.LetterDocument.Heading;
import org.schoolgate.documents.port.LetterDocument.Letterhead;
import org.schoolgate.documents.port.LetterDocument.Paragraph;
import org.schoolgate.documents.port.LetterDocument.Table;
import org.schoolgate.documents.port.LetterRenderer.PrintBatch;

/** Letters a school would really send, for the tests, the benchmark and a look at the layout. */
final class SampleLetters {

  static final Letterhead RIVERSIDE =
      new Letterhead("Riverside Academy", List.of("Mill Lane", "Riverside", "Nottingham", "NG7 2RD"), "0115 496 0123",
          "office@riverside-academy.example.org", "#6b1b4f", null);

  private SampleLetters() {}

  static List<String> address(int n) {
    return List.of("Mr Łukasz Kowalski " + n, "Flat " + n + ", 12 Ash Grove", "Lenton", "Nottingham", "NG7 1AB");
  }

  /** Letter 1 about a child's attendance: about two pages. */
  static LetterDocument attendanceLetter(int n) {
    List<Block> body = new ArrayList<>();
    body.add(new Paragraph("I am writing to you about Zoë's attendance at school this year. Every day in school matters: "
        + "children who attend regularly make better progress, have more friends and feel part of the school community."));
    body.add(new Heading("Zoë's attendance so far this year"));
    body.add(new Table(List.of("", ""), List.of(
        List.of("Attendance this year", "88.4%"),
        List.of("Sessions missed (half days)", "23"),
        List.of("Days missed", "11.5"),
        List.of("Hours of learning missed", "63.3"))));
    body.add(new Paragraph("The national expectation is that every pupil attends at least 96% of the time. Zoë's attendance "
        + "is below 90%, which the Department for Education describes as persistent absence. We know there can be good "
        + "reasons for missing school, and we want to work with you to help Zoë attend every day."));
    body.add(new Heading("What small amounts of absence add up to"));
    body.add(new Table(List.of("Attendance over a year", "Days of school missed", "Weeks missed", "Hours of learning lost"), List.of(
        List.of("95%", "9.5", "2", "50"),
        List.of("90%", "19", "4", "100"),
        List.of("85%", "28.5", "6", "150"),
        List.of("80%", "38", "8", "200"))));
    body.add(new Heading("How we can help"));
    body.add(new Bullets(List.of(
        "a meeting with Mrs Ó Súilleabháin, our attendance lead, to talk about anything that makes school difficult;",
        "a place at our breakfast club from 7:45 each morning, which costs £1.50 a day and is free for families who need it;",
        "support from the school nurse if Zoë's health is a worry.")));
    body.add(new Paragraph("Please telephone the school office or reply to this letter so that we can arrange a time to meet. "
        + "If Zoë is ill, please ring the absence line before 9:00 on each day she is away, and let us know when she will "
        + "be back. Holidays in term time will not be authorised except in exceptional circumstances, and a penalty "
        + "notice may be issued by the local authority."));
    body.add(new Paragraph("Thank you for your support. We look forward to seeing Zoë in school every day, on time and ready "
        + "to learn. Together we can make sure she does not miss out on the learning and the friendships that school offers."));
    return new LetterDocument(RIVERSIDE, address(n), LocalDate.of(2026, 3, 3), "SG-" + (10000000 + n), "Dear Mr Kowalski,", body,
        "Yours sincerely,", "Mrs Ioana Ștefănescu", "Headteacher");
  }

  static LetterDocument shortLetter(String addressee, List<Block> body) {
    return new LetterDocument(RIVERSIDE, List.of(addressee, "3 Elm Road", "Beeston", "NG9 2AA"), LocalDate.of(2026, 3, 3), "SG-4F2A9C10",
        "Dear Parent or Carer,", body, "Yours sincerely,", "Mrs Ioana Ștefănescu", "Headteacher");
  }

  static PrintBatch batch(int letters) {
    List<LetterDocument> list = new ArrayList<>(letters);
    for (int i = 1; i <= letters; i++) {
      list.add(i % 3 == 0 ? shortLetter("Ms Zoë Ó Briain " + i, List.of(new Paragraph("Your child's attendance is now above 96%. Thank you."))) :
          attendanceLetter(i));
    }
    return new PrintBatch("Letters to post", "Riverside Academy", "Mrs Amara Okafor", LocalDateTime.of(2026, 3, 3, 14, 5), list);
  }
}
