package org.schoolgate.attendance.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.schoolgate.attendance.imports.ImportKind;
import org.schoolgate.attendance.imports.ImportLimits;
import org.schoolgate.attendance.imports.ImportPipeline;
import org.schoolgate.attendance.imports.ImportResult;
import org.schoolgate.attendance.imports.ImportRuns;
import org.schoolgate.attendance.imports.MisImports;
import org.schoolgate.directory.application.Schools;
import org.schoolgate.directory.domain.School;
import org.schoolgate.platform.security.StaffOnly;
import org.schoolgate.platform.security.StaffRole;
import org.schoolgate.platform.ui.StaffLayout;

/**
 * Importing from the MIS: choose the school and what the file holds, upload a CSV (all or
 * nothing), read the result or the line-numbered problems, look back at earlier runs, and download
 * the marks amended here to write back to the MIS. For the office, the attendance officer, the
 * headteacher and the administrator.
 */
@Route(value = "staff/imports", layout = StaffLayout.class)
@PageTitle("MIS imports · Schoolgate")
@StaffOnly({StaffRole.OFFICE, StaffRole.ATTENDANCE_OFFICER, StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR})
public class ImportsView extends VerticalLayout {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  final Select<School> school = new Select<>();
  final Select<ImportKind> kind = new Select<>();
  final Upload upload = new Upload();
  final VerticalLayout outcome = new VerticalLayout();
  final Grid<ImportRuns.Run> runs = new Grid<>();
  final DatePicker since = new DatePicker("Amended since");
  final Anchor download;
  private final MisImports imports;

  @Inject
  public ImportsView(MisImports imports, Schools schools) {
    this.imports = imports;
    addClassName("sg-page");
    List<School> mine = schools.mySchools().stream().filter(s -> imports.mayImport(s.getId())).toList();
    school.setLabel("School");
    school.setItems(mine);
    school.setItemLabelGenerator(School::getName);
    school.addValueChangeListener(e -> refresh());
    kind.setLabel("The file holds");
    kind.setItems(ImportKind.values());
    kind.setItemLabelGenerator(k -> switch (k) {
      case PUPILS -> "Pupils";
      case GUARDIANS -> "Guardians and their links to pupils";
      case CALENDAR -> "Terms and closures";
      case MARKS -> "Register marks";
    });
    kind.setValue(ImportKind.MARKS);
    configureUpload();
    outcome.setPadding(false);
    outcome.setId("import-outcome");
    configureGrid();
    since.setValue(LocalDate.now(LONDON).minusDays(7));
    download = new Anchor(amendedMarks(), "Download amended marks (CSV)");
    download.setId("download-amended");

    add(new H1("MIS imports"));
    add(new Paragraph(
        "Upload a CSV file exported from the MIS (formats: docs/import-formats.md). If any line has a problem,"
            + " nothing from the file is applied and the problems are listed with their line numbers."
            + " Importing the same file again changes nothing."));
    add(new HorizontalLayout(school, kind), upload, outcome);
    add(new H2("Write back to the MIS"), new HorizontalLayout(since, download));
    add(new H2("Earlier imports"), runs);
    if (!mine.isEmpty()) {
      school.setValue(mine.get(0));
    }
  }

  private void configureUpload() {
    upload.setId("import-upload");
    upload.setMaxFiles(1);
    upload.setAcceptedFileTypes(".csv", "text/csv");
    upload.setMaxFileSize((int) ImportLimits.MAX_BYTES);
    upload.setUploadHandler(UploadHandler.toTempFile(this::imported));
    upload.addFileRejectedListener(e -> showProblems("The file was refused: " + e.getErrorMessage(), List.of()));
  }

  /** Runs with the session locked (the handler calls it inside UI.access), once the file is on disk. */
  private void imported(UploadMetadata metadata, File file) throws IOException {
    try (InputStream in = Files.newInputStream(file.toPath())) {
      if (school.getValue() == null) {
        showProblems("Choose the school first.", List.of());
        return;
      }
      show(imports.importFile(school.getValue().getId(), kind.getValue(), ImportPipeline.Format.CSV, metadata.fileName(), in));
    } finally {
      Files.deleteIfExists(file.toPath());
      upload.clearFileList();
      refresh();
    }
  }

  void show(ImportResult result) {
    if (result.applied()) {
      outcome.removeAll();
      Paragraph done = new Paragraph(result.summary());
      done.getStyle().set("color", "var(--lumo-success-text-color)");
      outcome.add(done);
    } else {
      String more =
          result.errorCount() > result.errors().size()
              ? " The first " + result.errors().size() + " are listed."
              : "";
      showProblems(result.summary() + more, result.describedErrors());
    }
  }

  private void showProblems(String headline, List<String> problems) {
    outcome.removeAll();
    Paragraph p = new Paragraph(headline);
    p.getStyle().set("color", "var(--lumo-error-text-color)");
    outcome.add(p);
    if (!problems.isEmpty()) {
      UnorderedList list = new UnorderedList();
      problems.forEach(e -> list.add(new ListItem(e)));
      outcome.add(list);
    }
  }

  private void configureGrid() {
    runs.setId("import-runs");
    runs.addColumn(r -> WHEN.format(r.startedAt().atZoneSameInstant(LONDON))).setHeader("Started").setAutoWidth(true);
    runs.addColumn(r -> r.kind().label()).setHeader("Kind").setAutoWidth(true);
    runs.addColumn(ImportRuns.Run::fileName).setHeader("File").setAutoWidth(true);
    runs.addColumn(r -> switch (r.status()) {
      case SUCCEEDED -> "Applied";
      case FAILED -> "Nothing applied";
      case RUNNING -> "Running";
    }).setHeader("Outcome").setAutoWidth(true);
    runs.addColumn(ImportRuns.Run::rowsRead).setHeader("Rows read").setAutoWidth(true);
    runs.addColumn(ImportRuns.Run::rowsApplied).setHeader("Added or changed").setAutoWidth(true);
    runs.addColumn(ImportRuns.Run::errorCount).setHeader("Problems").setAutoWidth(true);
    runs.addColumn(ImportRuns.Run::runBy).setHeader("Run by").setAutoWidth(true);
    runs.setItemDetailsRenderer(
        new com.vaadin.flow.data.renderer.ComponentRenderer<>(
            r -> {
              UnorderedList list = new UnorderedList();
              r.errors().forEach(e -> list.add(new ListItem(e)));
              return list;
            }));
    runs.setDetailsVisibleOnClick(true);
    runs.setAllRowsVisible(true);
  }

  private void refresh() {
    runs.setItems(school.getValue() == null ? List.of() : imports.history(school.getValue().getId(), 50));
  }

  private DownloadHandler amendedMarks() {
    return event -> {
      VaadinSession session = event.getSession();
      session.lock();
      try {
        if (school.getValue() == null || since.getValue() == null) {
          event.getResponse().setStatus(400);
          return;
        }
        event.setFileName("amended-marks-since-" + since.getValue() + ".csv");
        event.setContentType("text/csv; charset=UTF-8");
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        imports.writeAmendedMarks(school.getValue().getId(), since.getValue().atStartOfDay(LONDON).toOffsetDateTime(), out);
        out.flush();
      } finally {
        session.unlock();
      }
    };
  }
}
