package org.schoolgate.platform.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;
import org.schoolgate.platform.security.StaffRole;

/**
 * The frame of every staff screen: the navigation a person's roles allow, who is signed in, and
 * sign out. Features add their screens here by route; the route guard still checks each one.
 */
public class StaffLayout extends AppLayout {

  /** One entry of the staff navigation: shown to staff holding any of {@code roles} (empty: all). */
  public record Entry(String label, String route, VaadinIcon icon, Set<StaffRole> roles) {}

  static final Set<StaffRole> SETTINGS = EnumSet.of(StaffRole.ADMINISTRATOR, StaffRole.HEADTEACHER);

  /** Roles that send messages to families and look after their delivery. */
  static final Set<StaffRole> MESSAGING =
      EnumSet.of(StaffRole.OFFICE, StaffRole.ATTENDANCE_OFFICER, StaffRole.PASTORAL_LEAD, StaffRole.HEADTEACHER, StaffRole.DSL,
          StaffRole.SENCO, StaffRole.ADMINISTRATOR);

  /** Roles that send to many families and look after the school's wording. */
  static final Set<StaffRole> SENDERS =
      EnumSet.of(StaffRole.OFFICE, StaffRole.ATTENDANCE_OFFICER, StaffRole.PASTORAL_LEAD, StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR);

  static final java.util.List<Entry> ENTRIES =
      java.util.List.of(
          new Entry("Today", "staff", VaadinIcon.HOME, Set.of()),
          new Entry("Pupils", "staff/pupils", VaadinIcon.USERS, Set.of()),
          new Entry("Attendance", "staff/attendance", VaadinIcon.BAR_CHART, Set.of()),
          new Entry("Register", "staff/register", VaadinIcon.CHECK_SQUARE_O, Set.of()),
          new Entry("Tasks", "staff/tasks", VaadinIcon.TASKS, Set.of()),
          new Entry("Messages", "staff/messages", VaadinIcon.ENVELOPE, MESSAGING),
          new Entry("Messages to many families", "staff/messages/bulk", VaadinIcon.ENVELOPES, SENDERS),
          new Entry("Templates", "staff/templates", VaadinIcon.FILE_TEXT_O, SENDERS),
          new Entry("Calendar", "staff/calendar", VaadinIcon.CALENDAR, Set.of()),
          new Entry("MIS imports", "staff/imports", VaadinIcon.UPLOAD, EnumSet.of(StaffRole.OFFICE, StaffRole.ATTENDANCE_OFFICER, StaffRole.HEADTEACHER, StaffRole.ADMINISTRATOR)),
          new Entry("School settings", "staff/settings", VaadinIcon.COG, SETTINGS));

  @Inject
  public StaffLayout(CurrentUser currentUser, Branding branding, @ConfigProperty(name = "schoolgate.dev-outbox", defaultValue = "false") boolean devOutbox) {
    SignedInUser user = currentUser.get().orElse(null);
    addClassName("sg-staff");
    H1 title = new H1("Schoolgate");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    HorizontalLayout header = new HorizontalLayout(new DrawerToggle());
    if (user != null) {
      branding.brandFor(user).ifPresent(brand -> {
        Branding.apply(com.vaadin.flow.component.UI.getCurrent(), brand);
        com.vaadin.flow.component.html.Image logo = new com.vaadin.flow.component.html.Image(brand.logoUrl(), brand.schoolName() + " logo");
        logo.addClassName("sg-brand-logo");
        header.add(logo);
      });
    }
    header.add(title);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.setWidthFull();
    header.getStyle().set("padding-right", "var(--lumo-space-m)");
    if (user != null) {
      Span who = new Span(user.displayName());
      who.addClassName("sg-muted");
      who.setId("signed-in-as");
      Button signOut = new Button("Sign out", e -> UserSessions.signOut("/"));
      signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      signOut.setId("sign-out");
      HorizontalLayout right = new HorizontalLayout(who, signOut);
      right.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
      header.add(right);
      header.expand(title);
    }
    addToNavbar(header);
    SideNav nav = new SideNav();
    for (Entry entry : ENTRIES) {
      if (user != null && (entry.roles().isEmpty() || user.hasAnyRole(entry.roles()))) {
        nav.addItem(new SideNavItem(entry.label(), entry.route(), entry.icon().create()));
      }
    }
    if (devOutbox) {
      nav.addItem(new SideNavItem("Dev outbox", "dev/outbox", VaadinIcon.ENVELOPES.create()));
    }
    addToDrawer(nav);
    setPrimarySection(Section.DRAWER);
  }
}
