package io.fugue.zk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps zk a leaf above the native library (DESIGN.md §1: {@code native ← zk}): it knows nothing of
 * the chain, data sharing or the API, and its packages (the range proofs and the OPRF) form no
 * cycle.
 */
@AnalyzeClasses(packages = "io.fugue.zk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule importsOnlyTheNativeLibrary =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.fugue.chain..",
              "io.fugue.geofencing..",
              "io.fugue.datasharing..",
              "io.fugue.api..");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.fugue.(**)").should().beFreeOfCycles();
}
