package io.fugue.chain.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module rules of DESIGN.md §1 and the "pure core, I/O shell" rule of STYLE.md: the
 * deterministic packages (codec, consensus rules, primitives, ledger-module contracts, and the
 * state commitment arithmetic) import no RocksDB, no JNI, no sockets and start no threads; and no
 * two packages depend on each other in a cycle.
 */
class ArchitectureTest {
  /**
   * The deterministic core: no I/O, no threads. The consensus rules, codec, primitives and
   * ledger-module contracts, and the state commitment arithmetic (hashing, keys and proofs of the
   * state tree: what a light client runs), but not the tree's store-backed parts.
   */
  private static final DescribedPredicate<JavaClass> PURE =
      JavaClass.Predicates.resideInAnyPackage(
              "io.fugue.chain.consensus..",
              "io.fugue.chain.codec..",
              "io.fugue.chain.primitives..",
              "io.fugue.chain.module..")
          .or(
              HasName.Predicates.nameMatching(
                  "io\\.fugue\\.chain\\.state\\.(TreeHashing|StateKeys|StateProof|Sha256)(\\$.*)?"))
          .as("the pure core");

  private static JavaClasses chain;

  @BeforeAll
  static void importChain() {
    chain =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fugue.chain");
  }

  @Test
  void chainShouldNotDependOnHigherModules() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.fugue.chain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.fugue.zk..",
                "io.fugue.datasharing..",
                "io.fugue.geofencing..",
                "io.fugue.api..");
    rule.check(chain);
  }

  @Test
  void pureCoreShouldDoNoIo() {
    ArchRule rule =
        noClasses()
            .that(PURE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.rocksdb..",
                "io.fugue.nativelib..",
                "io.fugue.chain.p2p..",
                "io.fugue.chain.storage..",
                "java.net..",
                "java.nio.channels..",
                "java.nio.file..")
            .allowEmptyShould(true);
    rule.check(chain);
  }

  /** The name pattern above must keep matching the state classes, or their rules check nothing. */
  @Test
  void pureCoreShouldCoverTheStateCommitmentArithmetic() {
    assertThat(chain.that(PURE).stream().map(JavaClass::getSimpleName))
        .contains("TreeHashing", "StateKeys", "StateProof", "Sha256", "FbftMachine");
  }

  @Test
  void pureCoreShouldStartNoThreads() {
    ArchRule rule =
        noClasses()
            .that(PURE)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(Thread.class.getName())
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("java.util.concurrent..");
    rule.check(chain);
  }

  @Test
  void packagesShouldBeFreeOfCycles() {
    slices().matching("io.fugue.(**)").should().beFreeOfCycles().check(chain);
  }

  @Test
  void onlyTheStorageShellShouldTouchRocksDb() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("io.fugue.chain.storage..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.rocksdb..");
    rule.check(chain);
  }
}
