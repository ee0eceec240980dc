package io.fugue.chain.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
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
  /** Deterministic packages: no I/O, no threads. */
  private static final String[] PURE_PACKAGES = {
    "io.fugue.chain.consensus..", "io.fugue.chain.codec..", "io.fugue.chain.primitives..", "io.fugue.chain.module.."
  };

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
                "io.fugue.zk..", "io.fugue.datasharing..", "io.fugue.geofencing..", "io.fugue.api..");
    rule.check(chain);
  }

  @Test
  void pureCoreShouldDoNoIo() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(PURE_PACKAGES)
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

  /** Hashing, keys and proofs of the state tree: what a light client runs, so no store and no I/O. */
  @Test
  void stateCommitmentArithmeticShouldDoNoIo() {
    ArchRule rule =
        noClasses()
            .that()
            .haveFullyQualifiedName("io.fugue.chain.state.TreeHashing")
            .or()
            .haveFullyQualifiedName("io.fugue.chain.state.StateKeys")
            .or()
            .haveFullyQualifiedName("io.fugue.chain.state.StateProof")
            .or()
            .haveFullyQualifiedName("io.fugue.chain.state.Sha256")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.rocksdb..",
                "io.fugue.nativelib..",
                "io.fugue.chain.storage..",
                "java.net..",
                "java.nio.channels..",
                "java.nio.file..",
                "java.util.concurrent..");
    rule.check(chain);
  }

  @Test
  void pureCoreShouldStartNoThreads() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(PURE_PACKAGES)
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
