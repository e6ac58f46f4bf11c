package org.schoolgate.platform.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.schoolgate.platform.security.SignedInUser;

/** Puts a signed-in person into the browser session, and takes them out again. */
public final class UserSessions {
  private UserSessions() {}

  /** Starts a fresh HTTP session (no fixation) holding the person, and applies their language. */
  public static void signIn(SignedInUser user) {
    VaadinRequest request = VaadinRequest.getCurrent();
    if (request != null) {
      VaadinService.reinitializeSession(request);
    }
    VaadinSession session = VaadinSession.getCurrent();
    session.setAttribute(SignedInUser.class, user);
    Locale locale = Locale.forLanguageTag(user.language() == null ? "en" : user.language());
    session.setLocale(locale);
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.setLocale(locale);
    }
  }

  /** Replaces the stored person, e.g. after a parent changes language. */
  public static void update(SignedInUser user) {
    VaadinSession.getCurrent().setAttribute(SignedInUser.class, user);
  }

  public static void signOut(String whereNext) {
    UI ui = UI.getCurrent();
    VaadinSession session = VaadinSession.getCurrent();
    session.setAttribute(SignedInUser.class, null);
    ui.getPage().setLocation(whereNext);
    session.getSession().invalidate();
  }

  /** The client's address, for rate limits and the sign-in audit. */
  public static String clientAddress() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return request == null ? null : request.getRemoteAddr();
  }
}
