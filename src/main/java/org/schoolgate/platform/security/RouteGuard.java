package org.schoolgate.platform.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.Optional;

/**
 * Guards every screen before it opens. A screen must say who it is for ({@link StaffOnly},
 * {@link ParentOnly} or {@link PublicScreen}); one that says nothing is closed to everybody, so a
 * forgotten annotation fails safe. Someone not signed in is sent to the right sign-in page; someone
 * signed in as the wrong kind of user, or without the role, sees "not found".
 */
@ApplicationScoped
public class RouteGuard {

  public static final String STAFF_SIGN_IN = "signin";
  public static final String PARENT_SIGN_IN = "parent/signin";

  void onServiceInit(@Observes ServiceInitEvent event) {
    event
        .getSource()
        .addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(RouteGuard::check));
  }

  static void check(BeforeEnterEvent event) {
    Class<?> target = event.getNavigationTarget();
    if (target.isAnnotationPresent(PublicScreen.class) || isErrorView(event)) {
      return;
    }
    Optional<SignedInUser> user =
        Optional.ofNullable(com.vaadin.flow.server.VaadinSession.getCurrent())
            .map(s -> s.getAttribute(SignedInUser.class));
    StaffOnly staffOnly = target.getAnnotation(StaffOnly.class);
    boolean parentOnly = target.isAnnotationPresent(ParentOnly.class);
    if (user.isEmpty()) {
      if (staffOnly != null) {
        event.forwardTo(STAFF_SIGN_IN);
      } else if (parentOnly) {
        event.forwardTo(PARENT_SIGN_IN);
      } else {
        event.rerouteToError(NotFoundException.class);
      }
      return;
    }
    SignedInUser u = user.get();
    boolean allowed =
        (staffOnly != null
                && u.isStaff()
                && (staffOnly.value().length == 0 || u.hasAnyRole(Arrays.asList(staffOnly.value()))))
            || (parentOnly && u.isParent());
    if (!allowed) {
      event.rerouteToError(NotFoundException.class);
    }
  }

  private static boolean isErrorView(BeforeEnterEvent event) {
    return com.vaadin.flow.router.HasErrorParameter.class.isAssignableFrom(event.getNavigationTarget());
  }
}
