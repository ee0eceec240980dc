//! Pedersen commitments and the ristretto255 point and scalar arithmetic that predicates need.
//!
//! Every input is checked: scalars must be canonical (reduced modulo the group order) and points
//! must be canonical ristretto255 encodings, so two different byte strings never stand for the
//! same value.

use std::sync::OnceLock;

use bulletproofs::{BulletproofGens, PedersenGens};
use curve25519_dalek::constants::RISTRETTO_BASEPOINT_TABLE;
use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use rand_core::OsRng;

use crate::jni_util::{invalid, NativeResult};

/// Bytes in a compressed ristretto255 point.
pub const POINT_LEN: usize = 32;
/// Bytes in a canonical scalar.
pub const SCALAR_LEN: usize = 32;
/// Bytes of uniform randomness reduced into one scalar.
pub const UNIFORM_LEN: usize = 64;
/// Largest bit size of a range proof.
pub const MAX_BITS: usize = 64;
/// Largest number of values in one aggregated proof.
pub const MAX_PARTIES: usize = 64;

/// The Pedersen generators B (the ristretto basepoint) and B_blinding, as the crate defines them.
pub fn pedersen_gens() -> &'static PedersenGens {
    static GENS: OnceLock<PedersenGens> = OnceLock::new();
    GENS.get_or_init(PedersenGens::default)
}

/// The Bulletproof generators for 64 bits by 64 parties, built once (they take milliseconds).
pub fn bulletproof_gens() -> &'static BulletproofGens {
    static GENS: OnceLock<BulletproofGens> = OnceLock::new();
    GENS.get_or_init(|| BulletproofGens::new(MAX_BITS, MAX_PARTIES))
}

/// Parses a canonical 32-byte scalar.
pub fn parse_scalar(bytes: &[u8], what: &str) -> NativeResult<Scalar> {
    let array: [u8; SCALAR_LEN] = match bytes.try_into() {
        Ok(a) => a,
        Err(_) => {
            return invalid(format!(
                "{what} must be {SCALAR_LEN} bytes, got {}",
                bytes.len()
            ))
        }
    };
    Option::from(Scalar::from_canonical_bytes(array))
        .map_or_else(|| invalid(format!("{what} is not a canonical scalar")), Ok)
}

/// Parses a canonical compressed ristretto255 point.
pub fn parse_point(bytes: &[u8], what: &str) -> NativeResult<RistrettoPoint> {
    let array: [u8; POINT_LEN] = match bytes.try_into() {
        Ok(a) => a,
        Err(_) => {
            return invalid(format!(
                "{what} must be {POINT_LEN} bytes, got {}",
                bytes.len()
            ))
        }
    };
    // Ristretto decompression rejects every non-canonical encoding, so success means canonical.
    CompressedRistretto(array).decompress().map_or_else(
        || invalid(format!("{what} is not a canonical ristretto255 point")),
        Ok,
    )
}

/// Splits concatenated 32-byte points, checking each one; `what` names the list in errors.
pub fn parse_points(bytes: &[u8], what: &str) -> NativeResult<Vec<CompressedRistretto>> {
    if bytes.is_empty() || !bytes.len().is_multiple_of(POINT_LEN) {
        return invalid(format!(
            "{what} must be a non-empty multiple of {POINT_LEN} bytes, got {}",
            bytes.len()
        ));
    }
    bytes
        .chunks_exact(POINT_LEN)
        .enumerate()
        .map(|(i, chunk)| parse_point(chunk, &format!("{what}[{i}]")).map(|p| p.compress()))
        .collect()
}

/// Splits concatenated 32-byte scalars, checking each one.
pub fn parse_scalars(bytes: &[u8], what: &str) -> NativeResult<Vec<Scalar>> {
    if bytes.is_empty() || !bytes.len().is_multiple_of(SCALAR_LEN) {
        return invalid(format!(
            "{what} must be a non-empty multiple of {SCALAR_LEN} bytes, got {}",
            bytes.len()
        ));
    }
    bytes
        .chunks_exact(SCALAR_LEN)
        .enumerate()
        .map(|(i, chunk)| parse_scalar(chunk, &format!("{what}[{i}]")))
        .collect()
}

/// C = value·B + blinding·B_blinding, compressed.
pub fn commit(value: u64, blinding: &[u8]) -> NativeResult<[u8; POINT_LEN]> {
    let blinding = parse_scalar(blinding, "blinding")?;
    Ok(pedersen_gens()
        .commit(Scalar::from(value), blinding)
        .compress()
        .to_bytes())
}

/// A uniformly random scalar from the operating system's generator.
pub fn random_scalar() -> [u8; SCALAR_LEN] {
    Scalar::random(&mut OsRng).to_bytes()
}

