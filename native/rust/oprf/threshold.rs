//! Scalar-field arithmetic for t-of-n OPRF keys: Shamir polynomials, Feldman commitments and
//! Lagrange recombination of evaluated elements, all at x = 0 with share indices 1..=n.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;
use curve25519_dalek::ristretto::RistrettoPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::VartimeMultiscalarMul;

use crate::jni_util::{invalid, NativeResult};

/// Largest number of parties (share indices 1..=MAX_PARTIES).
pub const MAX_PARTIES: usize = 255;

fn check_indices(indices: &[i32]) -> NativeResult<Vec<Scalar>> {
    if indices.is_empty() || indices.len() > MAX_PARTIES {
        return invalid(format!(
            "need 1 to {MAX_PARTIES} share indices, got {}",
            indices.len()
        ));
    }
    let mut seen = std::collections::HashSet::new();
    indices
        .iter()
        .map(|&i| {
            if i < 1 || i as usize > MAX_PARTIES {
                return invalid(format!("share index must be 1 to {MAX_PARTIES}, got {i}"));
            }
            if !seen.insert(i) {
                return invalid(format!("share index {i} appears twice"));
            }
            Ok(Scalar::from(i as u64))
        })
        .collect()
}

/// λ_i = Π_{j≠i} x_j / (x_j − x_i), the Lagrange coefficients at 0 for distinct indices.
pub fn lagrange_at_zero(indices: &[i32]) -> NativeResult<Vec<Scalar>> {
    let xs = check_indices(indices)?;
    Ok(xs
        .iter()
        .enumerate()
        .map(|(i, xi)| {
            let mut num = Scalar::ONE;
            let mut den = Scalar::ONE;
            for (j, xj) in xs.iter().enumerate() {
                if i != j {
                    num *= xj;
                    den *= xj - xi;
                }
            }
            num * den.invert()
        })
        .collect())
}

/// f(x) = Σ coefficients[k]·x^k (Horner), for the share of index x.
pub fn poly_eval(coefficients: &[Scalar], x: i32) -> NativeResult<Scalar> {
    let x = check_indices(&[x])?[0];
    Ok(coefficients
        .iter()
        .rev()
        .fold(Scalar::ZERO, |acc, c| acc * x + c))
}

/// Feldman check: share·G == Σ commitments[k]·x^k.
pub fn feldman_verify(
    commitments: &[RistrettoPoint],
    x: i32,
    share: &Scalar,
) -> NativeResult<bool> {
    let xs = check_indices(&[x])?[0];
    let mut powers = Vec::with_capacity(commitments.len());
    let mut p = Scalar::ONE;
    for _ in commitments {
        powers.push(p);
        p *= xs;
    }
    let expected = RistrettoPoint::vartime_multiscalar_mul(&powers, commitments);
    Ok(expected == RISTRETTO_BASEPOINT_POINT * share)
}

/// Σ λ_i·evaluated[i][j] for every element j: the evaluation under the combined key.
pub fn combine(
    indices: &[i32],
    evaluated: &[Vec<RistrettoPoint>],
) -> NativeResult<Vec<RistrettoPoint>> {
    let lambdas = lagrange_at_zero(indices)?;
    if evaluated.len() != lambdas.len() {
        return invalid(format!(
            "{} share indices need {} evaluations, got {}",
            lambdas.len(),
            lambdas.len(),
            evaluated.len()
        ));
    }
    let n = evaluated[0].len();
    if evaluated.iter().any(|e| e.len() != n) {
        return invalid("every node's evaluation must hold the same number of elements");
    }
    Ok((0..n)
        .map(|j| RistrettoPoint::vartime_multiscalar_mul(&lambdas, evaluated.iter().map(|e| e[j])))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_recombine_to_the_secret() {
        let coeffs = [Scalar::from(42u64), Scalar::from(7u64), Scalar::from(3u64)];
        let idx = [1, 3, 4];
        let shares: Vec<Scalar> = idx
            .iter()
            .map(|&i| poly_eval(&coeffs, i).expect("share"))
            .collect();
        let l = lagrange_at_zero(&idx).expect("lagrange");
        let secret: Scalar = l.iter().zip(&shares).map(|(a, b)| a * b).sum();
        assert_eq!(secret, coeffs[0]);
        let commitments: Vec<RistrettoPoint> = coeffs
            .iter()
            .map(|c| RISTRETTO_BASEPOINT_POINT * c)
            .collect();
        assert!(feldman_verify(&commitments, 3, &shares[1]).expect("ok"));
        assert!(!feldman_verify(&commitments, 3, &shares[0]).expect("ok"));
    }
}
