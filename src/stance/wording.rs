//! How reasons read: words quoted as a reader would see them, lists in prose, amounts and
//! dates as a person writes them ("10 million dollars", "about 1,000 people", "14 August").
//! Formatting only; no rule decides anything here.

/// A word or phrase in curly quotes: “torture”.
pub fn quoted(text: &str) -> String {
    format!("\u{201C}{text}\u{201D}")
}

/// Quoted words in prose: “a”, “b” and “c”; after five, "and N more".
pub fn quoted_list(words: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut parts: Vec<String> = words.iter().take(SHOWN).map(|w| quoted(w)).collect();
    if words.len() > SHOWN {
        parts.push(format!("{} more", words.len() - SHOWN));
    }
    match parts.len() {
        0 => String::new(),
        1 => parts.remove(0),
        n => format!("{} and {}", parts[..n - 1].join(", "), parts[n - 1]),
    }
}

/// An amount's label with its numbers as a person writes them: "10000000 dollars" →
/// "10 million dollars", "about 1000 people" → "about 1,000 people".
pub fn amount(label: &str) -> String {
    label.split(' ').map(number).collect::<Vec<_>>().join(" ")
}

/// One word: a whole number of 1,000 or more gets commas, or "million"/"billion" when
/// round enough; anything else is left as written.
fn number(word: &str) -> String {
    if word.is_empty() || word.len() > 15 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return word.to_string();
    }
    let Ok(value) = word.parse::<u64>() else { return word.to_string() };
    for (size, name) in [(1_000_000_000u64, "billion"), (1_000_000, "million")] {
        // Whole or one decimal: "2.5 million".
        if value >= size && (value * 10) % size == 0 {
            let tenths = value * 10 / size;
            let shown = if tenths % 10 == 0 { (tenths / 10).to_string() } else { format!("{}.{}", tenths / 10, tenths % 10) };
            return format!("{shown} {name}");
        }
    }
    if value < 1000 {
        return word.to_string();
    }
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A day of a month as written in British and international English: "14 August".
pub fn day_of_month(month: &str, day: u8) -> String {
    format!("{day} {month}")
}

/// A speaker's name inside a sentence: "The ministry" → "the ministry"; names stay.
pub fn in_sentence(name: &str) -> String {
    match name.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_written() {
        assert_eq!(amount("10000000 dollars"), "10 million dollars");
        assert_eq!(amount("about 1000 people"), "about 1,000 people");
        assert_eq!(amount("2500000 manat"), "2.5 million manat");
        assert_eq!(amount("more than 254 political prisoners"), "more than 254 political prisoners");
        assert_eq!(amount("12345 votes"), "12,345 votes");
        assert_eq!(amount("3000000000 dollars"), "3 billion dollars");
        assert_eq!(amount("1.5 percent"), "1.5 percent");
    }

    #[test]
    fn lists_read_as_prose() {
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(quoted_list(&words(&["police"])), "\u{201C}police\u{201D}");
        assert_eq!(quoted_list(&words(&["a", "b", "c"])), "\u{201C}a\u{201D}, \u{201C}b\u{201D} and \u{201C}c\u{201D}");
        assert!(quoted_list(&words(&["a", "b", "c", "d", "e", "f", "g"])).ends_with("and 2 more"));
        assert_eq!(day_of_month("August", 14), "14 August");
        assert_eq!(in_sentence("The ministry"), "the ministry");
    }
}
