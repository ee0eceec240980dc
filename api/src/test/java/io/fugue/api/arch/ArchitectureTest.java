package io.fugue.api.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the api module's pure parts free of I/O and its ports free of HTTP details. */
@AnalyzeClasses(packages = "io.fugue.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule authAndRateLimitsArePure =
      noClasses()
          .that()
          .resideInAnyPackage("io.fugue.api.auth..", "io.fugue.api.ratelimit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.vertx..", "java.net..", "java.io..");

  @ArchTest
  static final ArchRule portsAndModelKnowNoHttp =
      noClasses()
          .that()
          .resideInAnyPackage("io.fugue.api.port..", "io.fugue.api.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.vertx.ext..",
              "io.vertx.core.http..",
              "io.fugue.api.http..",
              "io.fugue.api.resource..",
              "io.fugue.api.cli..");

  @ArchTest
  static final ArchRule serverDoesNotDependOnTheCli =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.fugue.api.cli..", "io.fugue.api.node..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.fugue.api.cli..");

  // The node wiring implements the server's and the CLI's ports; neither knows it.
  @ArchTest
  static final ArchRule nothingDependsOnTheWiring =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fugue.api.node..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.fugue.api.node..");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.fugue.(**)").should().beFreeOfCycles();
}
