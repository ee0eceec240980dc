//! Range proofs: prove that committed values lie in [0, 2^n), and verify with a reason.
//!
//! The proof format is the `bulletproofs` crate's own (`RangeProof::to_bytes`). Every proof's
//! merlin transcript starts with [`TRANSCRIPT_LABEL`] and then binds the caller's domain label,
//! context (query id, attestation id, nonce, ...) and statement (the predicate the proof is for),
//! each as its own length-framed merlin message, so a proof made for one query never verifies
//! for another.

use bulletproofs::{ProofError, RangeProof};
use curve25519_dalek::ristretto::CompressedRistretto;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::IsIdentity;
use merlin::Transcript;

use super::ops::{
    bulletproof_gens, parse_points, parse_scalars, pedersen_gens, MAX_PARTIES, POINT_LEN,
};
use crate::jni_util::{invalid, NativeError, NativeResult};

/// The fixed merlin protocol label of every Fugue range proof.
pub const TRANSCRIPT_LABEL: &[u8] = b"fugue.zk.range.v1";
/// Longest domain label accepted.
pub const MAX_LABEL_LEN: usize = 256;
/// Longest context accepted.
pub const MAX_CONTEXT_LEN: usize = 64 * 1024;
/// Longest statement accepted (a 64-commitment sum statement is about 2 KiB).
pub const MAX_STATEMENT_LEN: usize = 8 * 1024;

/// What a proof is bound to besides its commitments and bit size.
#[derive(Clone, Copy, Debug)]
pub struct Binding<'a> {
    pub label: &'a [u8],
    pub context: &'a [u8],
    pub statement: &'a [u8],
}

impl Binding<'_> {
    fn check(&self) -> NativeResult<()> {
        if self.label.is_empty() || self.label.len() > MAX_LABEL_LEN {
            return invalid(format!(
                "label must be 1 to {MAX_LABEL_LEN} bytes, got {}",
                self.label.len()
            ));
        }
        if self.context.len() > MAX_CONTEXT_LEN {
            return invalid(format!(
                "context must be at most {MAX_CONTEXT_LEN} bytes, got {}",
                self.context.len()
            ));
        }
        if self.statement.len() > MAX_STATEMENT_LEN {
            return invalid(format!(
                "statement must be at most {MAX_STATEMENT_LEN} bytes, got {}",
                self.statement.len()
            ));
        }
        Ok(())
    }

    pub(crate) fn transcript(&self) -> Transcript {
        let mut t = Transcript::new(TRANSCRIPT_LABEL);
        t.append_message(b"label", self.label);
        t.append_message(b"context", self.context);
        t.append_message(b"statement", self.statement);
        t
    }
}

/// A proof in the crate's byte format and the commitments to the proven values.
#[derive(Clone, Debug)]
pub struct Proven {
    pub proof: Vec<u8>,
    pub commitments: Vec<u8>,
}

/// Checks n ∈ {8, 16, 32, 64}.
pub fn check_bits(n: usize) -> NativeResult<()> {
    match n {
        8 | 16 | 32 | 64 => Ok(()),
        _ => invalid(format!("bit size n must be 8, 16, 32 or 64, got {n}")),
    }
}

/// Checks that m values form a valid aggregation: a power of two from 1 to 64.
pub fn check_parties(m: usize) -> NativeResult<()> {
    if m == 0 || m > MAX_PARTIES || !m.is_power_of_two() {
        return invalid(format!(
            "the number of values m must be a power of two from 1 to {MAX_PARTIES}, got {m}"
        ));
    }
    Ok(())
}

/// The size of a proof for m values of n bits: 32·(9 + 2·log2(n·m)) bytes.
pub fn proof_len(n: usize, m: usize) -> usize {
    let lg = (n * m).trailing_zeros() as usize;
    32 * (9 + 2 * lg)
}

/// Proves that every value lies in [0, 2^n); refuses (never proves) when one does not.
pub fn prove(
    values: &[u64],
    blindings: &[u8],
    n: usize,
    binding: Binding<'_>,
) -> NativeResult<Proven> {
    check_bits(n)?;
    check_parties(values.len())?;
    binding.check()?;
    let blindings = parse_scalars(blindings, "blindings")?;
    if blindings.len() != values.len() {
        return invalid(format!(
            "{} values need {} blindings, got {}",
            values.len(),
            values.len(),
            blindings.len()
        ));
    }
    // The crate would produce a proof that fails to verify; refuse clearly instead. The message
    // names the index only: the value is secret.
    if n < 64 {
        if let Some(i) = values.iter().position(|v| v >> n != 0) {
            return Err(NativeError::Refused(format!(
                "value[{i}] does not fit in {n} bits"
            )));
        }
    }
    let mut transcript = binding.transcript();
    let (proof, commitments) = RangeProof::prove_multiple(
        bulletproof_gens(),
        pedersen_gens(),
        &mut transcript,
        values,
        &blindings,
        n,
    )
    .map_err(|e| NativeError::Internal(format!("proving failed: {e}")))?;
    Ok(Proven {
        proof: proof.to_bytes(),
        commitments: commitments.iter().flat_map(|c| c.to_bytes()).collect(),
    })
}

