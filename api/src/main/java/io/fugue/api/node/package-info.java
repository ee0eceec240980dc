/**
 * The node wiring: real implementations of the API's ports over the ledger ({@code chain}), the
 * consensus node shell and the data-sharing services, the CLI's ports over the key files and the
 * transaction codec, and the one-JVM devnet ({@link io.fugue.api.node.Devnet}). Start with {@link
 * io.fugue.api.node.NodePorts}.
 */
package io.fugue.api.node;
