//! Splits normalized text into words, numbers and clause boundaries.
//!
//! Hyphenated words are joined ("ill-treatment" -> "illtreatment") unless a side is a
//! number ("61-page" -> "61", "page"); "n't" becomes its own "not"; dotted acronyms keep
//! their dots ("U.S."); possessive "'s" is dropped.

use super::normalize::fold_word;

#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// A word: its folded form, and whether it was written with a capital / in capitals.
    Word { folded: String, capitalized: bool, all_caps: bool },
    /// A number written in digits.
    Number(f64),
    /// Punctuation that ends a clause; `sentence_end` for . ! ?
    Boundary { sentence_end: bool },
}

pub fn tokenize(text: &str) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let start = i;
            // A run of letters/digits with internal ' - . joiners.
            while i < chars.len() {
                let ch = chars[i];
                let joins = matches!(ch, '\'' | '-' | '.' | ',') && i + 1 < chars.len() && chars[i + 1].is_alphanumeric() && i > start;
                if ch.is_alphanumeric() || joins {
                    i += 1;
                } else {
                    break;
                }
            }
            let mut raw: String = chars[start..i].iter().collect();
            // Chemical formulas with subscripts flattened by copying: "CO 2" is CO2.
            if raw.len() == 1 && raw.as_bytes()[0].is_ascii_digit() && start >= 2 && chars[start - 1] == ' ' {
                if let Some(Piece::Word { folded, all_caps: true, .. }) = pieces.last_mut() {
                    let word_start = (start - 1).saturating_sub(folded.chars().count());
                    let written: String = chars[word_start..start - 1].iter().collect();
                    // Letters of the gases people write about (CO2, CH4, SO2, NO2, N2O), not "UK 2".
                    let formula = folded.len() <= 2 && folded.chars().all(|c| "chnos".contains(c));
                    if formula && written.to_lowercase() == *folded {
                        folded.push_str(&raw);
                        continue;
                    }
                }
            }
            // Dotted acronym with a trailing dot: "U.S." keeps its last dot.
            if i < chars.len() && chars[i] == '.' && is_dotted_acronym(&raw) {
                raw.push('.');
                i += 1;
            }
            push_run(&raw, &mut pieces);
            continue;
        }
        match c {
            '.' | '!' | '?' => pieces.push(Piece::Boundary { sentence_end: true }),
            ',' | ';' | ':' | '(' | ')' | '[' | ']' | '|' | '•' | '…' => pieces.push(Piece::Boundary { sentence_end: false }),
            '-' if i + 1 < chars.len() && chars[i + 1].is_whitespace() => pieces.push(Piece::Boundary { sentence_end: false }),
            _ => {}
        }
        i += 1;
    }
    pieces
}

fn is_dotted_acronym(raw: &str) -> bool {
    let parts: Vec<&str> = raw.split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Splits one alphanumeric run into pieces.
fn push_run(raw: &str, pieces: &mut Vec<Piece>) {
    if raw.contains('.') && is_dotted_acronym(raw.trim_end_matches('.')) {
        pieces.push(Piece::Word { folded: fold_word(raw), capitalized: true, all_caps: true });
        return;
    }
    // A number: digits with thousands commas or a decimal point.
    if raw.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let (number, rest) = split_number(raw);
        if let Some(value) = number {
            pieces.push(Piece::Number(value));
        }
        if !rest.is_empty() {
            push_run(rest.trim_start_matches(['-', '.', ',', '\'']), pieces);
        }
        return;
    }
    // Sentence-internal commas and periods split words ("today.The" in scraped text).
    if let Some(pos) = raw.find(['.', ',']) {
        push_run(&raw[..pos], pieces);
        pieces.push(Piece::Boundary { sentence_end: raw.as_bytes()[pos] == b'.' });
        push_run(&raw[pos + 1..], pieces);
        return;
    }
    // Hyphens: "ill-treatment" and "pre-trial" are one word; "election-monitoring",
    // "three-week" and "61-page" are two.
    let parts: Vec<&str> = raw.split('-').filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 && !JOINED_PREFIXES.contains(&parts[0].to_lowercase().as_str()) {
        for part in parts {
            push_run(part, pieces);
        }
        return;
    }
    let joined: String = parts.concat();
    push_word(&joined, pieces);
}

