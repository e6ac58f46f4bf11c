package org.schoolgate.platform.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

@Route("bootcheck")
public class BootCheckView extends VerticalLayout {
  public BootCheckView() {
    add(new H1("Schoolgate boots"));
  }
}
