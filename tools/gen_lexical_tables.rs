//! Writes the stem tables of src/analysis/resources/ from the word-level files of
//! tools/resources/ (see `TABLES` in src/analysis/resources.rs), which the wasm embeds:
//!
//!     cargo run --example gen_lexical_tables
//!
//! Regenerate tools/resources/ first when the npm packages change:
//! `node tools/extract_lexical_resources.mjs`.

use claimcheck::analysis::resources::TABLES;

fn main() {
    for (tsv, table, make, _) in TABLES {
        let words = std::fs::read_to_string(format!("tools/resources/{tsv}")).expect("run from the repository root");
        let path = format!("src/analysis/resources/{table}");
        let text = make(&words);
        std::fs::write(&path, &text).expect("src/analysis/resources/ is writable");
        println!("wrote {path}: {} bytes, {} lines", text.len(), text.lines().count());
    }
}
