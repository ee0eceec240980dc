/**
 * The holder's side: openings sealed to a secp256k1 key ({@link
 * io.fugue.datasharing.holder.OpeningSealer}, ECIES) and the node's {@link
 * io.fugue.datasharing.holder.HolderVault}, which keeps openings encrypted at rest and uses them
 * only with the holder's signed consent, and erases them on request.
 */
package io.fugue.datasharing.holder;