/// Verifies a proof against commitments the verifier derived itself.
///
/// Returns `Ok(None)` when the proof is valid and `Ok(Some(reason))` when it is not. Malformed
/// verifier-side arguments (commitments, n, label, context, statement) are errors, because the
/// verifier, not the prover, controls them.
pub fn verify(
    proof: &[u8],
    commitments: &[u8],
    n: usize,
    binding: Binding<'_>,
) -> NativeResult<Option<String>> {
    check_bits(n)?;
    binding.check()?;
    let commitments = parse_points(commitments, "commitments")?;
    check_parties(commitments.len())?;
    Ok(verify_parsed(proof, &commitments, n, binding).err())
}

/// The verification itself, on already checked arguments; `Err` holds the reason.
pub(crate) fn verify_parsed(
    proof: &[u8],
    commitments: &[CompressedRistretto],
    n: usize,
    binding: Binding<'_>,
) -> Result<(), String> {
    let m = commitments.len();
    let expected = proof_len(n, m);
    if proof.len() != expected {
        return Err(format!(
            "proof has {} bytes; a proof for n={n}, m={m} has {expected}",
            proof.len()
        ));
    }
    let parsed = RangeProof::from_bytes(proof).map_err(|_| diagnose_format(proof))?;
    let mut transcript = binding.transcript();
    parsed
        .verify_multiple(
            bulletproof_gens(),
            pedersen_gens(),
            &mut transcript,
            commitments,
            n,
        )
        .map_err(|e| match e {
            ProofError::VerificationError => diagnose_points(proof),
            other => format!("proof rejected: {other}"),
        })
}

/// Offsets of the points in a proof: A, S, T1, T2, then the L/R pairs before the final a, b.
fn point_offsets(len: usize) -> impl Iterator<Item = usize> {
    (0..4)
        .map(|i| i * POINT_LEN)
        .chain((7 * POINT_LEN..len.saturating_sub(2 * POINT_LEN)).step_by(POINT_LEN))
}

/// Offsets of the scalars in a proof: t_x, t_x_blinding, e_blinding, then a, b at the end.
fn scalar_offsets(len: usize) -> impl Iterator<Item = usize> {
    (4..7)
        .map(|i| i * POINT_LEN)
        .chain([len - 2 * POINT_LEN, len - POINT_LEN])
}

fn diagnose_format(proof: &[u8]) -> String {
    scalar_offsets(proof.len())
        .find(|&at| {
            let bytes: Option<[u8; 32]> = proof[at..at + 32].try_into().ok();
            bytes.is_none_or(|b| bool::from(Scalar::from_canonical_bytes(b).is_none()))
        })
        .map_or_else(
            || "proof encoding is malformed".to_string(),
            |at| format!("proof scalar at byte {at} is not canonical"),
        )
}

