/**
 * Test fixtures every module's tests share, shipped in chain's test-jar: {@link
 * io.fugue.chain.testing.Await} (bounded waits), {@link io.fugue.chain.testing.MutableClock} and
 * {@link io.fugue.chain.testing.CrashHarness} (SIGKILL a child JVM at random moments).
 */
package io.fugue.chain.testing;
