package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.storage.StorageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A node whose shard fails on its own must exit non-zero, with the cause on the console. */
class NodeCommandsExitTest {

  @Test
  void shouldExitWithOneWhenTheShardFails() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    NodeCommands commands =
        new NodeCommands(new PrintStream(console, true, StandardCharsets.UTF_8));
    CompletableFuture<Optional<Throwable>> terminated = new CompletableFuture<>();
    terminated.complete(Optional.of(new StorageException("injected: disk full")));

    int code = commands.runUntilStopped(() -> {}, terminated);

    assertThat(code).isEqualTo(1);
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("the node stopped after a fatal error: injected: disk full");
  }
}
