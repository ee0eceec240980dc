//! Verification of many independent proofs at once, spread over all cores with rayon.
//!
//! The crate has no batched verification equation for independent proofs (its verifier's H
//! generators are crate-private), so each proof is still checked on its own; the speed-up comes
//! from using every core, and the answer says which proofs failed and why.

use rayon::prelude::*;

use super::ops::parse_points;
use super::range::{check_bits, check_parties, verify_parsed, Binding};

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
    requests.par_iter().map(verify_one).collect()
}

fn verify_one(request: &Request<'_>) -> Option<String> {
    let checked = check_bits(request.n)
        .and_then(|_| parse_points(request.commitments, "commitments"))
        .and_then(|c| check_parties(c.len()).map(|_| c));
    match checked {
        Ok(commitments) => {
            verify_parsed(request.proof, &commitments, request.n, request.binding).err()
        }
        Err(e) => Some(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jni_util::NativeResult;
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
    fn accepts_a_batch_of_valid_proofs() -> NativeResult<()> {
        let ps = proofs(16)?;
        assert!(verify_all(&requests(&ps)).iter().all(Option::is_none));
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
