//! The JS API that pages get: pkg/claimcheck.js and its wasm, as `make build` made them,
//! driven from a test in headless Chromium (`make test-wasm`, after `make build`).
//!
//! The API is reached the way a page reaches it, through its JS glue, from a separate
//! wasm instance; its answers are compared with the same core compiled into this test,
//! so the tests hold whatever the engine's tuning.

#![cfg(target_arch = "wasm32")]

use claimcheck::{CheckResult, Checker as Core};
use js_sys::{Object, Uint8Array, JSON};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The optimized wasm that ships in pkg/ and dist/.
static API_WASM: &[u8] = include_bytes!("../pkg/claimcheck_bg.wasm");
static DEFAULT_SOURCE: &str = include_str!("../bundles/default/bundle.json");

// The path is from the root of tests/wasm-runner, the package that builds this test.
#[wasm_bindgen(module = "/../../pkg/claimcheck.js")]
extern "C" {
    #[wasm_bindgen(js_name = default)]
    fn init(options: &JsValue) -> js_sys::Promise;

    #[wasm_bindgen(js_name = Checker)]
    type ApiChecker;
    #[wasm_bindgen(constructor, js_class = Checker, catch)]
    fn new() -> Result<ApiChecker, JsValue>;
    #[wasm_bindgen(static_method_of = ApiChecker, js_class = Checker, js_name = fromBytes, catch)]
    fn from_bytes(bytes: &[u8], name: Option<String>) -> Result<ApiChecker, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn check(this: &ApiChecker, claim: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, js_name = bundleInfo, catch)]
    fn bundle_info(this: &ApiChecker) -> Result<JsValue, JsValue>;
}

/// Instantiates the API's wasm (once: the glue ignores later calls), from bytes, the
/// way the offline file does.
async fn api() {
    let options = Object::new();
    js_sys::Reflect::set(&options, &"module_or_path".into(), &Uint8Array::from(API_WASM)).unwrap();
    JsFuture::from(init(&options)).await.expect("the API's wasm instantiates");
}

const CLAIMS: &[&str] = &[
    "The police in Azerbaijan do not torture anyone.",
    "Azerbaijan's Interior Ministry denies that the torture photos were taken in the country.",
    "About 254 political prisoners were held in Azerbaijan at the end of 2023.",
    "The capital of Australia is Canberra.",
    "",
    "   ",
    "Ələsgərov was not tortured — the U.S. report is wrong!",
];

fn json_text(value: &JsValue) -> String {
    JSON::stringify(value).expect("JSON-compatible").as_string().unwrap()
}

/// The result's JSON keys, recursively, with every leaf value blanked out.
fn shape(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), shape(v))).collect()),
        Value::Array(items) => Value::Array(items.iter().map(shape).collect()),
        _ => Value::Null,
    }
}

/// Where two JSON values first differ, as a path and both values.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) if x.len() == y.len() => x.iter().find_map(|(k, v)| match y.get(k) {
            Some(w) => first_difference(v, w, &format!("{path}.{k}")),
            None => Some(format!("{path}.{k}: only in one")),
        }),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x.iter().zip(y).enumerate().find_map(|(i, (v, w))| first_difference(v, w, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a} ≠ {b}")),
    }
}

/// The API's result equals the core's (typed, so 0.59 and the f32 0.59 compare equal)
/// and has exactly the keys of the CLI's --json.
fn assert_same_result(js: &JsValue, core: &CheckResult, claim: &str) {
    let text = json_text(js);
    let parsed: CheckResult = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{claim:?}: not a CheckResult ({e}): {text}"));
    if &parsed != core {
        let (a, b) = (serde_json::to_value(&parsed).unwrap(), serde_json::to_value(core).unwrap());
        panic!("API and core disagree on {claim:?} (is pkg/ older than src/? run `make build`): {}", first_difference(&a, &b, "result").unwrap_or_default());
    }
    let core_json: Value = serde_json::to_value(core).unwrap();
    assert_eq!(shape(&serde_json::from_str(&text).unwrap()), shape(&core_json), "the result has exactly the CLI's --json keys");
}

fn error_message(error: &JsValue) -> String {
    let error = error.dyn_ref::<js_sys::Error>().unwrap_or_else(|| panic!("threw a JS Error, not {error:?}"));
    error.message().into()
}

#[wasm_bindgen_test]
async fn check_answers_as_the_core_does() {
    api().await;
    let checker = ApiChecker::new().unwrap();
    let core = Core::embedded().unwrap();
    for claim in CLAIMS {
        assert_same_result(&checker.check(claim).unwrap(), &core.check(claim), claim);
    }
    let long = "Azerbaijan police torture. ".repeat(2_000);
    assert_same_result(&checker.check(&long).unwrap(), &core.check(&long), "(a 54 KB claim)");
}

