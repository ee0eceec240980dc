/**
 * Keys and signatures: BLS12-381 (min-pk, through jblst) for validators and consensus, secp256k1
 * recoverable signatures for accounts, and password-encrypted key files. Start at {@link
 * io.fugue.chain.crypto.BlsSecretKey} and {@link io.fugue.chain.crypto.Secp256k1}.
 */
package io.fugue.chain.crypto;
