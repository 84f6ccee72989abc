//! The JSON source parser on structure-aware input: bundles assembled from the format's
//! fields with lengths and counts at and around the limits, unknown and repeated keys,
//! wrong types, a byte order mark, nested junk. It must accept or reject with named
//! errors, never panic; what it accepts round-trips through the compiled form.
#![no_main]

use claimcheck::bundle::limits;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

const KEYS: [&str; 12] = ["id", "source", "quote", "speaker", "speaker_kind", "date", "topics", "publisher", "kind", "title", "url", "colour"];

fn text(u: &mut Unstructured) -> Result<String> {
    let lengths =
        [0, 1, limits::MAX_TOPIC_BYTES, limits::MAX_TOPIC_BYTES + 1, limits::MAX_FIELD_BYTES, limits::MAX_FIELD_BYTES + 1, limits::MAX_QUOTE_BYTES, limits::MAX_QUOTE_BYTES + 1];
    Ok(match u.int_in_range(0..=4)? {
        0 => "x".repeat(lengths[u.choose_index(lengths.len())?]),
        1 => ["s", "s/a", "ngo", "government", "2024-02-29", "https://example.org/a", "javascript:alert(1)", "Human Rights W\u{430}tch", "\u{202E}x", "a b"][u.choose_index(10)?]
            .to_string(),
        _ => u.arbitrary::<String>()?,
    })
}

fn value(u: &mut Unstructured, depth: u8) -> Result<String> {
    Ok(match u.int_in_range(0..=5)? {
        0 | 1 | 2 => serde_json_string(&text(u)?),
        3 => format!("{}", u.arbitrary::<i64>()?),
        4 if depth < 3 => {
            let n = [0usize, 1, 2, limits::MAX_TOPICS, limits::MAX_TOPICS + 1][u.choose_index(5)?];
            let items: Result<Vec<String>> = (0..n).map(|_| value(u, depth + 1)).collect();
            format!("[{}]", items?.join(","))
        }
        _ => "null".to_string(),
    })
}

fn serde_json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn object(u: &mut Unstructured) -> Result<String> {
    let mut fields = Vec::new();
    for _ in 0..u.int_in_range(0..=9)? {
        let key = KEYS[u.choose_index(KEYS.len())?];
        fields.push(format!("\"{key}\":{}", value(u, 0)?));
    }
    Ok(format!("{{{}}}", fields.join(",")))
}

fn bundle(u: &mut Unstructured) -> Result<String> {
    let list = |u: &mut Unstructured| -> Result<String> {
        let n = u.int_in_range(0..=40)?;
        let items: Result<Vec<String>> = (0..n).map(|_| object(u)).collect();
        Ok(format!("[{}]", items?.join(",")))
    };
    let bom = if u.arbitrary()? { "\u{feff}" } else { "" };
    Ok(format!(
        "{bom}{{\"format\":\"claimcheck-bundle/1\",\"title\":{},\"language\":\"en\",\"sources\":{},\"statements\":{},\"relations\":{}}}",
        value(u, 0)?,
        list(u)?,
        list(u)?,
        list(u)?
    ))
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = bundle(&mut Unstructured::new(data)) else { return };
    match claimcheck::Checker::from_bytes(json.as_bytes(), "fuzz.json", None) {
        Ok(checker) => {
            let again = claimcheck::Checker::from_bytes(&checker.compile(), "fuzz.ccb", None).expect("compiled form decodes");
            assert_eq!(again.bundle(), checker.bundle());
        }
        Err(errors) => assert!(!errors.errors().is_empty() && errors.errors().len() <= claimcheck::bundle::rules::MAX_ERRORS + 1),
    }
});
