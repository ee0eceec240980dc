//! RFC 9497 VOPRF with the ristretto255-SHA512 ciphersuite, plus the pieces a threshold
//! deployment needs on top of it (Shamir/Feldman arithmetic and Lagrange recombination).
//!
//! [`core`] is the protocol (hash-to-group, blinding, batched DLEQ proofs, finalization),
//! [`threshold`] the scalar-field arithmetic for t-of-n keys, and `exports` the JNI shims of
//! `io.fugue.nativelib.NativeOprf`. docs/identity.md gives every byte string.

pub mod core;
mod exports;
pub mod threshold;
