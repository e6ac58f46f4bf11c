package org.schoolgate.identity.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import org.schoolgate.identity.application.SignInResult;
import org.schoolgate.identity.application.StaffSignIn;
import org.schoolgate.platform.security.PublicScreen;
import org.schoolgate.platform.ui.UserSessions;

/** Staff sign in with username and password. */
@Route("signin")
@PageTitle("Staff sign-in · Schoolgate")
@PublicScreen
public class StaffSignInView extends VerticalLayout {

  final LoginForm form = new LoginForm();

  @Inject
  public StaffSignInView(StaffSignIn staffSignIn) {
    addClassName("sg-signin");
    setAlignItems(Alignment.CENTER);
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle("Staff sign-in");
    i18n.getForm().setUsername("Username");
    i18n.getErrorMessage().setTitle("Not signed in");
    i18n.getErrorMessage().setMessage(StaffSignIn.GENERIC_FAILURE);
    i18n.setAdditionalInformation("Forgotten your password? Ask your school's Schoolgate administrator.");
    form.setI18n(i18n);
    form.setForgotPasswordButtonVisible(false);
    form.addLoginListener(
        e -> {
          SignInResult result = staffSignIn.signIn(e.getUsername(), e.getPassword(), UserSessions.clientAddress());
          if (result.succeeded()) {
            UserSessions.signIn(result.user().orElseThrow());
            getUI().ifPresent(ui -> ui.navigate("staff"));
          } else {
            form.setError(true);
            form.setEnabled(true);
          }
        });
    add(form, new Anchor("parent/signin", "Parent or carer? Sign in here"));
  }
}
