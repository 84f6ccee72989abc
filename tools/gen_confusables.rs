//! Writes src/analysis/confusables.txt: for every char whose Unicode TR39 confusable
//! skeleton (the `unicode-security` crate, a dev-dependency only) is ASCII and differs from
//! it, the char, a tab and the skeleton ("а" Cyrillic → "a", "Ｈ" → "H"). Publishers that
//! look alike count as one (`normalize::look_alike_key`); only look-alikes of ASCII are
//! kept, because bundle publishers are compared with each other, and ASCII names are the
//! ones a forger imitates.
//!
//!     cargo run --example gen_confusables > src/analysis/confusables.txt

fn main() {
    println!("# TR39 confusable skeletons (Unicode {:?}, via the unicode-security crate) that are ASCII: char<TAB>skeleton", unicode_security::UNICODE_VERSION);
    for c in (0x80u32..=0x10FFFF).filter_map(char::from_u32) {
        let skeleton: String = unicode_security::skeleton(&c.to_string()).collect();
        if !skeleton.is_empty() && skeleton.is_ascii() && skeleton.chars().all(|s| s.is_ascii_alphanumeric()) && skeleton != c.to_string() {
            println!("{c}\t{skeleton}");
        }
    }
}
