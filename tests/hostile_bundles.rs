//! Hostile bundles (issue 12): crafted compiled bundles, verifier rules shared by both
//! forms, hostile source texts, memory amplification. One test per problem, named after
//! what broke; each failed before its fix.

mod common;

use std::process::{Command, Output};

use claimcheck::bundle::{compiled, ErrorKind};
use claimcheck::Checker;
use common::repo;

/// A compiled bundle around `payload`, with a valid header and checksum: only the
/// decoder's own checks stand between these bytes and the allocator.
fn craft(payload: &[u8]) -> Vec<u8> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in payload {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = compiled::MAGIC.to_vec();
    out.extend_from_slice(&compiled::FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&claimcheck::analysis::ANALYZER_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&hash.to_le_bytes());
    out.extend_from_slice(payload);
    out
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Title "T", language "en", no sources, then `statements` as the statement count and
/// `filler` zero bytes.
fn statements_then_zeros(statements: u64, filler: usize) -> Vec<u8> {
    let mut payload = vec![1, b'T', 2, b'e', b'n', 0];
    varint(&mut payload, statements);
    payload.resize(payload.len() + filler, 0);
    craft(&payload)
}

fn decode_error(bytes: &[u8]) -> (ErrorKind, String) {
    let errors = Checker::from_bytes(bytes, "crafted.ccb", None).err().expect("rejected");
    let first = &errors.errors()[0];
    (first.kind(), errors.to_string())
}

fn claimcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck")).args(args).current_dir(repo()).output().expect("runs")
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimcheck-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn a_statement_count_over_the_limit_is_named_before_allocating() {
    let (kind, message) = decode_error(&statements_then_zeros(5_000_000, 6_000_000));
    assert_eq!(kind, ErrorKind::TooLarge, "{message}");
    assert!(message.starts_with("crafted.ccb: ") && message.contains("5000000 statements; the limit is 1000000"), "{message}");
}

#[test]
fn a_count_the_remaining_bytes_cannot_hold_is_named() {
    // 900,000 statements fit the limit, and today's check (one byte each) let them
    // through; a statement takes at least 10 bytes, so 1 MB cannot hold them.
    let (kind, message) = decode_error(&statements_then_zeros(900_000, 1_000_000));
    assert_eq!(kind, ErrorKind::Compiled, "{message}");
    assert!(message.contains("900000 statements cannot fit in the 1000000 bytes left (each takes at least 10)"), "{message}");
}

#[test]
fn index_term_and_posting_counts_are_bounded() {
    // No sources, statements or relations; then a term count the bytes cannot hold.
    let mut payload = vec![1, b'T', 2, b'e', b'n', 0, 0, 0];
    varint(&mut payload, 100_000);
    payload.resize(payload.len() + 100_000, 0);
    let (_, message) = decode_error(&craft(&payload));
    assert!(message.contains("100000 terms cannot fit"), "{message}");
    // One term with more postings than there are statements (none).
    let mut payload = vec![1, b'T', 2, b'e', b'n', 0, 0, 0, 1, 1, b'x', 0];
    varint(&mut payload, 50_000);
    payload.resize(payload.len() + 200_000, 0);
    let (kind, message) = decode_error(&craft(&payload));
    assert_eq!(kind, ErrorKind::TooLarge, "{message}");
    assert!(message.contains("50000 postings; the limit is 0"), "{message}");
}

/// The abort: `Vec::with_capacity(count)` with a count the file's bytes allowed
/// made `bundle verify` die with "memory allocation of ... bytes failed" (SIGABRT). Here
/// a 12 MB file under a 1 GB address-space limit: the process must exit 1 with a named
/// error, not be killed by a signal.
#[test]
fn bundle_verify_of_a_crafted_count_exits_with_an_error_not_an_abort() {
    let dir = scratch("count");
    let path = dir.join("crafted.ccb");
    std::fs::write(&path, statements_then_zeros(12_000_000, 12_000_000)).expect("write");
    let script = format!("ulimit -v 1000000; exec \"{}\" bundle verify \"{}\"", env!("CARGO_BIN_EXE_claimcheck"), path.display());
    let output = Command::new("sh").arg("-c").arg(&script).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "killed or crashed: {:?} {stderr}", output.status);
    assert!(stderr.contains("crafted.ccb") && stderr.contains("12000000 statements; the limit is 1000000"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_default_bundle_still_decodes() {
    let bytes = std::fs::read(repo().join("bundles/default.ccb")).expect("default.ccb");
    assert!(Checker::from_bytes(&bytes, "default.ccb", None).is_ok());
    let verify = claimcheck(&["bundle", "verify", "bundles/default.ccb"]);
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
}
