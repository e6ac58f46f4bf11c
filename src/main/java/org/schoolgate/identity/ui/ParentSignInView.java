package org.schoolgate.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schoolgate.identity.application.ParentSignIn;
import org.schoolgate.identity.application.SignInResult;
import org.schoolgate.platform.security.PublicScreen;
import org.schoolgate.platform.ui.ParentLayout;
import org.schoolgate.platform.ui.UserSessions;
import org.schoolgate.platform.validation.InvalidInputException;

/** Parents sign in with a code sent to the mobile or email the school holds for them. */
@Route(value = "parent/signin", layout = ParentLayout.class)
@PageTitle("Sign in · Schoolgate")
@PublicScreen
public class ParentSignInView extends VerticalLayout {

  final TextField destination = new TextField();
  final TextField code = new TextField();
  final Button send = new Button();
  final Button signIn = new Button();
  final Paragraph message = new Paragraph();
  private final VerticalLayout askStep = new VerticalLayout();
  private final VerticalLayout codeStep = new VerticalLayout();
  private final ParentSignIn parentSignIn;

  @Inject
  public ParentSignInView(
      ParentSignIn parentSignIn, @ConfigProperty(name = "schoolgate.dev-outbox", defaultValue = "false") boolean devOutbox) {
    this.parentSignIn = parentSignIn;
    setPadding(false);
    add(new H1(getTranslation("parent.signin.title")));

    destination.setLabel(getTranslation("parent.signin.destination"));
    destination.setHelperText(getTranslation("parent.signin.destination.help"));
    destination.setId("destination");
    destination.setWidthFull();
    destination.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.TEL);
    send.setText(getTranslation("parent.signin.send"));
    send.setId("send-code");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.setWidthFull();
    send.addClickShortcut(Key.ENTER).listenOn(destination);
    send.addClickListener(e -> requestCode());
    askStep.setPadding(false);
    askStep.add(destination, send);

    code.setLabel(getTranslation("parent.signin.code"));
    code.setId("code");
    code.setMaxLength(6);
    code.setPattern("[0-9]{6}");
    code.setAllowedCharPattern("[0-9]");
    code.getElement().setAttribute("inputmode", "numeric");
    code.getElement().setAttribute("autocomplete", "one-time-code");
    code.setWidthFull();
    signIn.setText(getTranslation("parent.signin.submit"));
    signIn.setId("sign-in");
    signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    signIn.setWidthFull();
    signIn.addClickShortcut(Key.ENTER).listenOn(code);
    signIn.addClickListener(e -> verify());
    Button again = new Button(getTranslation("parent.signin.again"), e -> requestCode());
    again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Button change = new Button(getTranslation("parent.signin.change"), e -> showAsk());
    change.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    codeStep.setPadding(false);
    codeStep.add(code, signIn, again, change);
    codeStep.setVisible(false);

    message.setId("sign-in-message");
    message.getElement().setAttribute("role", "status");
    message.getElement().setAttribute("aria-live", "polite");
    add(askStep, codeStep, message);
    if (devOutbox) {
      Anchor outbox = new Anchor("dev/outbox", getTranslation("parent.signin.devoutbox"));
      outbox.setTarget("_blank");
      outbox.setId("dev-outbox-link");
      add(outbox);
    }
  }

  private void requestCode() {
    try {
      destination.setInvalid(false);
      SignInResult result = parentSignIn.requestCode(destination.getValue(), UserSessions.clientAddress());
      message.setText(result.message());
      if (!ParentSignIn.TOO_MANY_REQUESTS.equals(result.message())) {
        code.setHelperText(getTranslation("parent.signin.code.help", destination.getValue().trim()));
        askStep.setVisible(false);
        codeStep.setVisible(true);
        code.clear();
        code.focus();
      }
    } catch (InvalidInputException e) {
      destination.setErrorMessage(e.getMessage());
      destination.setInvalid(true);
    }
  }

  private void verify() {
    SignInResult result = parentSignIn.verify(destination.getValue(), code.getValue(), UserSessions.clientAddress());
    if (result.succeeded()) {
      UserSessions.signIn(result.user().orElseThrow());
      getUI().ifPresent(ui -> ui.getPage().setLocation("parent"));
    } else {
      message.setText(result.message());
      code.setInvalid(true);
      code.setErrorMessage(result.message());
    }
  }

  private void showAsk() {
    codeStep.setVisible(false);
    askStep.setVisible(true);
    message.setText("");
    destination.focus();
  }
}
