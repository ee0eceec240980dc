package io.fugue.datasharing.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the ledger-module packages pure (STYLE.md "pure core, I/O shell"): the registry and
 * attestation rules run inside block execution and must not touch storage, sockets, clocks or the
 * higher modules.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fugue.datasharing");
  }

  @Test
  void ledgerModulesShouldDoNoIo() {
    noClasses()
        .that()
        .resideInAnyPackage("io.fugue.datasharing.registry..", "io.fugue.datasharing.attestation..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.rocksdb..",
            "io.fugue.chain.storage..",
            "io.fugue.datasharing.query..",
            "io.fugue.datasharing.holder..",
            "io.fugue.api..",
            "java.net..",
            "java.nio.file..")
        .check(classes);
  }

  @Test
  void ledgerModulesShouldNotReadClocks() {
    noClasses()
        .that()
        .resideInAnyPackage("io.fugue.datasharing.registry..", "io.fugue.datasharing.attestation..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.time.Clock")
        .check(classes);
  }

  @Test
  void packagesShouldBeFreeOfCycles() {
    slices().matching("io.fugue.(**)").should().beFreeOfCycles().check(classes);
  }
}
