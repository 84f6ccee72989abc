//! The JSON source parser and verifier on arbitrary text: reject or accept, never panic;
//! what it accepts round-trips through the compiled form and answers a claim.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(checker) = claimcheck::Checker::from_bytes(data, "fuzz.json", None) {
        let bytes = checker.compile();
        let again = claimcheck::Checker::from_bytes(&bytes, "fuzz.ccb", None).expect("compiled form decodes");
        assert_eq!(again.bundle(), checker.bundle());
        let _ = checker.check("The ministry denies that detainees were tortured.");
    }
});
