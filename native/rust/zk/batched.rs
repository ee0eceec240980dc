//! One multiscalar multiplication for many independent range proofs.
//!
//! Each proof's verification equation (the crate's "mega check": a sum of scalar multiples of
//! A, S, T1, T2, the L/R points, B, B_blinding, the G/H generators and the commitments that must be
//! the identity) is rebuilt here from the proof bytes, scaled by a fresh random weight, and all of
//! them are added into one multiscalar multiplication in which the shared generators appear once.
//! If the sum is the identity, every proof holds except with negligible probability (the same
//! argument the crate uses for its own random weight c). If not, the caller falls back to checking
//! proofs one by one to say which failed. The protocol (transcript labels, challenge order,
//! generator chain) follows bulletproofs 5.0.0, which `batched_equation_matches_the_crate` pins.

use std::sync::OnceLock;

use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{IsIdentity, VartimeMultiscalarMul};
use merlin::Transcript;
use rayon::prelude::*;
use sha3::digest::{ExtendableOutput, Update, XofReader};
use sha3::Shake256;

use super::ops::{pedersen_gens, MAX_BITS, MAX_PARTIES, POINT_LEN};
use super::range::{proof_len, Binding};

/// The crate's G and H generators, party by party, rebuilt from their public SHAKE256 chain.
struct Generators {
    g: Vec<Vec<RistrettoPoint>>,
    h: Vec<Vec<RistrettoPoint>>,
}

fn chain(kind: u8, party: u32) -> Vec<RistrettoPoint> {
    let mut shake = Shake256::default();
    shake.update(b"GeneratorsChain");
    let p = party.to_le_bytes();
    shake.update(&[kind, p[0], p[1], p[2], p[3]]);
    let mut reader = shake.finalize_xof();
    (0..MAX_BITS)
        .map(|_| {
            let mut uniform = [0u8; 64];
            reader.read(&mut uniform);
            RistrettoPoint::from_uniform_bytes(&uniform)
        })
        .collect()
}

fn generators() -> &'static Generators {
    static GENS: OnceLock<Generators> = OnceLock::new();
    GENS.get_or_init(|| Generators {
        g: (0..MAX_PARTIES as u32).map(|j| chain(b'G', j)).collect(),
        h: (0..MAX_PARTIES as u32).map(|j| chain(b'H', j)).collect(),
    })
}

/// One proof's weighted share of the combined equation.
pub(crate) struct Terms {
    n: usize,
    m: usize,
    base: Scalar,
    blinding_base: Scalar,
    g: Vec<Scalar>,
    h: Vec<Scalar>,
    scalars: Vec<Scalar>,
    points: Vec<RistrettoPoint>,
}

struct Parts {
    a: CompressedRistretto,
    s: CompressedRistretto,
    t1: CompressedRistretto,
    t2: CompressedRistretto,
    t_x: Scalar,
    t_x_blinding: Scalar,
    e_blinding: Scalar,
    l: Vec<CompressedRistretto>,
    r: Vec<CompressedRistretto>,
    ipp_a: Scalar,
    ipp_b: Scalar,
}

fn point_at(proof: &[u8], i: usize) -> CompressedRistretto {
    let mut bytes = [0u8; POINT_LEN];
    bytes.copy_from_slice(&proof[i * POINT_LEN..(i + 1) * POINT_LEN]);
    CompressedRistretto(bytes)
}

fn scalar_at(proof: &[u8], i: usize) -> Result<Scalar, String> {
    let bytes = point_at(proof, i).to_bytes();
    Option::from(Scalar::from_canonical_bytes(bytes))
        .ok_or_else(|| format!("proof scalar at byte {} is not canonical", i * POINT_LEN))
}

fn parse(proof: &[u8], n: usize, m: usize) -> Result<Parts, String> {
    if proof.len() != proof_len(n, m) {
        return Err(format!(
            "proof has {} bytes; expected {}",
            proof.len(),
            proof_len(n, m)
        ));
    }
    let elements = proof.len() / POINT_LEN;
    let rounds = (elements - 9) / 2;
    Ok(Parts {
        a: point_at(proof, 0),
        s: point_at(proof, 1),
        t1: point_at(proof, 2),
        t2: point_at(proof, 3),
        t_x: scalar_at(proof, 4)?,
        t_x_blinding: scalar_at(proof, 5)?,
        e_blinding: scalar_at(proof, 6)?,
        l: (0..rounds).map(|k| point_at(proof, 7 + 2 * k)).collect(),
        r: (0..rounds).map(|k| point_at(proof, 8 + 2 * k)).collect(),
        ipp_a: scalar_at(proof, elements - 2)?,
        ipp_b: scalar_at(proof, elements - 1)?,
    })
}

fn append_point(
    t: &mut Transcript,
    label: &'static [u8],
    p: &CompressedRistretto,
) -> Result<(), String> {
    if p.is_identity() {
        return Err("a proof point is the identity".to_string());
    }
    t.append_message(label, p.as_bytes());
    Ok(())
}

fn challenge(t: &mut Transcript, label: &'static [u8]) -> Scalar {
    let mut wide = [0u8; 64];
    t.challenge_bytes(label, &mut wide);
    Scalar::from_bytes_mod_order_wide(&wide)
}

