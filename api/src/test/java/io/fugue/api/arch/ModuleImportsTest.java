package io.fugue.api.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import rules between modules (DESIGN.md §1), checked where every module is on the classpath:
 * {@code chain ← geo-fencing ← datasharing}, chain never imports geo-fencing, geo-fencing never
 * imports data sharing, zk or the API. (ArchitectureTest analyses the api module's own packages.)
 */
class ModuleImportsTest {
  private static JavaClasses all;

  @BeforeAll
  static void importAll() {
    all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(
                "io.fugue.chain", "io.fugue.geofencing", "io.fugue.datasharing", "io.fugue.zk");
  }

  @Test
  void chainShouldNotImportGeoFencing() {
    noClasses()
        .that()
        .resideInAPackage("io.fugue.chain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fugue.geofencing..", "io.fugue.datasharing..", "io.fugue.api..")
        .check(all);
  }

  @Test
  void geoFencingShouldImportOnlyChain() {
    noClasses()
        .that()
        .resideInAPackage("io.fugue.geofencing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fugue.datasharing..", "io.fugue.zk..", "io.fugue.nativelib..", "io.fugue.api..")
        .check(all);
  }

  @Test
  void dataSharingShouldNotImportTheApi() {
    noClasses()
        .that()
        .resideInAPackage("io.fugue.datasharing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fugue.api..")
        .check(all);
  }
}
