//! The compiled-bundle decoder on arbitrary bytes, and on mutations of a valid bundle
//! (the fuzzer's corpus starts from the default bundle): it must reject or decode, never
//! panic, and whatever decodes must answer a claim.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((bundle, index)) = claimcheck::bundle::compiled::decode(data, "fuzz.ccb") {
        let bytes = claimcheck::bundle::compiled::encode(&bundle, &index);
        let checker = claimcheck::Checker::from_bytes(&bytes, "fuzz.ccb", None).expect("re-encoded bundle decodes");
        let _ = checker.check("Police tortured detainees in 2015.");
    }
});
