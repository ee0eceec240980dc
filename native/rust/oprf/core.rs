//! RFC 9497 (Oblivious Pseudorandom Functions using Prime-Order Groups), mode VOPRF (0x01),
//! ciphersuite ristretto255-SHA512, written over curve25519-dalek 4 (see ADR 0014).
//!
//! Section numbers below refer to RFC 9497; `expand_message_xmd` is RFC 9380 §5.3.1.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{Identity, VartimeMultiscalarMul};
use sha2::{Digest, Sha512};

use crate::jni_util::{invalid, NativeError, NativeResult};
use crate::zk::ops::{parse_point, parse_scalar, POINT_LEN, SCALAR_LEN};

/// Largest number of elements evaluated under one batched proof.
pub const MAX_BATCH: usize = 10_000;
/// Longest private input accepted (RFC 9497 §4: inputs shorter than 2^16 bytes).
pub const MAX_INPUT: usize = 65_535;
/// Bytes of a proof: SerializeScalar(c) || SerializeScalar(s).
pub const PROOF_LEN: usize = 64;
/// Bytes of an OPRF output (SHA-512).
pub const OUTPUT_LEN: usize = 64;

/// contextString = "OPRFV1-" || I2OSP(mode = 0x01, 1) || "-" || "ristretto255-SHA512".
pub const CONTEXT: &[u8] = b"OPRFV1-\x01-ristretto255-SHA512";

fn with_context(prefix: &[u8]) -> Vec<u8> {
    [prefix, CONTEXT].concat()
}

fn i2osp2(n: usize) -> [u8; 2] {
    // Every caller bounds n below 2^16 first.
    (n as u16).to_be_bytes()
}

/// RFC 9380 §5.3.1 expand_message_xmd with SHA-512 (b_in_bytes 64, s_in_bytes 128).
pub fn expand_message_xmd(msg: &[u8], dst: &[u8], len: usize) -> NativeResult<Vec<u8>> {
    let ell = len.div_ceil(64);
    if ell > 255 || len > 65_535 || dst.len() > 255 {
        return Err(NativeError::Internal(
            "expand_message_xmd: output or DST too long".into(),
        ));
    }
    let dst_prime = [dst, &[dst.len() as u8]].concat();
    let b0 = Sha512::new()
        .chain_update([0u8; 128])
        .chain_update(msg)
        .chain_update((len as u16).to_be_bytes())
        .chain_update([0u8])
        .chain_update(&dst_prime)
        .finalize();
    let mut out = Vec::with_capacity(ell * 64);
    let mut previous = Sha512::new()
        .chain_update(b0)
        .chain_update([1u8])
        .chain_update(&dst_prime)
        .finalize();
    out.extend_from_slice(&previous);
    for i in 2..=ell {
        let mixed: Vec<u8> = b0.iter().zip(previous.iter()).map(|(a, b)| a ^ b).collect();
        previous = Sha512::new()
            .chain_update(mixed)
            .chain_update([i as u8])
            .chain_update(&dst_prime)
            .finalize();
        out.extend_from_slice(&previous);
    }
    out.truncate(len);
    Ok(out)
}

fn uniform64(msg: &[u8], dst: &[u8]) -> NativeResult<[u8; 64]> {
    let bytes = expand_message_xmd(msg, dst, 64)?;
    bytes
        .try_into()
        .map_err(|_| NativeError::Internal("expand_message_xmd returned the wrong length".into()))
}

/// HashToGroup (§4.1): ristretto255 one-way map of 64 expanded bytes, DST "HashToGroup-" || ctx.
pub fn hash_to_group(input: &[u8]) -> NativeResult<RistrettoPoint> {
    let uniform = uniform64(input, &with_context(b"HashToGroup-"))?;
    Ok(RistrettoPoint::from_uniform_bytes(&uniform))
}

/// HashToScalar (§4.1) with an explicit DST.
pub fn hash_to_scalar_dst(input: &[u8], dst: &[u8]) -> NativeResult<Scalar> {
    Ok(Scalar::from_bytes_mod_order_wide(&uniform64(input, dst)?))
}

fn hash_to_scalar(input: &[u8]) -> NativeResult<Scalar> {
    hash_to_scalar_dst(input, &with_context(b"HashToScalar-"))
}

