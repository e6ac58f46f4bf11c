package org.schoolgate.identity.application;

import java.util.Optional;
import org.schoolgate.platform.security.SignedInUser;

/**
 * The answer to a sign-in attempt: the person, or a message that says what to do next without
 * revealing whether an account, number or email exists.
 */
public record SignInResult(Optional<SignedInUser> user, String message) {

  public static SignInResult success(SignedInUser user) {
    return new SignInResult(Optional.of(user), "Signed in");
  }

  public static SignInResult failure(String message) {
    return new SignInResult(Optional.empty(), message);
  }

  public boolean succeeded() {
    return user.isPresent();
  }
}
