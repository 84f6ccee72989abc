//! The bundle: sources, the statements quoted from them, and curated relations between
//! statements. [`source`] reads and verifies the JSON source format; [`compiled`] encodes
//! and decodes the compiled form that ships inside the wasm and the CLI.

pub mod compiled;
pub mod error;
pub mod import;
pub mod rules;
pub mod source;

use std::fmt;

pub use error::{BundleError, BundleErrors, ErrorKind};

/// Format tag of the JSON source format.
pub const SOURCE_FORMAT: &str = "claimcheck-bundle/1";
/// Format tag of the JSON source format with reviewed claims (`reviews`). Bundles
/// without reviews are still written, and read, as [`SOURCE_FORMAT`].
pub const SOURCE_FORMAT_REVIEWS: &str = "claimcheck-bundle/2";

/// Limits on what a bundle may hold, so a hostile file cannot exhaust memory.
pub mod limits {
    /// Largest bundle file (source JSON or compiled), in bytes.
    pub const MAX_BUNDLE_BYTES: usize = 256 * 1024 * 1024;
    /// Most statements in one bundle.
    pub const MAX_STATEMENTS: usize = 1_000_000;
    /// Most sources in one bundle.
    pub const MAX_SOURCES: usize = 1_000_000;
    /// Longest quote, in bytes.
    pub const MAX_QUOTE_BYTES: usize = 4_000;
    /// Longest other text field (ids, titles, names, notes, urls), in bytes.
    pub const MAX_FIELD_BYTES: usize = 2_000;
    /// Most topics on one statement.
    pub const MAX_TOPICS: usize = 32;
    /// Longest topic, in bytes: topics are short phrases, and each is analysed with its
    /// statement on every check that judges it (32 topics of 2,000 bytes made a check of
    /// a 50-sentence paste take 5.6 s natively; 200 bytes, 0.56 s).
    pub const MAX_TOPIC_BYTES: usize = 200;
    /// Most relations in one bundle.
    pub const MAX_RELATIONS: usize = 1_000_000;
    /// Most reviewed claims in one bundle.
    pub const MAX_REVIEWS: usize = 1_000_000;
    /// Most statement ids one review rests on (`evidence`).
    pub const MAX_REVIEW_EVIDENCE: usize = 32;
    /// Largest source text file (`text_file`), in bytes.
    pub const MAX_TEXT_FILE_BYTES: usize = 16 * 1024 * 1024;
    /// Most bytes of source text read to verify one bundle, all files together.
    pub const MAX_TEXT_TOTAL_BYTES: usize = 256 * 1024 * 1024;
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    pub title: String,
    pub language: String,
    pub sources: Vec<Source>,
    pub statements: Vec<Statement>,
    pub relations: Vec<Relation>,
    /// Claims already reviewed by a named fact-checker (schema.org ClaimReview).
    pub reviews: Vec<Review>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub kind: Kind,
    pub title: String,
    /// Absent for corpora imported without links.
    pub url: Option<String>,
    /// Absent for corpora imported without dates.
    pub published: Option<Date>,
    pub text_file: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub id: String,
    /// Index into `Bundle::sources`.
    pub source: usize,
    pub quote: String,
    pub speaker: String,
    pub speaker_kind: Kind,
    /// The statement's own date; `None` means the source's publication date.
    pub date: Option<Date>,
    pub topics: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// Index into `Bundle::statements`: the statement rebutted or corroborated.
    pub from: usize,
    /// Index into `Bundle::statements`: the statement that rebuts or corroborates it.
    pub to: usize,
    pub kind: RelationKind,
    pub note: Option<String>,
}

/// A claim reviewed by a fact-checker: what schema.org's ClaimReview says, in the
/// fact-checker's own words. claimcheck shows it as the fact-checker's verdict, apart
/// from its own assessment of the statements.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub id: String,
    /// The claim as the fact-checker wrote it (`claimReviewed`).
    pub claim: String,
    /// Who made the claim (`itemReviewed.author`).
    pub claimant: Option<String>,
    /// When the claim was made (`itemReviewed.datePublished`).
    pub claim_date: Option<Date>,
    /// The fact-checking organisation (`author`).
    pub reviewer: String,
    /// When the review was published (`datePublished`).
    pub reviewed: Date,
    /// The reviewer's own rating words: "False", "Misleading" (`reviewRating.alternateName`).
    pub rating: String,
    /// `reviewRating.ratingValue`, `bestRating`, `worstRating`, when given.
    pub rating_value: Option<f64>,
    pub rating_best: Option<f64>,
    pub rating_worst: Option<f64>,
    /// The fact-check article, http(s) only.
    pub url: String,
    /// The article's headline (`headline` or `name`).
    pub title: Option<String>,
    pub summary: Option<String>,
    /// Indexes into `Bundle::statements` the review rests on.
    pub evidence: Vec<usize>,
}

impl Bundle {
    pub fn source_of(&self, statement: &Statement) -> &Source {
        &self.sources[statement.source]
    }

    /// A statement's date: its own, else its source's, if either is known.
    pub fn date_of(&self, statement: &Statement) -> Option<Date> {
        statement.date.or(self.source_of(statement).published)
    }
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)* _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// Who a source or speaker is.
    Kind {
        Ngo = "ngo",
        Intergovernmental = "intergovernmental",
        Government = "government",
        News = "news",
        Court = "court",
        Testimony = "testimony",
        Other = "other",
    }
}

string_enum! {
    /// How the `to` statement of a relation bears on the `from` statement.
    RelationKind {
        Contradicts = "contradicts",
        Supports = "supports",
    }
}

/// A date at the precision it was given: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    pub fn parse(text: &str) -> Option<Date> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u16>().ok()).flatten();
        let year = number(parts.first()?, 4)?;
        let month = match parts.get(1) {
            Some(m) => Some(u8::try_from(number(m, 2)?).ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.get(2) {
            Some(d) => {
                let day = u8::try_from(number(d, 2)?).ok()?;
                (day >= 1 && day <= days_in_month(year, month?)).then_some(day)?;
                Some(day)
            }
            None => None,
        };
        (parts.len() <= 3 && year >= 1).then_some(Date { year, month, day })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_their_precision() {
        for text in ["2004", "2024-04", "2015-12-11", "2024-02-29"] {
            assert_eq!(Date::parse(text).map(|d| d.to_string()), Some(text.to_string()));
        }
        for bad in ["", "04", "2024-4", "2024-13", "2023-02-29", "2015-12-11-01", "20x5", "2015-12-32"] {
            assert_eq!(Date::parse(bad), None, "{bad:?} must not parse");
        }
    }

    #[test]
    fn kinds_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(Kind::parse("NGO"), None);
    }
}
