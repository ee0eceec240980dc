//! Wesolowski VDF over the class group of an imaginary quadratic field (no trusted setup), from
//! the `vdf` crate (POA Network / Chia, over GMP; ADR 0018). The discriminant is derived by the
//! crate from the challenge bytes, so a challenge (Fugue passes a 32-byte hash of pRnd and T)
//! fixes the group. An output is `y ‖ π`, two class-group elements of `2·(bits/16 + 1)` bytes
//! each in the crate's serialization.
//!
//! `exports` holds the JNI shims of `io.fugue.nativelib.NativeVdf`.

mod exports;

use crate::jni_util::{invalid, NativeResult};
use vdf::{VDFParams, WesolowskiVDFParams, VDF};

/// Discriminant sizes accepted (bits): devnet 512, production 1024 to 2048.
pub const MIN_BITS: u16 = 256;
pub const MAX_BITS: u16 = 2048;
/// Longest challenge accepted.
pub const MAX_CHALLENGE: usize = 1024;
/// Largest iteration count accepted (guards verification cost against absurd T).
pub const MAX_ITERATIONS: u64 = 1 << 40;

fn check(bits: u16, challenge: &[u8], iterations: u64) -> NativeResult<()> {
    if !(MIN_BITS..=MAX_BITS).contains(&bits) || !bits.is_multiple_of(16) {
        return invalid(format!(
            "discriminant bits must be a multiple of 16 in {MIN_BITS}..={MAX_BITS}, got {bits}"
        ));
    }
    if challenge.is_empty() || challenge.len() > MAX_CHALLENGE {
        return invalid(format!(
            "challenge must be 1..={MAX_CHALLENGE} bytes, got {}",
            challenge.len()
        ));
    }
    if !(1..=MAX_ITERATIONS).contains(&iterations) {
        return invalid(format!(
            "iterations must be in 1..={MAX_ITERATIONS}, got {iterations}"
        ));
    }
    Ok(())
}

/// Bytes of `y ‖ π` for a discriminant of `bits` bits.
pub fn output_len(bits: u16) -> usize {
    2 * 2 * (usize::from(bits) / 16 + 1)
}

/// Evaluates the VDF: `y = g^(2^T)` with its Wesolowski proof, `T = iterations`.
pub fn eval(bits: u16, challenge: &[u8], iterations: u64) -> NativeResult<Vec<u8>> {
    check(bits, challenge, iterations)?;
    match WesolowskiVDFParams(bits).new().solve(challenge, iterations) {
        Ok(out) => Ok(out),
        Err(e) => invalid(format!("VDF evaluation refused: {e:?}")),
    }
}

/// True if `output` is the VDF output with a valid proof for (bits, challenge, iterations).
/// Any malformed output is simply invalid.
pub fn verify(bits: u16, challenge: &[u8], iterations: u64, output: &[u8]) -> NativeResult<bool> {
    check(bits, challenge, iterations)?;
    if output.len() != output_len(bits) {
        return Ok(false);
    }
    Ok(WesolowskiVDFParams(bits)
        .new()
        .verify(challenge, iterations, output)
        .is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap_or(0))
            .collect()
    }

    /// The `vdf` crate's README example (`vdf-cli aa 100`: Wesolowski, 2048-bit discriminant).
    const README_AA_100: &str = "005271e8f9ab2eb8a2906e851dfcb5542e4173f016b85e29d481a108dc82ed3b3f97937b7aa824801138d1771dea8dae2f6397e76a80613afda30f2c30a34b040baaafe76d5707d68689193e5d211833b372a6a4591abb88e2e7f2f5a5ec818b5707b86b8b2c495ca1581c179168509e3593f9a16879620a4dc4e907df452e8dd0ffc4f199825f54ec70472cc061f22eb54c48d6aa5af3ea375a392ac77294e2d955dde1d102ae2ace494293492d31cff21944a8bcb4608993065c9a00292e8d3f4604e7465b4eeefb494f5bea102db343bb61c5a15c7bdf288206885c130fa1f2d86bf5e4634fdc4216bc16ef7dac970b0ee46d69416f9a9acee651d158ac64915b";

    #[test]
    fn should_reproduce_the_readme_vector_prefix() -> NativeResult<()> {
        let out = eval(2048, b"\xaa", 100)?;
        assert_eq!(out.len(), output_len(2048));
        let expected = hex(README_AA_100);
        assert_eq!(&out[..expected.len()], expected.as_slice());
        Ok(())
    }

    #[test]
    fn should_round_trip_for_several_t() -> NativeResult<()> {
        // From T = 1 the output g² serializes alike in every group of one size (the generator is
        // the form (2, 1, ·), and the serialization carries a and b only): only T ≥ 2 binds the
        // challenge. Fugue's T is at least 1,000 (VdfDifficulty).
        assert!(verify(512, b"other", 1, &eval(512, b"fugue", 1)?)?);
        for t in [2u64, 33, 500] {
            let out = eval(512, b"fugue", t)?;
            assert!(verify(512, b"fugue", t, &out)?, "T = {t}");
            assert!(!verify(512, b"fugue", t + 1, &out)?, "other T {t}");
            assert!(!verify(512, b"other", t, &out)?, "other challenge {t}");
        }
        Ok(())
    }

    #[test]
    fn should_reject_tampered_output_and_proof() -> NativeResult<()> {
        let out = eval(512, b"fugue", 200)?;
        let half = out.len() / 2;
        for i in [0, 5, half - 1, half, half + 7, out.len() - 1] {
            let mut bad = out.clone();
            bad[i] ^= 1;
            assert!(!verify(512, b"fugue", 200, &bad)?, "byte {i}");
        }
        assert!(!verify(512, b"fugue", 200, &out[..out.len() - 1])?);
        assert!(!verify(512, b"fugue", 200, &[])?);
        Ok(())
    }

    #[test]
    fn should_refuse_bad_parameters() {
        assert!(eval(100, b"x", 10).is_err());
        assert!(eval(512, b"", 10).is_err());
        assert!(eval(512, b"x", 0).is_err());
        assert!(verify(4096, b"x", 10, &[]).is_err());
    }
}
