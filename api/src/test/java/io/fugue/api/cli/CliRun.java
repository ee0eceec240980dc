package io.fugue.api.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One captured CLI run. */
record CliRun(int exit, String out, String err) {
  static CliRun run(CliServices services, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FugueCli.run(services, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
