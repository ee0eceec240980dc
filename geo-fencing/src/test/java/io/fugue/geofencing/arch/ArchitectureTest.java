package io.fugue.geofencing.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps geo-fencing below data sharing and the API (DESIGN.md §1) and its policy and ledger
 * packages pure: they run inside block execution.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fugue.geofencing");
  }

  @Test
  void shouldImportOnlyChain() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fugue.datasharing..", "io.fugue.api..", "io.fugue.zk..", "io.fugue.nativelib..")
        .check(classes);
  }

  @Test
  void rulesShouldDoNoIoNorReadClocks() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.fugue.geofencing.policy..",
            "io.fugue.geofencing.ledger..",
            "io.fugue.geofencing.location..",
            "io.fugue.geofencing.enforce..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.rocksdb..", "io.fugue.chain.storage..", "java.net..", "java.nio.file..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.time.Clock")
        .check(classes);
  }

  @Test
  void packagesShouldBeFreeOfCycles() {
    slices().matching("io.fugue.(**)").should().beFreeOfCycles().check(classes);
  }
}
