//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use claimcheck::bundle::source::SourceTexts;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads source texts relative to a bundle's folder, as the CLI does.
pub struct FolderTexts(pub PathBuf);

impl SourceTexts for FolderTexts {
    fn read(&mut self, path: &str) -> Result<String, String> {
        std::fs::read_to_string(self.0.join(path)).map_err(|e| e.to_string())
    }
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A bundle JSON with one source and the given statements (`(id, quote, speaker_kind)`).
pub fn bundle_json(statements: &[(&str, &str, &str)]) -> String {
    let statements: Vec<serde_json::Value> =
        statements.iter().map(|(id, quote, kind)| serde_json::json!({"id": id, "source": "src", "quote": quote, "speaker": "Speaker", "speaker_kind": kind})).collect();
    serde_json::json!({
        "format": "claimcheck-bundle/1", "title": "Test", "language": "en",
        "sources": [{"id": "src", "publisher": "Publisher", "kind": "ngo", "title": "Report on Ruritania",
                     "url": "https://example.org/r", "published": "2021-06-01"}],
        "statements": statements,
    })
    .to_string()
}