fn check_input(input: &[u8]) -> NativeResult<()> {
    if input.len() > MAX_INPUT {
        return invalid(format!(
            "input must be at most {MAX_INPUT} bytes, got {}",
            input.len()
        ));
    }
    Ok(())
}

/// Parses a non-zero canonical scalar (a key, a key share or a blind).
pub fn parse_nonzero_scalar(bytes: &[u8], what: &str) -> NativeResult<Scalar> {
    let s = parse_scalar(bytes, what)?;
    if s == Scalar::ZERO {
        return invalid(format!("{what} must not be zero"));
    }
    Ok(s)
}

/// DeserializeElement (§4.1): a canonical encoding that is not the identity.
pub fn parse_element(bytes: &[u8], what: &str) -> NativeResult<RistrettoPoint> {
    let p = parse_point(bytes, what)?;
    if p == RistrettoPoint::identity() {
        return invalid(format!("{what} must not be the identity element"));
    }
    Ok(p)
}

/// Splits n × 32 bytes into elements (1 to [`MAX_BATCH`] of them).
pub fn parse_elements(bytes: &[u8], what: &str) -> NativeResult<Vec<RistrettoPoint>> {
    if bytes.is_empty() || !bytes.len().is_multiple_of(POINT_LEN) {
        return invalid(format!(
            "{what} must be a non-empty multiple of {POINT_LEN} bytes, got {}",
            bytes.len()
        ));
    }
    let n = bytes.len() / POINT_LEN;
    if n > MAX_BATCH {
        return invalid(format!("at most {MAX_BATCH} {what}, got {n}"));
    }
    bytes
        .chunks_exact(POINT_LEN)
        .enumerate()
        .map(|(i, c)| parse_element(c, &format!("{what}[{i}]")))
        .collect()
}

/// Concatenates compressed points.
pub fn serialize_elements(points: &[RistrettoPoint]) -> Vec<u8> {
    let mut out = Vec::with_capacity(points.len() * POINT_LEN);
    for p in points {
        out.extend_from_slice(p.compress().as_bytes());
    }
    out
}

/// DeriveKeyPair (§3.2.1): skS from a seed and key info, then pkS = skS·G.
pub fn derive_key_pair(seed: &[u8], info: &[u8]) -> NativeResult<(Scalar, RistrettoPoint)> {
    if seed.len() != 32 {
        return invalid(format!("seed must be 32 bytes, got {}", seed.len()));
    }
    if info.len() > MAX_INPUT {
        return invalid(format!("key info must be at most {MAX_INPUT} bytes"));
    }
    let mut derive_input = seed.to_vec();
    derive_input.extend_from_slice(&i2osp2(info.len()));
    derive_input.extend_from_slice(info);
    let dst = with_context(b"DeriveKeyPair");
    for counter in 0u8..=255 {
        let mut msg = derive_input.clone();
        msg.push(counter);
        let sk = hash_to_scalar_dst(&msg, &dst)?;
        if sk != Scalar::ZERO {
            return Ok((sk, RISTRETTO_BASEPOINT_POINT * sk));
        }
    }
    Err(NativeError::Refused(
        "DeriveKeyPair found no non-zero key".into(),
    ))
}

/// Blind (§3.3.2) with a caller-chosen blind: blindedElement = blind · HashToGroup(input).
pub fn blind(input: &[u8], blind: &Scalar) -> NativeResult<RistrettoPoint> {
    check_input(input)?;
    let element = hash_to_group(input)?;
    if element == RistrettoPoint::identity() {
        return Err(NativeError::Refused(
            "input maps to the identity element".into(),
        ));
    }
    Ok(element * blind)
}

fn composite_seed(b: &RistrettoPoint) -> [u8; 64] {
    let bm = b.compress();
    let seed_dst = with_context(b"Seed-");
    Sha512::new()
        .chain_update(i2osp2(POINT_LEN))
        .chain_update(bm.as_bytes())
        .chain_update(i2osp2(seed_dst.len()))
        .chain_update(&seed_dst)
        .finalize()
        .into()
}

