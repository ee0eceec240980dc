/**
 * The lifecycle every long-running node part shares ({@link io.fugue.chain.service.Service}: IDLE →
 * RUNNING → STOPPED or FAILED by compare-and-set) and the one-thread driver most of them run on
 * ({@link io.fugue.chain.service.Driver}).
 */
package io.fugue.chain.service;