/// Reduces 64 uniform bytes modulo the group order (for blindings derived from a seed).
pub fn scalar_from_uniform(bytes: &[u8]) -> NativeResult<[u8; SCALAR_LEN]> {
    let wide: [u8; UNIFORM_LEN] = match bytes.try_into() {
        Ok(a) => a,
        Err(_) => {
            return invalid(format!(
                "uniform bytes must be {UNIFORM_LEN} bytes, got {}",
                bytes.len()
            ))
        }
    };
    Ok(Scalar::from_bytes_mod_order_wide(&wide).to_bytes())
}

/// a + b modulo the group order.
pub fn scalar_add(a: &[u8], b: &[u8]) -> NativeResult<[u8; SCALAR_LEN]> {
    Ok((parse_scalar(a, "a")? + parse_scalar(b, "b")?).to_bytes())
}

/// −a modulo the group order.
pub fn scalar_negate(a: &[u8]) -> NativeResult<[u8; SCALAR_LEN]> {
    Ok((-parse_scalar(a, "a")?).to_bytes())
}

/// P + Q.
pub fn point_add(p: &[u8], q: &[u8]) -> NativeResult<[u8; POINT_LEN]> {
    Ok((parse_point(p, "p")? + parse_point(q, "q")?)
        .compress()
        .to_bytes())
}

/// P − Q.
pub fn point_sub(p: &[u8], q: &[u8]) -> NativeResult<[u8; POINT_LEN]> {
    Ok((parse_point(p, "p")? - parse_point(q, "q")?)
        .compress()
        .to_bytes())
}

/// t·B, the commitment to t with a zero blinding (so C − t·B commits to v − t with C's blinding).
/// B is the ristretto basepoint, so the precomputed basepoint table applies.
pub fn mul_base(t: u64) -> [u8; POINT_LEN] {
    (&Scalar::from(t) * RISTRETTO_BASEPOINT_TABLE)
        .compress()
        .to_bytes()
}

/// Checks that `bytes` is a canonical ristretto255 point.
pub fn check_point(bytes: &[u8]) -> NativeResult<()> {
    parse_point(bytes, "point").map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(v: u64) -> [u8; 32] {
        Scalar::from(v).to_bytes()
    }

    #[test]
    fn commitments_add_homomorphically() -> NativeResult<()> {
        let (r1, r2) = (random_scalar(), random_scalar());
        let sum = point_add(&commit(40, &r1)?, &commit(2, &r2)?)?;
        assert_eq!(sum, commit(42, &scalar_add(&r1, &r2)?)?);
        Ok(())
    }

    #[test]
    fn subtracting_t_times_base_lowers_the_committed_value() -> NativeResult<()> {
        let r = random_scalar();
        assert_eq!(
            point_sub(&commit(100, &r)?, &mul_base(30))?,
            commit(70, &r)?
        );
        Ok(())
    }

    #[test]
    fn t_times_base_minus_commitment_commits_to_the_difference_with_negated_blinding(
    ) -> NativeResult<()> {
        let r = random_scalar();
        let d = point_sub(&mul_base(100), &commit(30, &r)?)?;
        assert_eq!(d, commit(70, &scalar_negate(&r)?)?);
        Ok(())
    }

    #[test]
    fn commitment_with_zero_blinding_is_value_times_base() -> NativeResult<()> {
        assert_eq!(commit(7, &scalar(0))?, mul_base(7));
        let b = pedersen_gens().B;
        assert_eq!(
            mul_base(u64::MAX),
            (Scalar::from(u64::MAX) * b).compress().to_bytes()
        );
        Ok(())
    }

    #[test]
    fn rejects_non_canonical_scalar() {
        // 2^255 - 1 is far above the group order.
        let err = commit(1, &[0xff; 32]).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("invalid argument: blinding is not a canonical scalar")
        );
    }

    #[test]
    fn rejects_wrong_lengths() {
        assert!(commit(1, &[0; 31]).is_err());
        assert!(scalar_from_uniform(&[0; 63]).is_err());
        assert!(point_add(&[0; 32], &[0; 33]).is_err());
        assert!(parse_points(&[], "commitments").is_err());
        assert!(parse_points(&[0; 40], "commitments").is_err());
    }

    #[test]
    fn rejects_non_canonical_point() {
        // A field element ≥ p (all ones) is never a canonical encoding.
        let err = point_add(&[0xff; 32], &mul_base(1))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("invalid argument: p is not a canonical ristretto255 point")
        );
        // An odd ("negative") s is not canonical either.
        let mut negative = [0u8; 32];
        negative[0] = 1;
        assert!(check_point(&negative).is_err());
    }

    #[test]
    fn uniform_bytes_reduce_to_a_canonical_scalar() -> NativeResult<()> {
        let s = scalar_from_uniform(&[0xff; 64])?;
        assert!(parse_scalar(&s, "s").is_ok());
        Ok(())
    }

    #[test]
    fn random_scalars_differ() {
        assert_ne!(random_scalar(), random_scalar());
    }
}
