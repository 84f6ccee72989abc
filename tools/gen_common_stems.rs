//! Writes src/analysis/common_stems.txt, the stems of tools/common_words.txt by frequency
//! band, which is what the wasm embeds (see `COMMON_STEMS` in src/analysis/mod.rs):
//!
//!     cargo run --example gen_common_stems > src/analysis/common_stems.txt

fn main() {
    let words = std::fs::read_to_string("tools/common_words.txt").expect("run from the repository root");
    print!("{}", claimcheck::analysis::common_stems_file(&words));
}
