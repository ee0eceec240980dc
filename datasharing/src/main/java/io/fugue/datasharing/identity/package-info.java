/**
 * did:fugue DIDs as a beacon-chain ledger module: {@link io.fugue.datasharing.identity.DidTx}
 * bodies, {@link io.fugue.datasharing.identity.DidRecord} records in the authenticated state and
 * {@link io.fugue.datasharing.identity.DidModule} rules. docs/did-method.md is the method spec.
 */
package io.fugue.datasharing.identity;
