package org.schoolgate.directory.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;
import org.schoolgate.directory.application.PupilDirectory;
import org.schoolgate.directory.domain.Pupil;
import org.schoolgate.directory.domain.YearGroups;
import org.schoolgate.platform.security.ParentOnly;
import org.schoolgate.platform.ui.ParentLayout;

/** A parent's home: one card per child they hold parental responsibility for. */
@Route(value = "parent", layout = ParentLayout.class)
@PageTitle("Schoolgate")
@ParentOnly
public class ParentHomeView extends VerticalLayout {

  @Inject
  public ParentHomeView(PupilDirectory directory) {
    setPadding(false);
    add(new H1(getTranslation("parent.home.title")));
    List<Pupil> children = directory.myChildren();
    if (children.isEmpty()) {
      add(new Paragraph(getTranslation("parent.home.none")));
    }
    for (Pupil child : children) {
      Div card = new Div();
      card.addClassName("sg-card");
      card.addClassName("sg-child-card");
      card.setWidthFull();
      card.add(new H2(child.preferredFirstName() + " " + child.getLegalLastName()));
      card.add(new Paragraph(YearGroups.label(child.getYearGroup()) + (child.getGroup() == null ? "" : " · " + getTranslation("parent.home.class") + " " + child.getGroup().getName())));
      card.add(new Paragraph(getTranslation("parent.home.school") + ": " + child.getSchool().getName()));
      String phone = child.getSchool().getPhone();
      if (phone != null && !phone.isBlank()) {
        Anchor call = new Anchor("tel:" + phone.replace(" ", ""), getTranslation("parent.home.call", phone));
        call.addClassName("sg-touch");
        card.add(call);
      }
      add(card);
    }
  }
}