/// The d_i weights of ComputeComposites (§2.2.1).
fn composite_weights(
    b: &RistrettoPoint,
    c: &[RistrettoPoint],
    d: &[RistrettoPoint],
) -> NativeResult<Vec<Scalar>> {
    let seed = composite_seed(b);
    let dst = with_context(b"HashToScalar-");
    c.iter()
        .zip(d)
        .enumerate()
        .map(|(i, (ci, di))| {
            let mut t = Vec::with_capacity(2 + 64 + 2 + 2 + 32 + 2 + 32 + 9);
            t.extend_from_slice(&i2osp2(seed.len()));
            t.extend_from_slice(&seed);
            t.extend_from_slice(&i2osp2(i));
            t.extend_from_slice(&i2osp2(POINT_LEN));
            t.extend_from_slice(ci.compress().as_bytes());
            t.extend_from_slice(&i2osp2(POINT_LEN));
            t.extend_from_slice(di.compress().as_bytes());
            t.extend_from_slice(b"Composite");
            hash_to_scalar_dst(&t, &dst)
        })
        .collect()
}

fn challenge(
    b: &RistrettoPoint,
    m: &RistrettoPoint,
    z: &RistrettoPoint,
    t2: &RistrettoPoint,
    t3: &RistrettoPoint,
) -> NativeResult<Scalar> {
    let mut t = Vec::with_capacity(5 * (2 + 32) + 9);
    for p in [b, m, z, t2, t3] {
        t.extend_from_slice(&i2osp2(POINT_LEN));
        t.extend_from_slice(p.compress().as_bytes());
    }
    t.extend_from_slice(b"Challenge");
    hash_to_scalar(&t)
}

fn check_pairs(c: &[RistrettoPoint], d: &[RistrettoPoint]) -> NativeResult<()> {
    if c.is_empty() || c.len() != d.len() || c.len() > MAX_BATCH {
        return invalid(format!(
            "need 1 to {MAX_BATCH} blinded and evaluated elements in pairs, got {} and {}",
            c.len(),
            d.len()
        ));
    }
    Ok(())
}

/// BlindEvaluate (§3.3.2) of a batch under one key with one batched DLEQ proof (GenerateProof,
/// §2.2.1, using ComputeCompositesFast). `r` is the proof randomness.
pub fn blind_evaluate(
    sk: &Scalar,
    blinded: &[RistrettoPoint],
    r: &Scalar,
) -> NativeResult<(Vec<RistrettoPoint>, [u8; PROOF_LEN])> {
    let evaluated: Vec<RistrettoPoint> = blinded.iter().map(|p| p * sk).collect();
    check_pairs(blinded, &evaluated)?;
    let pk = RISTRETTO_BASEPOINT_POINT * sk;
    let weights = composite_weights(&pk, blinded, &evaluated)?;
    let m = RistrettoPoint::vartime_multiscalar_mul(&weights, blinded);
    let z = m * sk;
    let t2 = RISTRETTO_BASEPOINT_POINT * r;
    let t3 = m * r;
    let c = challenge(&pk, &m, &z, &t2, &t3)?;
    let s = r - c * sk;
    let mut proof = [0u8; PROOF_LEN];
    proof[..SCALAR_LEN].copy_from_slice(c.as_bytes());
    proof[SCALAR_LEN..].copy_from_slice(s.as_bytes());
    Ok((evaluated, proof))
}

/// VerifyProof (§2.2.2) against public key `pk`; Ok(false) for a well-formed proof that fails.
pub fn verify_proof(
    pk: &RistrettoPoint,
    blinded: &[RistrettoPoint],
    evaluated: &[RistrettoPoint],
    proof: &[u8],
) -> NativeResult<bool> {
    check_pairs(blinded, evaluated)?;
    if proof.len() != PROOF_LEN {
        return invalid(format!(
            "proof must be {PROOF_LEN} bytes, got {}",
            proof.len()
        ));
    }
    let (Ok(c), Ok(s)) = (
        parse_scalar(&proof[..SCALAR_LEN], "proof c"),
        parse_scalar(&proof[SCALAR_LEN..], "proof s"),
    ) else {
        return Ok(false);
    };
    let weights = composite_weights(pk, blinded, evaluated)?;
    let m = RistrettoPoint::vartime_multiscalar_mul(&weights, blinded);
    let z = RistrettoPoint::vartime_multiscalar_mul(&weights, evaluated);
    let t2 = RistrettoPoint::vartime_multiscalar_mul([s, c], [RISTRETTO_BASEPOINT_POINT, *pk]);
    let t3 = RistrettoPoint::vartime_multiscalar_mul([s, c], [m, z]);
    Ok(challenge(pk, &m, &z, &t2, &t3)? == c)
}

