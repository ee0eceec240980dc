package io.fugue.chain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kills a child JVM with SIGKILL at random moments, again and again, and after each kill lets the
 * test check the store the child left behind. The child is a class with a {@code main(String[])} on
 * the test class path that commits blocks and prints {@code committed <n>} after each one is
 * durable: the highest such line is what was acknowledged, and must never be lost.
 *
 * <p>Each run either kills the child during start-up or recovery (one run in five, at a random
 * instant up to {@link Plan#startupKillMillis}), or waits until it acknowledged a few more blocks
 * (up to {@link Plan#maxBlocksPerRun}) and kills it a few milliseconds later. The random source is
 * the test's, so {@code -Dcrash.seed=N} reproduces a run.
 */
public final class CrashHarness {

  /**
   * How to kill.
   *
   * @param kills how many children to kill
   * @param deadline the longest wait for a child to acknowledge, or to exit once killed
   * @param startupKillMillis the latest instant of a kill during start-up
   * @param maxBlocksPerRun at most this many blocks past the last acknowledged before a kill
   * @param maxKillDelayMillis at most this long between the awaited acknowledgement and the kill
   */
  public record Plan(
      int kills,
      Duration deadline,
      int startupKillMillis,
      int maxBlocksPerRun,
      int maxKillDelayMillis) {}

  /** Checks the store after a kill; returns the head block number it found (-1 for none). */
  @FunctionalInterface
  public interface AfterKill {
    long check(long acknowledged) throws Exception;
  }

  /**
   * @param acknowledged the highest block any child acknowledged
   * @param unacknowledgedCommits kills that landed after a commit but before its acknowledgement
   */
  public record Outcome(long acknowledged, int unacknowledgedCommits) {}

  private CrashHarness() {}

  /**
   * Runs {@code plan.kills()} children of {@code child} with {@code args}, their stderr in {@code
   * logDir/child-<run>.err}, calling {@code afterKill} after each.
   */
  public static Outcome killRepeatedly(
      Class<?> child, Path logDir, Plan plan, Random random, AfterKill afterKill, String... args)
      throws Exception {
    long acked = -1;
    int unacknowledged = 0;
    for (int run = 0; run < plan.kills(); run++) {
      Process process = start(child, logDir, run, args);
      AtomicLong lastAck = new AtomicLong(-1);
      Thread reader = readAcks(process, lastAck);
      if (random.nextInt(5) == 0) {
        process.waitFor(random.nextInt(plan.startupKillMillis()), TimeUnit.MILLISECONDS);
      } else {
        awaitAck(
            process,
            lastAck,
            Math.max(acked, 0) + 1 + random.nextInt(plan.maxBlocksPerRun()),
            plan,
            logDir);
        process.waitFor(random.nextInt(plan.maxKillDelayMillis()), TimeUnit.MILLISECONDS);
      }
      process.destroyForcibly();
      assertThat(process.waitFor(plan.deadline().toSeconds(), TimeUnit.SECONDS))
          .as("child exits")
          .isTrue();
      reader.join(plan.deadline().toMillis());
      assertThat(reader.isAlive()).as("the acknowledgement reader ends with the child").isFalse();
      acked = Math.max(acked, lastAck.get());
      long head = afterKill.check(acked);
      if (head > acked) {
        unacknowledged++;
      }
      System.out.printf("run %d: acknowledged up to %d, head %d%n", run, acked, head);
    }
    return new Outcome(acked, unacknowledged);
  }

  private static Process start(Class<?> child, Path logDir, int run, String... args)
      throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] command = new String[5 + args.length];
    command[0] = java;
    command[1] = "-Xmx256m";
    command[2] = "-cp";
    command[3] = classpath;
    command[4] = child.getName();
    System.arraycopy(args, 0, command, 5, args.length);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectError(
        ProcessBuilder.Redirect.appendTo(logDir.resolve("child-" + run + ".err").toFile()));
    return pb.start();
  }

  private static Thread readAcks(Process child, AtomicLong lastAck) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  if (line.startsWith("committed ")) {
                    lastAck.set(Long.parseLong(line.substring("committed ".length())));
                  }
                }
              } catch (IOException e) {
                // The pipe closes when the child is killed.
              }
            },
            "crash-harness-acks");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void awaitAck(
      Process child, AtomicLong lastAck, long target, Plan plan, Path logDir)
      throws InterruptedException {
    long deadline = System.nanoTime() + plan.deadline().toNanos();
    while (lastAck.get() < target) {
      if (!child.isAlive()) {
        throw new AssertionError("child exited with " + child.exitValue() + "; see " + logDir);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("child did not reach block " + target + " in " + plan.deadline());
      }
      child.waitFor(1, TimeUnit.MILLISECONDS);
    }
  }
}
