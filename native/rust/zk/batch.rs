//! Verification of many independent proofs at once.
//!
//! The crate has no batch verification of independent proofs, so [`super::batched`] adds all
//! their verification equations, each with a random weight, into one multiscalar multiplication
//! (shared generators counted once), computed on all cores. When that combined check fails, every
//! proof is checked on its own (also on all cores) so the answer says exactly which failed and why.

use curve25519_dalek::ristretto::CompressedRistretto;
use curve25519_dalek::scalar::Scalar;
use rand::thread_rng;
use rayon::prelude::*;

use super::batched::{self, Terms};
use super::ops::parse_points;
use super::range::{check_bits, check_parties, verify_parsed, Binding};
use crate::jni_util::NativeResult;

/// Largest number of proofs in one batch call.
pub const MAX_BATCH: usize = 4096;

/// One proof to check and everything the verifier binds it to.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    pub proof: &'a [u8],
    pub commitments: &'a [u8],
    pub n: usize,
    pub binding: Binding<'a>,
}

/// Verifies every request; the result has one entry per request, `None` when it is valid and
/// `Some(reason)` when it is not (malformed arguments included, so one bad request never hides
/// the answers for the others).
pub fn verify_all(requests: &[Request<'_>]) -> Vec<Option<String>> {
    verify_all_reporting(requests).0
}

/// Also says whether the one combined check settled the whole batch.
fn verify_all_reporting(requests: &[Request<'_>]) -> (Vec<Option<String>>, bool) {
    let prepared: Vec<NativeResult<Prepared>> = requests.par_iter().map(prepare).collect();
    let terms: Vec<&Terms> = prepared
        .iter()
        .filter_map(|p| p.as_ref().ok().and_then(|(_, t)| t.as_ref()))
        .collect();
    let every_proof_parsed = terms.len() == requests.len();
    if every_proof_parsed && batched::all_hold(&terms) {
        return (vec![None; requests.len()], true);
    }
    let answers = requests
        .par_iter()
        .zip(&prepared)
        .map(|(r, p)| match p {
            Ok((commitments, _)) => verify_parsed(r.proof, commitments, r.n, r.binding).err(),
            Err(e) => Some(e.to_string()),
        })
        .collect();
    (answers, false)
}

/// A request's checked commitments and its weighted terms (`None` when the proof is already
/// known to be bad; the one-by-one check then says why).
type Prepared = (Vec<CompressedRistretto>, Option<Terms>);

fn prepare(request: &Request<'_>) -> NativeResult<Prepared> {
    check_bits(request.n)?;
    let commitments = parse_points(request.commitments, "commitments")?;
    check_parties(commitments.len())?;
    let mut rng = thread_rng();
    let (weight, c) = (Scalar::random(&mut rng), Scalar::random(&mut rng));
    let terms = batched::terms(
        request.proof,
        &commitments,
        request.n,
        request.binding,
        weight,
        c,
    );
    Ok((commitments, terms.ok()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zk::ops::random_scalar;
    use crate::zk::range::{prove, Proven};

    const BIND: Binding<'static> = Binding {
        label: b"batch",
        context: b"ctx",
        statement: b"",
    };

    fn proofs(k: usize) -> NativeResult<Vec<Proven>> {
        (0..k as u64)
            .map(|v| prove(&[v], &random_scalar(), 32, BIND))
            .collect()
    }

    fn requests(ps: &[Proven]) -> Vec<Request<'_>> {
        ps.iter()
            .map(|p| Request {
                proof: &p.proof,
                commitments: &p.commitments,
                n: 32,
                binding: BIND,
            })
            .collect()
    }

    #[test]
    fn accepts_a_batch_of_valid_proofs_with_one_combined_check() -> NativeResult<()> {
        let ps = proofs(16)?;
        let (answers, combined) = verify_all_reporting(&requests(&ps));
        assert!(answers.iter().all(Option::is_none));
        assert!(
            combined,
            "a valid batch must not need the one-by-one fallback"
        );
        Ok(())
    }

    #[test]
    fn accepts_a_mixed_batch_of_sizes_and_aggregations() -> NativeResult<()> {
        let shapes: [(&[u64], usize); 4] = [(&[1], 8), (&[1, 2], 16), (&[3; 4], 64), (&[9; 8], 32)];
        let ps: Vec<(Proven, usize)> = shapes
            .iter()
            .map(|(values, n)| {
                let blindings: Vec<u8> = values.iter().flat_map(|_| random_scalar()).collect();
                prove(values, &blindings, *n, BIND).map(|p| (p, *n))
            })
            .collect::<NativeResult<_>>()?;
        let reqs: Vec<Request<'_>> = ps
            .iter()
            .map(|(p, n)| Request {
                proof: &p.proof,
                commitments: &p.commitments,
                n: *n,
                binding: BIND,
            })
            .collect();
        let (answers, combined) = verify_all_reporting(&reqs);
        assert!(answers.iter().all(Option::is_none) && combined);
        Ok(())
    }

    #[test]
    fn agrees_with_single_verification_on_every_tampered_byte() -> NativeResult<()> {
        let ps = proofs(2)?;
        let good = requests(&ps)[0].clone();
        for i in (0..ps[1].proof.len()).step_by(7) {
            let mut bad = ps[1].proof.clone();
            bad[i] ^= 0x20;
            let tampered = Request {
                proof: &bad,
                ..good.clone()
            };
            let answers = verify_all(&[good.clone(), tampered]);
            assert_eq!(answers[0], None, "byte {i}");
            assert!(answers[1].is_some(), "byte {i}");
        }
        Ok(())
    }

    #[test]
    fn reports_exactly_which_proofs_failed() -> NativeResult<()> {
        let mut ps = proofs(8)?;
        ps[2].proof[300] ^= 1;
        ps[5].commitments = ps[4].commitments.clone();
        let mut reqs = requests(&ps);
        reqs[7].n = 9;
        let failed: Vec<usize> = verify_all(&reqs)
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().map(|_| i))
            .collect();
        assert_eq!(failed, vec![2, 5, 7]);
        Ok(())
    }

    #[test]
    fn an_empty_batch_gives_an_empty_answer() {
        assert!(verify_all(&[]).is_empty());
    }
}
