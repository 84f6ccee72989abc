//! The compiled-bundle decoder on structure-aware input: payloads built from counts near
//! the format's limits (and near what the bytes left can hold), strings, tags and runs
//! of zeros, behind a valid header and checksum, so the fuzzer spends its time past the
//! checksum, where a crafted count once asked for 29 GB (issue 12). It must reject or
//! decode, never panic or abort; what decodes must re-encode to the same bundle.
#![no_main]

use claimcheck::bundle::{compiled, limits};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

const NEAR: [u64; 10] = [
    limits::MAX_SOURCES as u64,
    limits::MAX_STATEMENTS as u64,
    limits::MAX_RELATIONS as u64,
    limits::MAX_TOPICS as u64,
    limits::MAX_QUOTE_BYTES as u64,
    limits::MAX_FIELD_BYTES as u64,
    u32::MAX as u64,
    u64::MAX,
    0,
    1,
];

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

fn payload(u: &mut Unstructured) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    while !u.is_empty() && out.len() < 1 << 20 {
        match u.int_in_range(0..=5)? {
            // A count near a limit, or near what the bytes that follow can hold.
            0 => {
                let base = NEAR[u.choose_index(NEAR.len())?];
                let delta = i64::from(u.int_in_range(-2i8..=2)?);
                varint(&mut out, base.saturating_add_signed(delta));
            }
            1 => {
                let n = u64::from(u.int_in_range(0u16..=4096)?);
                varint(&mut out, n);
            }
            2 => out.push(u.arbitrary()?),
            3 => {
                let text: &str = u.arbitrary()?;
                varint(&mut out, text.len() as u64);
                out.extend_from_slice(text.as_bytes());
            }
            4 => {
                let zeros = usize::from(u.int_in_range(0u16..=8192)?);
                out.resize(out.len() + zeros, 0);
            }
            _ => out.extend_from_slice(&[0, 0, 0, 0]),
        }
    }
    Ok(out)
}

fuzz_target!(|data: &[u8]| {
    let Ok(payload) = payload(&mut Unstructured::new(data)) else { return };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in &payload {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let mut bytes = compiled::MAGIC.to_vec();
    bytes.extend_from_slice(&compiled::FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&claimcheck::analysis::ANALYZER_VERSION.to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&hash.to_le_bytes());
    bytes.extend_from_slice(&payload);
    if let Ok((bundle, index)) = compiled::decode(&bytes, "fuzz.ccb") {
        let again = compiled::encode(&bundle, &index);
        let (decoded, _) = compiled::decode(&again, "fuzz.ccb").expect("re-encoded bundle decodes");
        assert_eq!(decoded, bundle);
    }
});
