//! An independent prover written from `docs/zk.md` alone: it builds the merlin transcript, the
//! statement encoding and the range-proved commitments itself, with the `bulletproofs`,
//! `curve25519-dalek` and `merlin` crates directly and nothing from Fugue but the verifier.
//!
//! It checks every value of the doc's worked example (so the doc is what this prover follows),
//! then proves fresh statements and verifies them through Fugue's verification path
//! (`fugue_native::zk::range::verify`, the code `NativeZk.verify` calls). The Java side
//! (`ZkDocExampleIT`) checks the same hex against the Java encoder and verifies the doc's proof,
//! which this prover made, through `RangeVerifier`.
//!
//! `cargo test --release --test zk_doc_prover -- --ignored --nocapture print_doc_example` prints
//! a new example block (with a fresh proof) for the doc.

use std::collections::HashMap;
use std::error::Error;
use std::path::PathBuf;

use bulletproofs::{BulletproofGens, PedersenGens, RangeProof};
use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use fugue_native::zk::range::{verify, Binding};
use merlin::Transcript;

type TestResult = Result<(), Box<dyn Error>>;

/// Transcript labels, exactly as docs/zk.md "The transcript" lists them.
const PROTOCOL: &[u8] = b"fugue.zk.range.v1";
const CHECK_LABEL: &[u8] = b"fugue.zk.md.check";

