package org.schoolgate.platform.security;

import jakarta.enterprise.context.RequestScoped;

/** Holds the person a REST request authenticated as, for the length of that request. */
@RequestScoped
public class RequestPrincipal {

  private SignedInUser user;

  public SignedInUser user() {
    return user;
  }

  public void set(SignedInUser user) {
    this.user = user;
  }
}
