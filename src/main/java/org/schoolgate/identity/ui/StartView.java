package org.schoolgate.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.PublicScreen;
import org.schoolgate.platform.ui.ParentLayout;

/** The front door: parents and staff choose how to sign in; signed-in people go straight home. */
@Route(value = "", layout = ParentLayout.class)
@PageTitle("Schoolgate")
@PublicScreen
public class StartView extends VerticalLayout implements BeforeEnterObserver {

  private final CurrentUser currentUser;

  @Inject
  public StartView(CurrentUser currentUser) {
    this.currentUser = currentUser;
    addClassName("sg-signin");
    Button parent = new Button(getTranslation("signin.parent"), e -> getUI().ifPresent(ui -> ui.navigate("parent/signin")));
    parent.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
    parent.setWidthFull();
    parent.setId("choose-parent");
    Button staff = new Button(getTranslation("signin.staff"), e -> getUI().ifPresent(ui -> ui.navigate("signin")));
    staff.addThemeVariants(ButtonVariant.LUMO_LARGE);
    staff.setWidthFull();
    staff.setId("choose-staff");
    add(new H1(getTranslation("signin.title")), parent, new Paragraph(getTranslation("signin.parent.help")), staff);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    currentUser.get().ifPresent(u -> event.forwardTo(u.isStaff() ? "staff" : "parent"));
  }
}