#[wasm_bindgen_test]
async fn results_are_plain_objects_with_the_cli_numbers() {
    api().await;
    let result = ApiChecker::new().unwrap().check(CLAIMS[0]).unwrap();
    assert_eq!(Object::get_prototype_of(&result), Object::get_prototype_of(&Object::new()), "a plain object, not a class instance");
    // Numbers read as the CLI prints them: 0.59, not the f32's 0.5899999737739563.
    let confidence = js_sys::Reflect::get(&result, &"confidence".into()).unwrap().as_f64().unwrap();
    let cli_text = serde_json::to_string(&Core::embedded().unwrap().check(CLAIMS[0]).confidence).unwrap();
    assert_eq!(confidence.to_string(), cli_text.trim_end_matches(".0"));
    let evidence = js_sys::Reflect::get(&result, &"evidence".into()).unwrap();
    assert!(js_sys::Array::is_array(&evidence));
}

#[wasm_bindgen_test]
async fn bundle_info_describes_the_embedded_bundle() {
    api().await;
    let info: Value = serde_json::from_str(&json_text(&ApiChecker::new().unwrap().bundle_info().unwrap())).unwrap();
    let core = Core::embedded().unwrap();
    let bundle = core.bundle();
    let expected = serde_json::json!({
        "title": bundle.title, "language": bundle.language,
        "sources": bundle.sources.len(), "statements": bundle.statements.len(), "relations": bundle.relations.len(), "reviews": bundle.reviews.len(),
    });
    assert_eq!(info, expected);
}

#[wasm_bindgen_test]
async fn from_bytes_takes_the_compiled_form() {
    api().await;
    let checker = ApiChecker::from_bytes(claimcheck::check::DEFAULT_BUNDLE, Some("default.ccb".into())).unwrap();
    let core = Core::embedded().unwrap();
    for claim in CLAIMS {
        assert_same_result(&checker.check(claim).unwrap(), &core.check(claim), claim);
    }
}

#[wasm_bindgen_test]
async fn from_bytes_takes_json_source() {
    api().await;
    let checker = ApiChecker::from_bytes(DEFAULT_SOURCE.as_bytes(), None).unwrap();
    let core = Core::from_bytes(DEFAULT_SOURCE.as_bytes(), "bundle", None).unwrap();
    for claim in CLAIMS {
        assert_same_result(&checker.check(claim).unwrap(), &core.check(claim), claim);
    }
}

/// A compiled bundle with a valid checksum whose payload claims `statements` statements
/// and then holds `filler` zero bytes.
fn crafted(statements: u32, filler: usize) -> Vec<u8> {
    let mut payload = vec![1, b'T', 2, b'e', b'n', 0];
    let mut v = statements;
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            payload.push(byte);
            break;
        }
        payload.push(byte | 0x80);
    }
    payload.resize(payload.len() + filler, 0);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in &payload {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = claimcheck::bundle::compiled::MAGIC.to_vec();
    out.extend_from_slice(&claimcheck::bundle::compiled::FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&claimcheck::analysis::ANALYZER_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&hash.to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Issue 12: a crafted count made the wasm panic ("capacity overflow", the widget showed
/// only "unreachable"). It must throw the named error, as natively.
#[wasm_bindgen_test]
async fn a_crafted_compiled_bundle_throws_a_named_error_not_a_panic() {
    api().await;
    for (statements, filler, expected) in [(40_000_000, 40_000_000, "40000000 statements; the limit is 1000000"), (900_000, 1_000_000, "cannot fit in the 1000000 bytes left")] {
        let bytes = crafted(statements, filler);
        let error = ApiChecker::from_bytes(&bytes, Some("crafted.ccb".into())).err().expect("refused");
        let message = error_message(&error);
        assert!(message.starts_with("crafted.ccb: ") && message.contains(expected), "{message}");
        assert_eq!(message, Core::from_bytes(&bytes, "crafted.ccb", None).err().unwrap().to_string());
    }
    // The module still works after refusing them.
    let checker = ApiChecker::from_bytes(claimcheck::check::DEFAULT_BUNDLE, Some("default.ccb".into())).unwrap();
    drop(checker);
}

#[wasm_bindgen_test]
async fn from_bytes_throws_the_verify_message() {
    api().await;
    let broken: &[(&str, &[u8])] = &[
        ("truncated.json", br#"{"format": "claimcheck-bundle/1", "title": "#),
        ("empty.json", b""),
        ("binary.bin", &[0xff, 0xfe, 0x00, 0x01]),
        ("no-statements.json", br#"{"format": "claimcheck-bundle/1", "title": "t", "language": "en", "sources": [], "statements": [{"id": "x"}]}"#),
    ];
    for (name, bytes) in broken {
        let error = ApiChecker::from_bytes(bytes, Some(name.to_string())).err().unwrap_or_else(|| panic!("{name} was accepted"));
        let message = error_message(&error);
        let expected = Core::from_bytes(bytes, name, None).err().unwrap().to_string();
        assert_eq!(message, expected);
        assert!(message.contains(name), "the message names the bundle: {message}");
    }
}
