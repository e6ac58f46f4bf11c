package org.schoolgate.platform.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.schoolgate.platform.security.PublicScreen;

/** Friendly pages for "not found" and for unexpected failures, in the reader's language. */
public final class ErrorViews {
  private ErrorViews() {}

  /** Shown for unknown addresses and for pages the signed-in person may not open. */
  @PublicScreen
  public static class NotFound extends VerticalLayout implements HasErrorParameter<NotFoundException> {
    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
      removeAll();
      addClassName("sg-page");
      add(new H1(getTranslation("error.notfound.title")), new Paragraph(getTranslation("error.notfound.text")), new Anchor("/", getTranslation("error.home")));
      return HttpServletResponse.SC_NOT_FOUND;
    }
  }

  /** Shown when something fails unexpectedly; the log has the details under a reference. */
  @PublicScreen
  public static class Failure extends VerticalLayout implements HasErrorParameter<Exception> {
    private static final Logger LOG = Logger.getLogger(Failure.class.getName());

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.log(Level.SEVERE, "Screen failure, reference " + reference, parameter.getCaughtException());
      removeAll();
      addClassName("sg-page");
      add(
          new H1(getTranslation("error.general.title")),
          new Paragraph(getTranslation("error.general.text")),
          new Paragraph("Reference: " + reference),
          new Anchor("/", getTranslation("error.home")));
      return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
  }
}