fn sum_of_powers(x: Scalar, count: usize) -> Scalar {
    let (mut sum, mut power) = (Scalar::ZERO, Scalar::ONE);
    for _ in 0..count {
        sum += power;
        power *= x;
    }
    sum
}

fn decompress(p: &CompressedRistretto) -> Result<RistrettoPoint, String> {
    p.decompress()
        .ok_or_else(|| "a proof point is not a canonical ristretto255 point".to_string())
}

/// The verifier's challenges, recomputed from the transcript exactly as the prover made them.
struct Challenges {
    y: Scalar,
    z: Scalar,
    x: Scalar,
    w: Scalar,
    u: Vec<Scalar>,
}

fn replay(
    p: &Parts,
    commitments: &[CompressedRistretto],
    n: usize,
    binding: Binding<'_>,
) -> Result<Challenges, String> {
    let m = commitments.len();
    let mut t = binding.transcript();
    t.append_message(b"dom-sep", b"rangeproof v1");
    t.append_u64(b"n", n as u64);
    t.append_u64(b"m", m as u64);
    for v in commitments {
        t.append_message(b"V", v.as_bytes());
    }
    append_point(&mut t, b"A", &p.a)?;
    append_point(&mut t, b"S", &p.s)?;
    let y = challenge(&mut t, b"y");
    let z = challenge(&mut t, b"z");
    append_point(&mut t, b"T_1", &p.t1)?;
    append_point(&mut t, b"T_2", &p.t2)?;
    let x = challenge(&mut t, b"x");
    t.append_message(b"t_x", p.t_x.as_bytes());
    t.append_message(b"t_x_blinding", p.t_x_blinding.as_bytes());
    t.append_message(b"e_blinding", p.e_blinding.as_bytes());
    let w = challenge(&mut t, b"w");
    t.append_message(b"dom-sep", b"ipp v1");
    t.append_u64(b"n", (n * m) as u64);
    let mut u = Vec::with_capacity(p.l.len());
    for (l, r) in p.l.iter().zip(&p.r) {
        append_point(&mut t, b"L", l)?;
        append_point(&mut t, b"R", r)?;
        u.push(challenge(&mut t, b"u"));
    }
    Ok(Challenges { y, z, x, w, u })
}

/// The weighted scalars of the G and H generators, index j·n + k for bit k of value j.
fn generator_scalars(
    p: &Parts,
    ch: &Challenges,
    n: usize,
    m: usize,
    weight: Scalar,
) -> (Vec<Scalar>, Vec<Scalar>) {
    let nm = n * m;
    let s = ipp_s(&ch.u, nm);
    let (z, zz, y_inv) = (ch.z, ch.z * ch.z, ch.y.invert());
    let (mut g, mut h) = (Vec::with_capacity(nm), Vec::with_capacity(nm));
    let (mut y_inv_pow, mut z_pow) = (Scalar::ONE, Scalar::ONE);
    for j in 0..m {
        let mut two_pow = Scalar::ONE;
        for k in 0..n {
            let i = j * n + k;
            g.push(weight * (-z - p.ipp_a * s[i]));
            h.push(weight * (z + y_inv_pow * (zz * z_pow * two_pow - p.ipp_b * s[nm - 1 - i])));
            y_inv_pow *= y_inv;
            two_pow += two_pow;
        }
        z_pow *= z;
    }
    (g, h)
}

/// Replays the transcript and builds the weighted terms of one proof's equation.
pub(crate) fn terms(
    proof: &[u8],
    commitments: &[CompressedRistretto],
    n: usize,
    binding: Binding<'_>,
    weight: Scalar,
    c: Scalar,
) -> Result<Terms, String> {
    let m = commitments.len();
    let p = parse(proof, n, m)?;
    let ch = replay(&p, commitments, n, binding)?;
    let (g, h) = generator_scalars(&p, &ch, n, m, weight);
    let (x, z, zz) = (ch.x, ch.z, ch.z * ch.z);
    let delta = (z - zz) * sum_of_powers(ch.y, n * m)
        - zz * z * sum_of_powers(Scalar::from(2u64), n) * sum_of_powers(z, m);

    let mut scalars = vec![weight, weight * x, weight * c * x, weight * c * x * x];
    scalars.extend(ch.u.iter().map(|u| weight * u * u));
    scalars.extend(ch.u.iter().map(|u| u.invert()).map(|u| weight * u * u));
    let mut z_pow = Scalar::ONE;
    for _ in 0..m {
        scalars.push(weight * c * zz * z_pow);
        z_pow *= z;
    }
    let mut points = Vec::with_capacity(scalars.len());
    for cp in [&p.a, &p.s, &p.t1, &p.t2]
        .into_iter()
        .chain(&p.l)
        .chain(&p.r)
        .chain(commitments)
    {
        points.push(decompress(cp)?);
    }
    Ok(Terms {
        n,
        m,
        base: weight * (ch.w * (p.t_x - p.ipp_a * p.ipp_b) + c * (delta - p.t_x)),
        blinding_base: weight * (-p.e_blinding - c * p.t_x_blinding),
        g,
        h,
        scalars,
        points,
    })
}

