//! Checking arbitrary claims against the default bundle: always an answer, never a panic,
//! confidence within 0..1.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static CHECKER: OnceLock<claimcheck::Checker> = OnceLock::new();
    let checker = CHECKER.get_or_init(|| claimcheck::Checker::embedded().expect("default bundle"));
    let claim = String::from_utf8_lossy(data);
    let result = checker.check(&claim);
    assert!((0.0..=1.0).contains(&result.confidence));
});