/// Runs only after a failed verification, so the happy path pays nothing for a precise reason.
fn diagnose_points(proof: &[u8]) -> String {
    for at in point_offsets(proof.len()) {
        let Ok(bytes) = <[u8; 32]>::try_from(&proof[at..at + 32]) else {
            break;
        };
        let point = CompressedRistretto(bytes);
        if point.is_identity() {
            return format!("proof point at byte {at} is the identity");
        }
        if point.decompress().is_none() {
            return format!("proof point at byte {at} is not a canonical ristretto255 point");
        }
    }
    "proof does not verify for these commitments, bit size and transcript".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zk::ops::{commit, random_scalar};

    const BIND: Binding<'static> = Binding {
        label: b"test",
        context: b"query-1",
        statement: b"",
    };

    fn blindings(m: usize) -> Vec<u8> {
        (0..m).flat_map(|_| random_scalar()).collect()
    }

    fn prove_ok(values: &[u64], n: usize) -> NativeResult<Proven> {
        prove(values, &blindings(values.len()), n, BIND)
    }

    #[test]
    fn single_64_bit_proof_is_672_bytes_and_verifies() -> NativeResult<()> {
        let p = prove_ok(&[u64::MAX], 64)?;
        assert_eq!(p.proof.len(), 672);
        assert_eq!(verify(&p.proof, &p.commitments, 64, BIND)?, None);
        Ok(())
    }

    #[test]
    fn aggregated_proofs_verify_for_every_size() -> NativeResult<()> {
        for (n, m) in [(8, 1), (16, 2), (32, 4), (64, 8), (8, 64)] {
            let values: Vec<u64> = (0..m as u64).collect();
            let p = prove_ok(&values, n)?;
            assert_eq!(p.proof.len(), proof_len(n, m));
            assert_eq!(
                verify(&p.proof, &p.commitments, n, BIND)?,
                None,
                "n={n} m={m}"
            );
        }
        Ok(())
    }

    #[test]
    fn returned_commitments_match_pedersen_commit() -> NativeResult<()> {
        let r = random_scalar();
        let p = prove(&[5], &r, 8, BIND)?;
        assert_eq!(p.commitments, commit(5, &r)?.to_vec());
        Ok(())
    }

    #[test]
    fn refuses_a_value_outside_the_range() {
        let err = prove_ok(&[1, 256], 8).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("refused: value[1] does not fit in 8 bits")
        );
    }

    #[test]
    fn rejects_bad_bit_sizes_and_party_counts() {
        assert!(prove_ok(&[1], 7).is_err());
        assert!(prove_ok(&[1], 128).is_err());
        assert!(prove_ok(&[1, 2, 3], 8).is_err());
        assert!(prove_ok(&[], 8).is_err());
        assert!(prove_ok(&[0; 128], 8).is_err());
        assert!(prove(&[1, 2], &blindings(1), 8, BIND).is_err());
    }

    #[test]
    fn rejects_a_proof_for_another_context_label_statement_or_commitment() -> NativeResult<()> {
        let p = prove_ok(&[9], 32)?;
        let other_ctx = Binding {
            context: b"query-2",
            ..BIND
        };
        let other_label = Binding {
            label: b"other",
            ..BIND
        };
        let other_stmt = Binding {
            statement: b"x",
            ..BIND
        };
        for b in [other_ctx, other_label, other_stmt] {
            assert!(verify(&p.proof, &p.commitments, 32, b)?.is_some());
        }
        let other = commit(9, &random_scalar())?;
        assert!(verify(&p.proof, &other, 32, BIND)?.is_some());
        assert!(verify(&p.proof, &p.commitments, 16, BIND)?.is_some());
        Ok(())
    }

    #[test]
    fn rejects_every_single_byte_tamper() -> NativeResult<()> {
        let p = prove_ok(&[3], 8)?;
        for i in 0..p.proof.len() {
            let mut bad = p.proof.clone();
            bad[i] ^= 0x01;
            assert!(verify(&bad, &p.commitments, 8, BIND)?.is_some(), "byte {i}");
        }
        Ok(())
    }

    #[test]
    fn explains_length_and_encoding_failures() -> NativeResult<()> {
        let p = prove_ok(&[3], 64)?;
        let short = verify(&p.proof[..640], &p.commitments, 64, BIND)?;
        assert_eq!(
            short.as_deref(),
            Some("proof has 640 bytes; a proof for n=64, m=1 has 672")
        );
        let mut bad_scalar = p.proof.clone();
        bad_scalar[4 * 32 + 31] = 0xff;
        let reason = verify(&bad_scalar, &p.commitments, 64, BIND)?;
        assert_eq!(
            reason.as_deref(),
            Some("proof scalar at byte 128 is not canonical")
        );
        let mut identity = p.proof.clone();
        identity[..32].fill(0);
        let reason = verify(&identity, &p.commitments, 64, BIND)?;
        assert_eq!(
            reason.as_deref(),
            Some("proof point at byte 0 is the identity")
        );
        let mut bad_point = p.proof.clone();
        bad_point[32..64].fill(0xff);
        let reason = verify(&bad_point, &p.commitments, 64, BIND)?;
        assert_eq!(
            reason.as_deref(),
            Some("proof point at byte 32 is not a canonical ristretto255 point")
        );
        Ok(())
    }

    #[test]
    fn rejects_malformed_verifier_arguments() -> NativeResult<()> {
        let p = prove_ok(&[3], 8)?;
        assert!(verify(&p.proof, &p.commitments[..31], 8, BIND).is_err());
        assert!(verify(&p.proof, &[0xff; 32], 8, BIND).is_err());
        assert!(verify(&p.proof, &p.commitments, 12, BIND).is_err());
        let long_label = vec![b'x'; MAX_LABEL_LEN + 1];
        let b = Binding {
            label: &long_label,
            ..BIND
        };
        assert!(verify(&p.proof, &p.commitments, 8, b).is_err());
        let three: Vec<u8> = p.commitments.repeat(3);
        assert!(verify(&p.proof, &three, 8, BIND).is_err());
        Ok(())
    }

    #[test]
    fn proof_sizes_follow_the_formula() {
        assert_eq!(proof_len(64, 1), 672);
        assert_eq!(proof_len(64, 2), 736);
        assert_eq!(proof_len(64, 8), 864);
        assert_eq!(proof_len(64, 16), 928);
        assert_eq!(proof_len(64, 64), 1056);
        assert_eq!(proof_len(8, 1), 480);
    }
}
