package io.fugue.nativelib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NativeLoaderTest {

  @Test
  void shouldNameThePlatformDirectoryTheBuildPackages() {
    // The build copies the library to /native/linux-x86_64/ (native/pom.xml); on this platform
    // the loader must look exactly there.
    if (System.getProperty("os.name").toLowerCase().contains("linux")
        && System.getProperty("os.arch").matches("amd64|x86_64")) {
      assertThat(NativeLoader.resourcePath()).isEqualTo("/native/linux-x86_64/libfugue_native.so");
    }
  }

  @Test
  void shouldFindTheLibraryInsideTheBuiltClasses() {
    assertThat(NativeLoader.class.getResource(NativeLoader.resourcePath()))
        .as("cargo's library copied into the jar resources")
        .isNotNull();
  }

  @Test
  void shouldLoadTheLibraryAndStayLoadedWhenCalledAgain() {
    NativeLoader.load();
    NativeLoader.load();
    // A native call only links if the library is really loaded.
    assertThat(NativeZk.randomScalar()).hasSize(32);
  }

  @Test
  void shouldNameTheMissingResourceAndTheCauseWhenExtractionFails() {
    UnsatisfiedLinkError cause = new UnsatisfiedLinkError("no fugue_native in java.library.path");
    assertThatThrownBy(() -> NativeLoader.extractAndLoad("/native/nowhere/libmissing.so", cause))
        .isInstanceOf(NativeException.class)
        .hasMessageContaining("/native/nowhere/libmissing.so")
        .hasMessageContaining("fugue_native")
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(cause));
  }

  @Test
  void shouldReportACorruptLibraryAsANativeExceptionWithItsResource() {
    // A resource that exists but is not a shared object: System.load fails, and the loader must
    // say which resource it was.
    assertThatThrownBy(
            () -> NativeLoader.extractAndLoad("/io/fugue/nativelib/not-a-library.so", null))
        .isInstanceOf(NativeException.class)
        .hasMessageContaining("/io/fugue/nativelib/not-a-library.so")
        .hasCauseInstanceOf(UnsatisfiedLinkError.class);
  }
}
