package org.schoolgate.platform.ui;

import com.vaadin.flow.component.UI;
import java.util.Optional;
import org.schoolgate.platform.security.SignedInUser;

/**
 * A school's look: its brand folder under /branding (colour stylesheet and logo) and name. The
 * directory provides it for the school a person belongs to; layouts apply it.
 */
public interface Branding {

  /** A school's brand as shown in a layout. */
  record Brand(String schoolName, String brandKey) {
    public String logoUrl() {
      return "branding/" + brandKey + "/logo.svg";
    }

    public String stylesheetUrl() {
      return "branding/" + brandKey + "/brand.css";
    }
  }

  /** The brand for this person: a member of staff's first school, a parent's eldest child's school. */
  Optional<Brand> brandFor(SignedInUser user);

  /** Adds the brand's stylesheet to the page. */
  static void apply(UI ui, Brand brand) {
    ui.getPage().addStyleSheet(brand.stylesheetUrl());
  }
}