/// Prefixes that make one word with what follows the hyphen.
const JOINED_PREFIXES: &[&str] = &["ill", "pre", "non", "co", "re", "self", "ex", "semi", "multi", "well", "e", "mid", "under", "over"];

fn split_number(raw: &str) -> (Option<f64>, &str) {
    let mut end = 0;
    let bytes = raw.as_bytes();
    while end < bytes.len() {
        let b = bytes[end];
        let is_sep = (b == b',' || b == b'.') && end + 1 < bytes.len() && bytes[end + 1].is_ascii_digit();
        if b.is_ascii_digit() || is_sep {
            end += 1;
        } else {
            break;
        }
    }
    let digits: String = raw[..end].chars().filter(|c| *c != ',').collect();
    (digits.parse::<f64>().ok().filter(|v| v.is_finite()), &raw[end..])
}

fn push_word(word: &str, pieces: &mut Vec<Piece>) {
    if word.is_empty() {
        return;
    }
    // Contractions: "don't" -> "do" "not"; "can't" -> "can" "not"; "won't" -> "will" "not".
    let lower = word.to_lowercase();
    if let Some(base) = lower.strip_suffix("n't") {
        let base = match base {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            b => b,
        };
        push_plain(base, word, pieces);
        pieces.push(Piece::Word { folded: "not".into(), capitalized: false, all_caps: false });
        return;
    }
    let stem = match word.find('\'') {
        Some(pos) => &word[..pos], // possessive 's and other clitics carry no content
        None => word,
    };
    push_plain(stem, word, pieces);
}

fn push_plain(text: &str, original: &str, pieces: &mut Vec<Piece>) {
    if text.is_empty() {
        return;
    }
    let capitalized = original.chars().next().is_some_and(char::is_uppercase);
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    pieces.push(Piece::Word { folded: fold_word(text), capitalized, all_caps });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|p| match p {
                Piece::Word { folded, .. } => folded,
                Piece::Number(n) => format!("#{n}"),
                Piece::Boundary { sentence_end: true } => ".".into(),
                Piece::Boundary { sentence_end: false } => ",".into(),
            })
            .collect()
    }

    #[test]
    fn tokenizes_table() {
        let cases: &[(&str, &[&str])] = &[
            ("The police don't torture.", &["the", "police", "do", "not", "torture", "."]),
            ("ill-treatment in pre-trial", &["illtreatment", "in", "pretrial"]),
            ("election-monitoring, three-week", &["election", "monitoring", ",", "three", "week"]),
            ("The 61-page report", &["the", "#61", "page", "report"]),
            ("close to 1,000 people", &["close", "to", "#1000", "people"]),
            ("the U.S. government", &["the", "u.s.", "government"]),
            ("Azerbaijan's flag", &["azerbaijan", "flag"]),
            // Subscripts flattened by copying join their formula; other numbers do not.
            ("CO 2 and CH 4 rose", &["co2", "and", "ch4", "rose"]),
            ("Article 3 and the UK 2 years", &["article", "#3", "and", "the", "uk", "#2", "years"]),
            ("today.The report", &["today", ".", "the", "report"]),
            ("Strässer, 2015", &["strasser", ",", "#2015"]),
            ("up to 12 years", &["up", "to", "#12", "years"]),
            ("1.5 million", &["#1.5", "million"]),
            ("عربي 🙂 text", &["عربي", "text"]),
        ];
        for (input, expected) in cases {
            assert_eq!(words(input), *expected, "tokenize({input:?})");
        }
    }

    #[test]
    fn marks_capitals() {
        let pieces = tokenize("UN report by Human");
        assert!(matches!(&pieces[0], Piece::Word { all_caps: true, .. }));
        assert!(matches!(&pieces[1], Piece::Word { capitalized: false, .. }));
        assert!(matches!(&pieces[3], Piece::Word { capitalized: true, all_caps: false, .. }));
    }
}
