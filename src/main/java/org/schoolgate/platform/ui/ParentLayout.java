package org.schoolgate.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLayout;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Objects;
import org.schoolgate.platform.security.CurrentUser;
import org.schoolgate.platform.security.SignedInUser;

/**
 * The frame of every parent screen, built for a phone first: a slim header with the language
 * switch and sign out, then one column of content. Right-to-left languages mirror the layout.
 */
public class ParentLayout extends Div implements RouterLayout {

  private final Main content = new Main();

  @Inject
  public ParentLayout(CurrentUser currentUser, Branding branding) {
    addClassName("sg-parent");
    setWidthFull();
    SignedInUser user = currentUser.get().orElse(null);
    Locale locale = ParentLanguages.effective(UI.getCurrent().getLocale());
    applyDirection(locale);

    Span name = new Span(getTranslation("app.name"));
    name.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
    HorizontalLayout bar = new HorizontalLayout();
    if (user != null && user.isParent()) {
      branding.brandFor(user).ifPresent(brand -> {
        Branding.apply(UI.getCurrent(), brand);
        com.vaadin.flow.component.html.Image logo = new com.vaadin.flow.component.html.Image(brand.logoUrl(), brand.schoolName() + " logo");
        logo.addClassName("sg-brand-logo");
        bar.add(logo);
      });
    }
    bar.add(name);
    bar.setWidthFull();
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    bar.expand(name);

    Select<Locale> language = new Select<>();
    language.setItems(ParentLanguages.LOCALES);
    language.setItemLabelGenerator(l -> l.getDisplayLanguage(l));
    language.setValue(ParentLanguages.LOCALES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(Locale.ENGLISH));
    language.setAriaLabel(getTranslation("parent.layout.language"));
    language.setId("language");
    language.setWidth("9em");
    language.setVisible(ParentLanguages.LOCALES.size() > 1);
    language.addValueChangeListener(
        e -> {
          if (e.isFromClient() && !Objects.equals(e.getOldValue(), e.getValue())) {
            changeLanguage(currentUser, e.getValue());
          }
        });
    bar.add(language);
    if (user != null && user.isParent()) {
      com.vaadin.flow.component.html.Anchor children = new com.vaadin.flow.component.html.Anchor("parent", getTranslation("parent.menu.children"));
      children.setId("parent-menu-children");
      com.vaadin.flow.component.html.Anchor messages = new com.vaadin.flow.component.html.Anchor("parent/messages", getTranslation("parent.menu.messages"));
      messages.setId("parent-menu-messages");
      bar.add(children, messages);
      Button signOut = new Button(getTranslation("parent.layout.signout"), e -> UserSessions.signOut("/"));
      signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      signOut.setId("sign-out");
      bar.add(signOut);
    }
    Header header = new Header(bar);
    header.getStyle()
        .set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
        .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)");
    content.addClassName("sg-parent-page");
    add(header, content);
  }

  private void changeLanguage(CurrentUser currentUser, Locale locale) {
    UI ui = UI.getCurrent();
    ui.getSession().setLocale(locale);
    currentUser.get().ifPresent(u -> UserSessions.update(new SignedInUser(u.kind(), u.id(), u.displayName(), u.rolesBySchool(), u.groupIds(), locale.getLanguage())));
    ui.getPage().reload();
  }

  private void applyDirection(Locale locale) {
    boolean rtl = ParentLanguages.rightToLeft(locale);
    UI.getCurrent().getElement().setAttribute("dir", rtl ? "rtl" : "ltr");
    UI.getCurrent().getPage().executeJs("document.documentElement.setAttribute('dir', $0); document.documentElement.setAttribute('lang', $1)", rtl ? "rtl" : "ltr", locale.getLanguage());
  }

  @Override
  public void showRouterLayoutContent(HasElement view) {
    content.removeAll();
    if (view != null) {
      content.getElement().appendChild(view.getElement());
    }
  }

  @Override
  public void removeRouterLayoutContent(HasElement oldContent) {
    content.removeAll();
  }

  Component content() {
    return content;
  }
}
