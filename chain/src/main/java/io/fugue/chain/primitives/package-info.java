/** Value types shared by the whole chain: {@link io.fugue.chain.primitives.Bytes}, hashes, addresses. */
package io.fugue.chain.primitives;
