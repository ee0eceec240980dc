package io.fugue.nativelib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Loads {@code libfugue_native} once per JVM: first from {@code java.library.path}, else by
 * extracting {@code /native/<os>-<arch>/} from the jar into a private temporary directory.
 */
public final class NativeLoader {
  public static final String LIBRARY = "fugue_native";

  private static volatile boolean loaded;

  private NativeLoader() {}

  /** Loads the library if it is not loaded yet; throws {@link NativeException} naming the cause. */
  public static void load() {
    if (loaded) {
      return;
    }
    synchronized (NativeLoader.class) {
      if (loaded) {
        return;
      }
      try {
        System.loadLibrary(LIBRARY);
      } catch (UnsatisfiedLinkError fromPath) {
        loadFromJar(fromPath);
      }
      loaded = true;
    }
  }

  /** The resource path of the library inside the jar for this platform. */
  public static String resourcePath() {
    return "/native/" + platform() + "/" + System.mapLibraryName(LIBRARY);
  }

  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osName = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os;
    String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
    return osName + "-" + archName;
  }

  private static void loadFromJar(UnsatisfiedLinkError fromPath) {
    extractAndLoad(resourcePath(), fromPath);
  }

  /** Extracts {@code resource} into a private temp directory and loads it. */
  static void extractAndLoad(String resource, Throwable fromPath) {
    try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        NativeException e =
            new NativeException(
                "native library "
                    + LIBRARY
                    + " is not on java.library.path and resource "
                    + resource
                    + " is not in the jar (unsupported platform or a build without cargo)");
        if (fromPath != null) {
          e.addSuppressed(fromPath);
        }
        throw e;
      }
      Path dir =
          Files.createTempDirectory(
              "fugue-native-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path file = dir.resolve(System.mapLibraryName(LIBRARY));
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      System.load(file.toAbsolutePath().toString());
    } catch (IOException | UnsatisfiedLinkError e) {
      throw new NativeException(
          "cannot load native library from resource " + resource + ": " + e, e);
    }
  }
}
