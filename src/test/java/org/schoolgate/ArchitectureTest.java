package org.schoolgate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the code (style.md "Feature first, layers inside"): features do not depend on each
 * other in cycles, platform is shared plumbing that knows no feature, domain code imports no
 * adapter technology, only the Twilio adapter talks to Twilio (and only the mail adapter to a mail
 * server, only the PDF adapter to PDFBox), screens and REST resources do not
 * call each other, and nothing relies on the demo.
 */
@AnalyzeClasses(packages = "org.schoolgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule features_depend_on_each_other_without_cycles =
      slices().matching("org.schoolgate.(*)..").namingSlices("feature $1").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule platform_depends_on_no_feature =
      noClasses()
          .that().resideInAPackage("org.schoolgate.platform..")
          .should().dependOnClassesThat(
              resideInAPackage("org.schoolgate..").and(not(resideInAPackage("org.schoolgate.platform.."))))
          .as("platform depends on no feature (directory, identity, attendance, messaging, demo, ...)");

  @ArchTest
  static final ArchRule domain_code_imports_no_screen_web_messaging_or_pdf_technology =
      noClasses()
          .that().resideInAPackage("org.schoolgate..domain..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("com.vaadin..", "jakarta.ws.rs..", "com.twilio..", "jakarta.mail..", "org.apache.pdfbox..");

  @ArchTest
  static final ArchRule only_the_twilio_adapter_talks_to_twilio =
      noClasses()
          .that().resideOutsideOfPackage("org.schoolgate.messaging.adapter.twilio..")
          .should().dependOnClassesThat().resideInAPackage("com.twilio..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule only_the_mail_adapter_talks_to_a_mail_server =
      noClasses()
          .that().resideOutsideOfPackage("org.schoolgate.messaging.adapter.mail..")
          .should().dependOnClassesThat().resideInAPackage("jakarta.mail..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule only_the_pdf_adapter_draws_pdfs =
      noClasses()
          .that().resideOutsideOfPackage("org.schoolgate.documents.adapter.pdfbox..")
          .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule screens_do_not_call_rest_resources =
      noClasses()
          .that().resideInAPackage("org.schoolgate..ui..")
          .should().dependOnClassesThat().resideInAPackage("org.schoolgate..rest..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule rest_resources_do_not_call_screens =
      noClasses()
          .that().resideInAPackage("org.schoolgate..rest..")
          .should().dependOnClassesThat().resideInAPackage("org.schoolgate..ui..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule nothing_depends_on_the_demo_except_the_demo =
      noClasses()
          .that().resideOutsideOfPackage("org.schoolgate.demo..")
          .should().dependOnClassesThat().resideInAPackage("org.schoolgate.demo..")
          .allowEmptyShould(true);
}