/// The inner-product argument's s vector: s_i is the product of u_k^{±1} chosen by i's bits.
fn ipp_s(u: &[Scalar], nm: usize) -> Vec<Scalar> {
    let lg = u.len();
    let mut inverses = u.to_vec();
    let all_inv = Scalar::batch_invert(&mut inverses);
    let mut s = Vec::with_capacity(nm);
    s.push(all_inv);
    for i in 1..nm {
        let lg_i = (usize::BITS - 1 - i.leading_zeros()) as usize;
        let k = 1 << lg_i;
        // u is in creation order [u_k, ..., u_1], so u_{lg_i + 1} sits at lg - 1 - lg_i.
        let u_sq = u[lg - 1 - lg_i] * u[lg - 1 - lg_i];
        s.push(s[i - k] * u_sq);
    }
    s
}

/// Whether the weighted sum of every proof's equation is the identity.
pub(crate) fn all_hold(terms: &[&Terms]) -> bool {
    let gens = generators();
    let pc = pedersen_gens();
    let mut g = vec![Scalar::ZERO; MAX_PARTIES * MAX_BITS];
    let mut h = vec![Scalar::ZERO; MAX_PARTIES * MAX_BITS];
    let (mut base, mut blinding_base) = (Scalar::ZERO, Scalar::ZERO);
    for t in terms {
        for j in 0..t.m {
            for k in 0..t.n {
                g[j * MAX_BITS + k] += t.g[j * t.n + k];
                h[j * MAX_BITS + k] += t.h[j * t.n + k];
            }
        }
        base += t.base;
        blinding_base += t.blinding_base;
    }
    let mut scalars = vec![base, blinding_base];
    let mut points = vec![pc.B, pc.B_blinding];
    for j in 0..MAX_PARTIES {
        for k in 0..MAX_BITS {
            let at = j * MAX_BITS + k;
            if g[at] != Scalar::ZERO || h[at] != Scalar::ZERO {
                scalars.extend([g[at], h[at]]);
                points.extend([gens.g[j][k], gens.h[j][k]]);
            }
        }
    }
    for t in terms {
        scalars.extend_from_slice(&t.scalars);
        points.extend_from_slice(&t.points);
    }
    // Split the multiplication across the cores; the partial sums add up to the same point.
    let chunk = scalars.len().div_ceil(rayon::current_num_threads().max(1));
    let sum: RistrettoPoint = scalars
        .par_chunks(chunk.max(1))
        .zip(points.par_chunks(chunk.max(1)))
        .map(|(s, p)| RistrettoPoint::vartime_multiscalar_mul(s, p))
        .sum();
    sum.is_identity()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jni_util::NativeResult;
    use crate::zk::ops::{bulletproof_gens, random_scalar};
    use crate::zk::range::prove;
    use rand::thread_rng;

    const BIND: Binding<'static> = Binding {
        label: b"batched",
        context: b"ctx",
        statement: b"st",
    };

    #[test]
    fn rebuilt_g_generators_equal_the_crates() {
        for j in [0usize, 1, 63] {
            let ours = &generators().g[j];
            let theirs: Vec<RistrettoPoint> =
                bulletproof_gens().share(j).G(MAX_BITS).copied().collect();
            assert_eq!(ours, &theirs, "party {j}");
        }
    }

    fn terms_for(values: &[u64], n: usize) -> NativeResult<Result<Terms, String>> {
        let blindings: Vec<u8> = values.iter().flat_map(|_| random_scalar()).collect();
        let p = prove(values, &blindings, n, BIND)?;
        let cs: Vec<CompressedRistretto> = p
            .commitments
            .chunks(32)
            .map(|c| CompressedRistretto::from_slice(c).unwrap_or_default())
            .collect();
        let mut rng = thread_rng();
        Ok(terms(
            &p.proof,
            &cs,
            n,
            BIND,
            Scalar::random(&mut rng),
            Scalar::random(&mut rng),
        ))
    }

    #[test]
    fn batched_equation_matches_the_crate() -> NativeResult<()> {
        // Valid proofs of every shape hold alone and together (this also pins the H generators).
        let mut all = Vec::new();
        for (values, n) in [
            (vec![5u64], 8),
            (vec![1, 2], 16),
            (vec![7; 4], 32),
            (vec![u64::MAX], 64),
        ] {
            let Ok(t) = terms_for(&values, n)? else {
                panic!("terms failed for n={n}");
            };
            assert!(all_hold(&[&t]), "n={n}");
            all.push(t);
        }
        assert!(all_hold(&all.iter().collect::<Vec<_>>()));
        Ok(())
    }

    #[test]
    fn one_bad_proof_breaks_the_batch() -> NativeResult<()> {
        let Ok(mut bad) = terms_for(&[5], 64)? else {
            panic!("terms failed");
        };
        bad.base += Scalar::ONE;
        let Ok(good) = terms_for(&[6], 64)? else {
            panic!("terms failed");
        };
        assert!(!all_hold(&[&good, &bad]));
        Ok(())
    }
}
