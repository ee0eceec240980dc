/**
 * The HTTP, JSON-RPC and CLI shell of a Fugue node. Start reading at {@link
 * io.fugue.api.server.ApiServer}; the backends it serves are the ports in {@link
 * io.fugue.api.port}.
 */
package io.fugue.api;
