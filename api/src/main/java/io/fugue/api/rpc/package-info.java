/**
 * JSON-RPC 2.0 at {@code /rpc} for chain reads and transaction submission: one class per method,
 * dispatched by {@link io.fugue.api.rpc.JsonRpcEndpoint}.
 */
package io.fugue.api.rpc;