fn doc() -> Result<String, Box<dyn Error>> {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let path = dir.join("../docs/zk.md");
    Ok(std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// The `key = value` lines of the fenced block after the `zk-example` marker; indented lines
/// continue the previous value.
fn example(doc: &str) -> Result<HashMap<String, String>, Box<dyn Error>> {
    let start = doc
        .find("<!-- zk-example -->")
        .ok_or("docs/zk.md has no <!-- zk-example --> marker")?;
    let block = doc[start..]
        .split("```")
        .nth(1)
        .ok_or("no fenced block after the marker")?;
    let mut out: HashMap<String, String> = HashMap::new();
    let mut last: Option<String> = None;
    for line in block.lines().skip(1) {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.starts_with(' ') {
            let key = last.as_ref().ok_or("continuation before any key")?;
            out.entry(key.clone())
                .and_modify(|v| v.push_str(line.trim()));
            continue;
        }
        let (k, v) = line
            .split_once('=')
            .ok_or(format!("not key = value: {line}"))?;
        let key = k.trim().to_string();
        out.insert(key.clone(), v.trim().to_string());
        last = Some(key);
    }
    Ok(out)
}

struct Example(HashMap<String, String>);

impl Example {
    fn load() -> Result<Example, Box<dyn Error>> {
        Ok(Example(example(&doc()?)?))
    }

    fn text(&self, key: &str) -> Result<&str, Box<dyn Error>> {
        Ok(self
            .0
            .get(key)
            .map(String::as_str)
            .ok_or(format!("example lacks {key}"))?)
    }

    fn hex(&self, key: &str) -> Result<Vec<u8>, Box<dyn Error>> {
        Ok(hex::decode(self.text(key)?).map_err(|e| format!("{key}: {e}"))?)
    }

    fn num(&self, key: &str) -> Result<u64, Box<dyn Error>> {
        Ok(self.text(key)?.parse().map_err(|e| format!("{key}: {e}"))?)
    }

    fn scalar(&self, key: &str) -> Result<Scalar, Box<dyn Error>> {
        let bytes: [u8; 32] = self
            .hex(key)?
            .try_into()
            .map_err(|_| format!("{key} is not 32 bytes"))?;
        Option::from(Scalar::from_canonical_bytes(bytes))
            .ok_or_else(|| format!("{key} is not a canonical scalar").into())
    }
}

/// The context of `TranscriptContext.ofParts`: each part as a u32 big-endian length and its bytes.
fn parts(parts: &[&[u8]]) -> Vec<u8> {
    parts
        .iter()
        .flat_map(|p| {
            let len = u32::try_from(p.len()).unwrap_or(u32::MAX).to_be_bytes();
            len.into_iter().chain(p.iter().copied())
        })
        .collect()
}

/// The statement encodings of the doc's table.
fn at_least(c: &CompressedRistretto, t: u64, n: u8) -> Vec<u8> {
    [&[1, n][..], c.as_bytes(), &t.to_be_bytes()].concat()
}

fn at_most(c: &CompressedRistretto, t: u64, n: u8) -> Vec<u8> {
    [&[2, n][..], c.as_bytes(), &t.to_be_bytes()].concat()
}

fn between(c: &CompressedRistretto, a: u64, b: u64, n: u8) -> Vec<u8> {
    [
        &[3, n][..],
        c.as_bytes(),
        &a.to_be_bytes(),
        &b.to_be_bytes(),
    ]
    .concat()
}

fn sum_at_least(cs: &[CompressedRistretto], t: u64, n: u8) -> Vec<u8> {
    let mut out = vec![4, n, u8::try_from(cs.len()).unwrap_or(u8::MAX)];
    cs.iter().for_each(|c| out.extend_from_slice(c.as_bytes()));
    out.extend_from_slice(&t.to_be_bytes());
    out
}

fn transcript(label: &[u8], context: &[u8], statement: &[u8]) -> Transcript {
    let mut t = Transcript::new(PROTOCOL);
    t.append_message(b"label", label);
    t.append_message(b"context", context);
    t.append_message(b"statement", statement);
    t
}

fn times_b(v: u64) -> RistrettoPoint {
    Scalar::from(v) * PedersenGens::default().B
}

/// Everything the doc's example derives from its inputs, computed here independently.
struct Derived {
    c: CompressedRistretto,
    c2: CompressedRistretto,
    context: Vec<u8>,
    statements: Vec<(&'static str, Vec<u8>)>,
    at_least: CompressedRistretto,
    between: [CompressedRistretto; 2],
    at_most: CompressedRistretto,
    sum: CompressedRistretto,
    check: [u8; 32],
}

fn derive(e: &Example) -> Result<Derived, Box<dyn Error>> {
    let pg = PedersenGens::default();
    let c_point = pg.commit(Scalar::from(e.num("v")?), e.scalar("r")?);
    let c2_point = pg.commit(Scalar::from(e.num("v2")?), e.scalar("r2")?);
    let (c, c2) = (c_point.compress(), c2_point.compress());
    let context = parts(&[
        &e.hex("queryId")?,
        &e.hex("attestationId")?,
        &e.hex("nonce")?,
    ]);
    let (t, a, b) = (e.num("t")?, e.num("a")?, e.num("b")?);
    let (sum_t, at_most_t) = (e.num("sumT")?, e.num("atMostT")?);
    let statements = vec![
        ("statement.atLeast", at_least(&c, t, 64)),
        ("statement.atMost", at_most(&c, at_most_t, 32)),
        ("statement.between", between(&c, a, b, 32)),
        ("statement.sumAtLeast", sum_at_least(&[c, c2], sum_t, 64)),
        ("statement.allInRange", Vec::new()),
    ];
    let mut check = [0u8; 32];
    transcript(e.text("label")?.as_bytes(), &context, &statements[0].1)
        .challenge_bytes(CHECK_LABEL, &mut check);
    Ok(Derived {
        at_least: (c_point - times_b(t)).compress(),
        between: [
            (c_point - times_b(a)).compress(),
            (times_b(b) - c_point).compress(),
        ],
        at_most: (times_b(at_most_t) - c_point).compress(),
        sum: (c_point + c2_point - times_b(sum_t)).compress(),
        c,
        c2,
        context,
        statements,
        check,
    })
}

#[test]
fn the_docs_worked_example_is_what_an_independent_prover_computes() -> TestResult {
    let e = Example::load()?;
    let d = derive(&e)?;
    assert_eq!(e.text("label")?, "fugue.query.v1");
    assert_eq!(e.hex("C")?, d.c.as_bytes());
    assert_eq!(e.hex("C2")?, d.c2.as_bytes());
    assert_eq!(e.hex("context")?, d.context);
    for (key, bytes) in &d.statements {
        assert_eq!(&e.hex(key)?, bytes, "{key}");
    }
    assert_eq!(e.hex("derived.atLeast")?, d.at_least.as_bytes());
    assert_eq!(e.hex("derived.atMost")?, d.at_most.as_bytes());
    assert_eq!(
        e.hex("derived.between")?,
        [d.between[0].0, d.between[1].0].concat()
    );
    assert_eq!(e.hex("derived.sumAtLeast")?, d.sum.as_bytes());
    assert_eq!(
        e.hex("check")?,
        d.check,
        "transcript state after the three messages"
    );
    Ok(())
}

#[test]
fn the_docs_proof_verifies_through_fugues_verifier_only_for_its_statement() -> TestResult {
    let e = Example::load()?;
    let d = derive(&e)?;
    let proof = e.hex("proof")?;
    let label = e.text("label")?.as_bytes();
    let binding = Binding {
        label,
        context: &d.context,
        statement: &d.statements[0].1,
    };
    assert_eq!(verify(&proof, d.at_least.as_bytes(), 64, binding)?, None);
    let other = at_least(&d.c, e.num("t")? + 1, 64);
    let wrong = Binding {
        statement: &other,
        ..binding
    };
    assert!(verify(&proof, d.at_least.as_bytes(), 64, wrong)?.is_some());
    Ok(())
}

/// Proves `values` (already the derived values) under the documented transcript with the crate
/// directly, and returns the proof bytes and the commitments the crate computed.
fn prove(
    values: &[u64],
    blindings: &[Scalar],
    n: usize,
    label: &[u8],
    context: &[u8],
    statement: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), Box<dyn Error>> {
    // Any generator capacity of at least n bits for at least m parties gives the same generators.
    let bp = BulletproofGens::new(n, values.len());
    let mut t = transcript(label, context, statement);
    let (proof, vs) =
        RangeProof::prove_multiple(&bp, &PedersenGens::default(), &mut t, values, blindings, n)?;
    Ok((
        proof.to_bytes(),
        vs.iter().flat_map(|v| v.to_bytes()).collect(),
    ))
}

/// A statement form: its name, the values and blindings proven, n, and the derived commitments.
type Case<'a> = (&'a str, Vec<u64>, Vec<Scalar>, usize, Vec<u8>);

#[test]
fn fresh_proofs_for_every_statement_form_verify_through_fugues_verifier() -> TestResult {
    let e = Example::load()?;
    let d = derive(&e)?;
    let label = e.text("label")?.as_bytes();
    let (v, v2, r, r2) = (e.num("v")?, e.num("v2")?, e.scalar("r")?, e.scalar("r2")?);
    let (t, a, b) = (e.num("t")?, e.num("a")?, e.num("b")?);
    let (sum_t, at_most_t) = (e.num("sumT")?, e.num("atMostT")?);
    let stmt = |key: &str| -> Vec<u8> {
        d.statements
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
    };
    // (statement, proven values, blindings, n, the commitments Fugue's verifier derives)
    let cases: Vec<Case> = vec![
        (
            "statement.atLeast",
            vec![v - t],
            vec![r],
            64,
            d.at_least.to_bytes().to_vec(),
        ),
        (
            "statement.atMost",
            vec![at_most_t - v],
            vec![-r],
            32,
            d.at_most.to_bytes().to_vec(),
        ),
        (
            "statement.between",
            vec![v - a, b - v],
            vec![r, -r],
            32,
            [d.between[0].0, d.between[1].0].concat(),
        ),
        (
            "statement.sumAtLeast",
            vec![v + v2 - sum_t],
            vec![r + r2],
            64,
            d.sum.to_bytes().to_vec(),
        ),
        (
            "statement.allInRange",
            vec![v, v2],
            vec![r, r2],
            64,
            [d.c.0, d.c2.0].concat(),
        ),
    ];
    for (key, values, blindings, n, derived) in cases {
        let statement = stmt(key);
        let (proof, vs) = prove(&values, &blindings, n, label, &d.context, &statement)?;
        assert_eq!(
            vs, derived,
            "{key}: the crate's commitments are Fugue's derived ones"
        );
        let binding = Binding {
            label,
            context: &d.context,
            statement: &statement,
        };
        assert_eq!(verify(&proof, &derived, n, binding)?, None, "{key}");
        let replay = Binding {
            context: b"another query",
            ..binding
        };
        assert!(verify(&proof, &derived, n, replay)?.is_some(), "{key}");
    }
    Ok(())
}

#[test]
#[ignore = "prints a new example block for docs/zk.md; run on purpose only"]
fn print_doc_example() -> TestResult {
    let e = Example::load()?;
    let d = derive(&e)?;
    let (proof, _) = prove(
        &[e.num("v")? - e.num("t")?],
        &[e.scalar("r")?],
        64,
        e.text("label")?.as_bytes(),
        &d.context,
        &d.statements[0].1,
    )?;
    println!("C = {}", hex::encode(d.c.as_bytes()));
    println!("C2 = {}", hex::encode(d.c2.as_bytes()));
    println!("context = {}", hex::encode(&d.context));
    for (key, bytes) in &d.statements {
        println!("{key} = {}", hex::encode(bytes));
    }
    println!("derived.atLeast = {}", hex::encode(d.at_least.as_bytes()));
    println!("derived.atMost = {}", hex::encode(d.at_most.as_bytes()));
    println!(
        "derived.between = {}{}",
        hex::encode(d.between[0].as_bytes()),
        hex::encode(d.between[1].as_bytes())
    );
    println!("derived.sumAtLeast = {}", hex::encode(d.sum.as_bytes()));
    println!("check = {}", hex::encode(d.check));
    println!("proof =");
    for chunk in proof.chunks(32) {
        println!("    {}", hex::encode(chunk));
    }
    Ok(())
}
