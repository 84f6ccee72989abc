//! Unicode normalization: NFKC, then folding of quote marks, dashes and diacritics so
//! that "Strässer", "Strasser", ’ and ' compare equal.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Claims longer than this many bytes are cut (at a char boundary) before analysis.
pub const MAX_CLAIM_BYTES: usize = 2_000;

/// NFKC with typographic quotes and dashes folded to ASCII and control characters made
/// spaces. Case is kept: capitalisation marks names.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        out.push(match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2212}' => '-',
            // Dashes between words separate clauses ("torture—through beatings").
            '\u{2012}'..='\u{2015}' => {
                out.push_str(" - ");
                continue;
            }
            c if c.is_control() || c == '\u{200B}' || c == '\u{FEFF}' => ' ',
            c => c,
        });
    }
    out
}

/// Lower-cases a word and strips diacritics ("Strässer" -> "strasser").
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            'ə' | 'Ə' => out.push('a'), // Azerbaijani schwa is usually romanised "a"
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Folds whitespace runs to one space and curly quotes to straight ones: the comparison
/// used to find a quote inside its source text.
pub fn fold_for_quote_match(text: &str) -> String {
    let normalized = normalize(text);
    let mut out = String::with_capacity(normalized.len());
    let mut pending_space = false;
    for c in normalized.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Cuts `text` to at most `max` bytes at a char boundary. Returns the kept prefix and
/// whether anything was cut.
pub fn truncate_at_char_boundary(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_and_diacritics() {
        let cases = [
            ("Azerbaijan\u{2019}s", "Azerbaijan's"),
            ("\u{201C}ok\u{201D}", "\"ok\""),
            ("ill\u{2010}treatment", "ill-treatment"),
            ("torture\u{2014}through", "torture - through"),
            ("a\u{0007}b", "a b"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), expected, "normalize({input:?})");
        }
        assert_eq!(fold_word("Strässer"), "strasser");
        assert_eq!(fold_word("ÇAĞDAŞ"), "cagdas");
    }

    #[test]
    fn quote_match_folding_ignores_whitespace_runs() {
        assert_eq!(fold_for_quote_match("  a \n\t b\u{201D} "), "a b\"");
    }

    #[test]
    fn truncation_respects_char_boundaries() {
        let (kept, cut) = truncate_at_char_boundary("ééé", 3);
        assert_eq!((kept, cut), ("é", true));
        assert_eq!(truncate_at_char_boundary("abc", 10), ("abc", false));
    }
}
