/**
 * The Vert.x verticle that serves the API ({@link io.fugue.api.server.ApiServer}): mounts the
 * resource groups, JSON-RPC, metrics and the OpenAPI document over the ports of {@link
 * io.fugue.api.port}. Wiring only; the root package holds the config and limits everyone shares.
 */
package io.fugue.api.server;
