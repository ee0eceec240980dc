/**
 * The interfaces the API shell calls, owned here and implemented by the chain and data-sharing
 * modules when the node is wired. Start with {@link io.fugue.api.port.ApiPorts}.
 */
package io.fugue.api.port;
