/**
 * The {@code fugue} command line (picocli): node commands and HTTP clients of a running node. Start
 * with {@link io.fugue.api.cli.FugueCli}; what a build lacks is a missing port in {@link
 * io.fugue.api.cli.CliServices}.
 */
package io.fugue.api.cli;
