package org.schoolgate.testing;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every integration test uses: the real WAR the build just packaged, exactly as
 * it ships, deployed to Payara Micro at the root context.
 */
public final class SchoolgateDeployment {

  private SchoolgateDeployment() {}

  public static WebArchive war() {
    File war = new File(System.getProperty("schoolgate.war", "target/schoolgate.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("Build the WAR first (mvn verify packages it): " + war);
    }
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }

  /**
   * The application's address as a browser on this machine reaches it. Payara Micro advertises the
   * host's network address; the tests always talk to loopback.
   */
  public static URI baseUri(URL deployed) {
    return URI.create("http://localhost:" + deployed.getPort() + "/");
  }
}