fn output_hash(input: &[u8], unblinded: &RistrettoPoint) -> [u8; OUTPUT_LEN] {
    Sha512::new()
        .chain_update(i2osp2(input.len()))
        .chain_update(input)
        .chain_update(i2osp2(POINT_LEN))
        .chain_update(unblinded.compress().as_bytes())
        .chain_update(b"Finalize")
        .finalize()
        .into()
}

/// Finalize (§3.3.2) of one element: Hash(len || input || len || blind⁻¹·evaluated || "Finalize").
/// The caller verifies the proof first.
pub fn finalize(
    input: &[u8],
    blind: &Scalar,
    evaluated: &RistrettoPoint,
) -> NativeResult<[u8; OUTPUT_LEN]> {
    check_input(input)?;
    Ok(output_hash(input, &(evaluated * blind.invert())))
}

/// Evaluate (§3.3.2): the server-side, non-oblivious PRF value of `input` under `sk`.
pub fn evaluate(sk: &Scalar, input: &[u8]) -> NativeResult<[u8; OUTPUT_LEN]> {
    check_input(input)?;
    let element = hash_to_group(input)?;
    if element == RistrettoPoint::identity() {
        return Err(NativeError::Refused(
            "input maps to the identity element".into(),
        ));
    }
    Ok(output_hash(input, &(element * sk)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(s: &str) -> Vec<u8> {
        hex::decode(s).expect("hex")
    }

    fn scalar(s: &str) -> Scalar {
        parse_scalar(&h(s), "test").expect("scalar")
    }

    // RFC 9497 Appendix A.1.2 (ristretto255-SHA512, VOPRF mode), test vector 1.
    #[test]
    fn rfc9497_vector_1() {
        let (sk, pk) = derive_key_pair(&[0xa3; 32], b"test key").expect("key");
        assert_eq!(
            hex::encode(sk.as_bytes()),
            "e6f73f344b79b379f1a0dd37e07ff62e38d9f71345ce62ae3a9bc60b04ccd909"
        );
        assert_eq!(
            hex::encode(pk.compress().as_bytes()),
            "c803e2cc6b05fc15064549b5920659ca4a77b2cca6f04f6b357009335476ad4e"
        );
        let b = scalar("64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706");
        let blinded = blind(&[0], &b).expect("blind");
        assert_eq!(
            hex::encode(blinded.compress().as_bytes()),
            "863f330cc1a1259ed5a5998a23acfd37fb4351a793a5b3c090b642ddc439b945"
        );
        let r = scalar("222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e");
        let (ev, proof) = blind_evaluate(&sk, &[blinded], &r).expect("eval");
        assert_eq!(
            hex::encode(ev[0].compress().as_bytes()),
            "aa8fa048764d5623868679402ff6108d2521884fa138cd7f9c7669a9a014267e"
        );
        assert_eq!(hex::encode(proof), "ddef93772692e535d1a53903db24367355cc2cc78de93b3be5a8ffcc6985dd066d4346421d17bf5117a2a1ff0fcb2a759f58a539dfbe857a40bce4cf49ec600d");
        assert!(verify_proof(&pk, &[blinded], &ev, &proof).expect("verify"));
        let out = finalize(&[0], &b, &ev[0]).expect("finalize");
        assert_eq!(hex::encode(out), "b58cfbe118e0cb94d79b5fd6a6dafb98764dff49c14e1770b566e42402da1a7da4d8527693914139caee5bd03903af43a491351d23b430948dd50cde10d32b3c");
        assert_eq!(evaluate(&sk, &[0]).expect("evaluate"), out);
    }

    #[test]
    fn tampered_proof_fails() {
        let (sk, pk) = derive_key_pair(&[7; 32], b"k").expect("key");
        let blinded = blind(b"x", &Scalar::from(5u64)).expect("blind");
        let (ev, mut proof) = blind_evaluate(&sk, &[blinded], &Scalar::from(9u64)).expect("e");
        proof[40] ^= 1;
        assert!(!verify_proof(&pk, &[blinded], &ev, &proof).expect("verify"));
    }
}
