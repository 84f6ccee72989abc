//! Reading misspelled claim words as the bundle's words: "politcal prisners" is read as
//! "political prisoners", and the result says so. Only words that neither the bundle nor
//! common English knows are read, each as the one bundle word nearest by Damerau–
//! Levenshtein distance (`strsim`): 1 edit for words of up to 6 letters, 2 for longer ones
//! (then with the same first letter). A tie between two words is no reading: a guess
//! between two meanings would put words in the reader's mouth. Forms of one word
//! ("torturd": "torture", "tortured") are one meaning, so they are not a tie.

use std::collections::{BTreeMap, HashSet};

use super::normalize::fold_word;

/// Shorter words have too many neighbours one edit away ("tot" ~ "to", "hot", "top").
const MIN_LETTERS: usize = 4;
/// Words this long may be two edits from what was meant ("torterd": "tortured").
const TWO_EDITS_FROM: usize = 7;

/// The distinct lower-case words of a bundle, by length.
pub struct Vocabulary {
    by_len: BTreeMap<usize, Vec<String>>,
}

pub use crate::report::Reading;

impl Vocabulary {
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut seen = HashSet::new();
        for text in texts {
            for word in words(text) {
                let folded = fold_word(word);
                if folded.chars().count() >= MIN_LETTERS - 1 && folded.chars().all(char::is_alphabetic) {
                    seen.insert(folded);
                }
            }
        }
        let mut by_len: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for word in seen {
            by_len.entry(word.chars().count()).or_default().push(word);
        }
        by_len.values_mut().for_each(|v| v.sort_unstable());
        Vocabulary { by_len }
    }

    pub fn contains(&self, folded: &str) -> bool {
        self.by_len.get(&folded.chars().count()).is_some_and(|v| v.binary_search_by(|w| w.as_str().cmp(folded)).is_ok())
    }

    /// The one vocabulary word nearest to `folded` within the allowed edits, if exactly
    /// one is nearest.
    pub fn nearest(&self, folded: &str) -> Option<&str> {
        let len = folded.chars().count();
        if len < MIN_LETTERS || !folded.chars().all(char::is_alphabetic) {
            return None;
        }
        let allowed = if len >= TWO_EDITS_FROM { 2 } else { 1 };
        let first = folded.chars().next();
        let mut nearest: Vec<&str> = Vec::new();
        let mut best = usize::MAX;
        for (_, words) in self.by_len.range(len.saturating_sub(allowed)..=len + allowed) {
            for word in words {
                let d = strsim::damerau_levenshtein(folded, word);
                if d == 0 || d > allowed || (d > 1 && word.chars().next() != first) || d > best {
                    continue;
                }
                if d < best {
                    best = d;
                    nearest.clear();
                }
                nearest.push(word);
            }
        }
        let lexicon = super::Lexicon::get();
        let stem = lexicon.stem(nearest.first()?);
        if nearest.iter().any(|w| lexicon.stem(w) != stem) {
            return None;
        }
        // One word's forms: the one ending as the writer's word does ("torturd": "tortured").
        nearest.into_iter().max_by_key(|w| (common_suffix(folded, w), std::cmp::Reverse(*w)))
    }
}

/// `text` with each misspelled word read as its nearest vocabulary word, and the
/// readings made. `known` tells words that are not misspellings although the vocabulary
/// lacks them (common English, WordNet's words).
pub fn read_misspellings(text: &str, vocabulary: &Vocabulary, known: &dyn Fn(&str) -> bool) -> (String, Vec<Reading>) {
    let mut out = String::with_capacity(text.len());
    let mut readings: Vec<Reading> = Vec::new();
    let mut last = 0;
    for (start, word) in word_spans(text) {
        // "weren't", "didn’t": the tokenizer reads "were" and "not". Read as a misspelling
        // of "were", the "'t" left behind would drop the negation.
        let after = &text[start + word.len()..];
        let contracted = ["'t", "\u{2019}t", "'T", "\u{2019}T"].iter().any(|t| after.strip_prefix(t).is_some_and(|rest| !rest.starts_with(char::is_alphabetic)));
        if contracted {
            continue;
        }
        let folded = fold_word(word);
        if vocabulary.contains(&folded) || known(&folded) {
            continue;
        }
        let Some(read_as) = vocabulary.nearest(&folded) else { continue };
        out.push_str(&text[last..start]);
        // Keep the writer's capital: "Politcal" reads as "Political".
        let read_as = if word.chars().next().is_some_and(char::is_uppercase) {
            let mut chars = read_as.chars();
            chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect()
        } else {
            read_as.to_string()
        };
        out.push_str(&read_as);
        last = start + word.len();
        if !readings.iter().any(|r| fold_word(&r.written) == folded) {
            readings.push(Reading { written: word.to_string(), read_as });
        }
    }
    out.push_str(&text[last..]);
    (out, readings)
}

/// How many letters `a` and `b` end alike.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// `words`, each with its byte offset in `text`.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Runs of letters (with inner apostrophes and hyphens split off) in `text`.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    word_spans(text).map(|(_, word)| word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_near_words_only_when_one_is_nearest() {
        let v = Vocabulary::new(["Political prisoners were held; torture continued. The court and the count."]);
        assert_eq!(v.nearest("politcal"), Some("political"));
        assert_eq!(v.nearest("prisners"), Some("prisoners"));
        assert_eq!(v.nearest("tortre"), Some("torture"));
        assert_eq!(v.nearest("cout"), None, "two words one edit away: court, count");
        let forms = Vocabulary::new(["He was tortured; torture continued."]);
        assert_eq!(forms.nearest("torturd"), Some("tortured"), "two forms of one word are no tie");
        assert_eq!(forms.nearest("torterd"), Some("tortured"), "seven letters may be two edits away");
        assert_eq!(forms.nearest("trotured"), Some("tortured"), "a transposition is one edit");
        assert_eq!(v.nearest("weather"), None);
        assert_eq!(v.nearest("political"), None, "already a word");
        assert!(v.contains("court"));
    }

    #[test]
    fn never_reads_a_contraction_away() {
        let v = Vocabulary::new(["The photos were taken; they did it; it was so; they are here."]);
        for claim in ["The photos weren't taken.", "They didn’t do it.", "It WASN'T so.", "They aren't here."] {
            assert_eq!(read_misspellings(claim, &v, &|_| false), (claim.to_string(), Vec::new()), "{claim}");
        }
    }

    #[test]
    fn rewrites_only_unknown_words_and_says_so() {
        let v = Vocabulary::new(["Political prisoners were held."]);
        let (text, readings) = read_misspellings("Politcal prisners? Yes, politcal.", &v, &|w| w == "yes");
        assert_eq!(text, "Political prisoners? Yes, political.");
        assert_eq!(readings, [Reading { written: "Politcal".into(), read_as: "Political".into() }, Reading { written: "prisners".into(), read_as: "prisoners".into() }]);
    }
}
