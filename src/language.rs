//! Which language a claim is written in, so that a claim claimcheck cannot read gets a
//! clear answer ("claimcheck reads English; this looks like Russian") instead of a silent
//! "no evidence". Detection by `whatlang` (trigram profiles of 69 languages); a claim is
//! called foreign only when whatlang is sure and few of its words are common English, so
//! a short English claim full of Azerbaijani names is still read.

use crate::analysis::spelling::words;
use crate::analysis::Lexicon;
pub use crate::report::Language;

/// Below this many letters a guess is noise.
const MIN_LETTERS: usize = 12;
/// Latin-script text with at least this share of common English words is English.
const ENGLISH_WORD_SHARE: f32 = 0.35;

/// The claim's language when it is confidently not English.
pub fn foreign_language(text: &str) -> Option<Language> {
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(text)?;
    if info.lang() == whatlang::Lang::Eng || !info.is_reliable() {
        return None;
    }
    if info.script() == whatlang::Script::Latin && english_word_share(text) >= ENGLISH_WORD_SHARE {
        return None;
    }
    Some(Language { code: info.lang().code().to_string(), name: info.lang().eng_name().to_string() })
}

fn english_word_share(text: &str) -> f32 {
    let lexicon = Lexicon::get();
    let (mut english, mut all) = (0usize, 0usize);
    for word in words(text) {
        all += 1;
        let folded = crate::analysis::normalize::fold_word(word);
        if lexicon.is_stop(&folded) || !lexicon.is_rare_word(&lexicon.stem(&folded)) {
            english += 1;
        }
    }
    if all == 0 {
        0.0
    } else {
        english as f32 / all as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_foreign_claims_and_reads_english_ones() {
        assert_eq!(foreign_language("В Азербайджане нет политических заключённых.").map(|l| l.name), Some("Russian".to_string()));
        assert_eq!(foreign_language("Azərbaycanda siyasi məhbus yoxdur, hamısı cinayətkardır.").map(|l| l.code), Some("aze".to_string()));
        assert_eq!(foreign_language("Ilgar Mammadov was released by the Azerbaijani court in Baku."), None);
        assert_eq!(foreign_language("The police do not torture anyone."), None);
        assert_eq!(foreign_language("Nope."), None);
    }
}
