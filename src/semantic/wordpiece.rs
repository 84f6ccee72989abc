//! BERT's uncased tokenisation, as all-MiniLM-L6-v2 reads text: lower-case, strip accents,
//! split on whitespace and punctuation, then cut each word into the longest word pieces
//! the table knows ("bribery" → "brib", "##ery"). Over a pruned table a word may not be
//! coverable; it is skipped, as BERT would read it as `[UNK]`.

use crate::analysis::normalize::fold_word;

/// BERT never splits a longer word; it reads it as `[UNK]`.
const MAX_WORD_CHARS: usize = 100;

/// Words of `text` as BERT's basic tokenizer splits them: folded, one punctuation
/// character per word.
pub fn basic_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for chunk in text.split_whitespace() {
        let folded = fold_word(chunk);
        let mut current = String::new();
        for c in folded.chars() {
            if is_punctuation(c) || is_cjk(c) {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                words.push(c.to_string());
            } else if !c.is_control() {
                current.push(c);
            }
        }
        if !current.is_empty() {
            words.push(current);
        }
    }
    words
}

/// Cuts `word` into the longest pieces `known` accepts, greedily from the left
/// (continuations carry "##"). `None` when some part cannot be covered.
pub fn pieces<T>(word: &str, known: &dyn Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    if word.chars().count() > MAX_WORD_CHARS {
        return None;
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut candidate = String::with_capacity(word.len() + 2);
    while start < word.len() {
        let mut end = word.len();
        let mut hit = None;
        while end > start {
            candidate.clear();
            if start > 0 {
                candidate.push_str("##");
            }
            candidate.push_str(&word[start..end]);
            if let Some(id) = known(&candidate) {
                hit = Some(id);
                break;
            }
            end = word[..end].char_indices().next_back().map_or(start, |(i, _)| i);
        }
        out.push(hit?);
        start = end;
    }
    Some(out)
}

/// BERT's punctuation, and (a simplification) any other symbol: split off as its own word.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_punctuation_and_folds() {
        assert_eq!(basic_words("Strässer's report, 2015!"), ["strasser", "'", "s", "report", ",", "2015", "!"]);
    }

    #[test]
    fn longest_pieces_first() {
        let vocab = ["brib", "##ery", "##e", "b", "##r", "##i"];
        let known = |p: &str| vocab.iter().position(|v| *v == p);
        assert_eq!(pieces("bribery", &known), Some(vec![0, 1]));
        assert_eq!(pieces("bribe", &known), Some(vec![0, 2]));
        assert_eq!(pieces("bx", &known), None);
    }
}
