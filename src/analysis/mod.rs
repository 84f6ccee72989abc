//! Text analysis shared by bundle build and claim check: the same code turns a quote
//! into index terms when a bundle is compiled and a claim into query terms when it is
//! checked, so the two cannot drift apart.
//!
//! Pipeline: [`normalize`] (NFKC, quote/dash/diacritic folding) → [`tokenize`] (words,
//! numbers, clause boundaries) → lexicon lookup (stop words, synonyms, stemming, names)
//! → [`cues`] (negation scopes, quantities, years). Analysis never fails.

pub mod cues;
pub mod lexicon;
pub mod normalize;
pub mod resources;
pub mod spelling;
pub mod tokenize;

use std::collections::HashMap;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

pub use cues::{Negator, NegatorKind, Quantity};
use tokenize::Piece;

/// Bumped whenever analysis changes in a way that changes index terms: compiled bundles
/// record it and are rejected when it differs (they must be rebuilt).
pub const ANALYZER_VERSION: u16 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A content word: indexed and matched.
    Content,
    /// A function word, quantifier or cue: used for scopes, never matched.
    Function,
    /// A number written in digits or words.
    Number,
    /// End of a clause (punctuation).
    Boundary,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    /// Folded surface word ("tortured"); empty for boundaries.
    pub word: String,
    /// Index key: a synonym group's head ("photo") or a stem ("tortur"); empty unless
    /// `kind` is `Content`.
    pub term: String,
    /// A name (capitalised mid-sentence, an acronym or a place): matched, but it carries
    /// no polarity — "Committee Against Torture" is not a negation of torture.
    pub entity: bool,
    /// The place this word names, if any (see `lexicon::PLACES`).
    pub place: Option<&'static str>,
    /// The numeric value of a `Number` token.
    pub value: Option<f64>,
    /// Written with a capital (anywhere, including a sentence's first word).
    pub capitalized: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    /// Indices of the boundary tokens that end a sentence (. ! ?).
    pub sentence_ends: Vec<usize>,
    pub negators: Vec<Negator>,
    pub quantities: Vec<Quantity>,
    pub years: Vec<u16>,
    /// Years that date what the text says ("detained *in 2012*"), as opposed to naming
    /// a thing ("the 2003 election").
    pub dated_years: Vec<u16>,
    /// Years that bound a time rather than date it ("since 1996", "until 2019").
    pub bound_years: Vec<u16>,
    /// Months named (1..=12), and (month, day) dates: "on December 9".
    pub months: Vec<u8>,
    pub days: Vec<(u8, u8)>,
    /// The text says "all", "every", "everyone", "no one", ...
    pub universal: bool,
}

impl Analysis {
    /// Index terms of content tokens, in order.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter().filter(|t| t.kind == TokenKind::Content).map(|t| t.term.as_str())
    }

    /// Places named anywhere in the text.
    pub fn places(&self) -> Vec<&'static str> {
        let mut places: Vec<&'static str> = self.tokens.iter().filter_map(|t| t.place).collect();
        places.sort_unstable();
        places.dedup();
        places
    }

    /// Whether token `index` lies inside an odd number of negation scopes.
    pub fn is_negated(&self, index: usize) -> bool {
        self.negators.iter().filter(|n| n.scope.contains(&index)).count() % 2 == 1
    }
}

/// Analyses any text. Never fails and never panics.
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, false)
}

fn analyze_with(text: &str, tokens_only: bool) -> Analysis {
    let normalized = normalize::normalize(text);
    let pieces = tokenize::tokenize(&normalized);
    let lexicon = Lexicon::get();
    let headline_case = is_headline_case(&pieces);

    let mut tokens = Vec::with_capacity(pieces.len());
    let mut sentence_ends = Vec::new();
    let mut sentence_start = true;
    // The two- and three-word lookup key, one buffer for the whole text.
    let mut key = String::new();
    let mut i = 0;
    while i < pieces.len() {
        match &pieces[i] {
            Piece::Boundary { sentence_end } => {
                if *sentence_end {
                    sentence_ends.push(tokens.len());
                }
                tokens.push(Token::boundary());
                sentence_start = *sentence_end;
            }
            Piece::Number(value) => {
                tokens.push(Token::number(*value));
                sentence_start = false;
            }
            Piece::Word { folded, capitalized, all_caps } => {
                // Three-word names ("human rights watch").
                if let (Some(Piece::Word { folded: second, .. }), Some(Piece::Word { folded: third, .. })) = (pieces.get(i + 1), pieces.get(i + 2)) {
                    key.clear();
                    key.extend([folded.as_str(), " ", second.as_str(), " ", third.as_str()]);
                    if let Some(alias) = lexicon.aliases.get(key.as_str()) {
                        let mut token = Token::name(&key, alias);
                        token.capitalized = *capitalized;
                        tokens.push(token);
                        i += 3;
                        sentence_start = false;
                        continue;
                    }
                }
                // "at the end of 2023": a date, not an ending.
                if matches!(folded.as_str(), "end" | "beginning" | "start" | "middle" | "turn")
                    && matches!(pieces.get(i + 1), Some(Piece::Word { folded: next, .. }) if next == "of")
                    && matches!(i.checked_sub(1).and_then(|p| pieces.get(p)), Some(Piece::Word { folded: prev, .. }) if prev == "the")
                {
                    tokens.push(Token::function(folded));
                    i += 1;
                    sentence_start = false;
                    continue;
                }
                // "the onus lies with ...": the verb, not a falsehood.
                if matches!(folded.as_str(), "lie" | "lies") {
                    if let Some(Piece::Word { folded: next, .. }) = pieces.get(i + 1) {
                        if matches!(next.as_str(), "with" | "in" | "at" | "on" | "behind" | "ahead" | "down" | "low" | "within") {
                            tokens.push(Token::function(folded));
                            i += 1;
                            sentence_start = false;
                            continue;
                        }
                    }
                }
                // Two-word places, names and phrases ("united states", "united
                // nations", "rounded up").
                if let Some(Piece::Word { folded: next, .. }) = pieces.get(i + 1) {
                    key.clear();
                    key.extend([folded.as_str(), " ", next.as_str()]);
                    let pair = key.as_str();
                    if let Some(&word) = lexicon.phrases.get(pair) {
                        tokens.push(lexicon.word_token(word, false, false));
                        i += 2;
                        sentence_start = false;
                        continue;
                    }
                    let token = match (lexicon.places.get(pair), lexicon.aliases.get(pair)) {
                        (Some(place), _) => Some(Token::place(pair, place)),
                        (None, Some(alias)) => Some(Token::name(pair, alias)),
                        (None, None) => None,
                    };
                    if let Some(mut token) = token {
                        token.capitalized = *capitalized;
                        tokens.push(token);
                        i += 2;
                        sentence_start = false;
                        continue;
                    }
                }
                if let Some(alias) = lexicon.aliases.get(folded.as_str()) {
                    let mut token = Token::name(folded, alias);
                    token.capitalized = *capitalized;
                    tokens.push(token);
                    i += 1;
                    sentence_start = false;
                    continue;
                }
                let named = !headline_case && ((*capitalized && !sentence_start) || *all_caps);
                let mut token = lexicon.word_token(folded, named, *all_caps);
                token.capitalized = *capitalized;
                tokens.push(token);
                sentence_start = false;
            }
        }
        i += 1;
    }
    let mut analysis = Analysis { tokens, sentence_ends, ..Analysis::default() };
    if !tokens_only {
        cues::mark(&mut analysis, lexicon);
    }
    analysis
}

/// `analyze`'s tokens alone, without negation scopes, amounts, years or dates (which
/// never change a token): what a BM25 index needs, at a fraction of the cost.
pub fn analyze_tokens(text: &str) -> Vec<Token> {
    analyze_with(text, true).tokens
}

/// Whether a folded word is a manner adverb ("effectively", "unconditionally"), as
/// opposed to a word that merely ends in -ly ("apply", "assembly", "family").
pub fn is_adverb(word: &str) -> bool {
    const NOT_ADVERBS: &[&str] = &[
        "apply", "supply", "reply", "comply", "multiply", "imply", "rely", "ally", "rally", "family", "italy", "july", "assembly", "anomaly", "monopoly", "belly", "bully",
        "jelly", "holy", "ugly", "fly", "lily",
    ];
    word.ends_with("ly") && word.chars().count() > 4 && !NOT_ADVERBS.contains(&word)
}

/// A text where (nearly) every word is capitalised ("Police Torture Detainees In Baku")
/// says nothing about names through its capitals.
fn is_headline_case(pieces: &[Piece]) -> bool {
    let (mut words, mut capitals) = (0, 0);
    for piece in pieces {
        if let Piece::Word { capitalized, folded, .. } = piece {
            if folded.chars().count() > 3 {
                words += 1;
                capitals += usize::from(*capitalized);
            }
        }
    }
    words >= 4 && capitals + 1 >= words
}

impl Token {
    fn boundary() -> Self {
        Token { kind: TokenKind::Boundary, word: String::new(), term: String::new(), entity: false, place: None, value: None, capitalized: false }
    }
    fn number(value: f64) -> Self {
        Token { kind: TokenKind::Number, word: format!("{value}"), term: String::new(), entity: false, place: None, value: Some(value), capitalized: false }
    }
    fn place(word: &str, place: &'static str) -> Self {
        Token { kind: TokenKind::Content, word: word.to_string(), term: place.to_string(), entity: true, place: Some(place), value: None, capitalized: false }
    }
    fn name(word: &str, term: &str) -> Self {
        Token { kind: TokenKind::Content, word: word.to_string(), term: term.to_string(), entity: true, place: None, value: None, capitalized: false }
    }
    fn function(word: &str) -> Self {
        Token { kind: TokenKind::Function, word: word.to_string(), term: String::new(), entity: false, place: None, value: None, capitalized: false }
    }
}

/// The stemmed word lists, built once.
pub struct Lexicon {
    stemmer: Stemmer,
    stop: HashMap<&'static str, ()>,
    /// stem -> (synonym group head, the group's words of that stem)
    synonyms: HashMap<String, (&'static str, Vec<&'static str>)>,
    /// term -> opposed terms
    antonyms: HashMap<String, Vec<String>>,
    /// folded word or two-word name -> place name
    places: HashMap<&'static str, &'static str>,
    /// folded word or two-word name -> acronym term
    aliases: HashMap<&'static str, &'static str>,
    /// Two-word phrases read as one word ("rounded up" as "arrested").
    phrases: HashMap<&'static str, &'static str>,
    numbers: HashMap<&'static str, f64>,
    /// term -> the band of English word frequency it falls in (`COMMON_BANDS`)
    common: HashMap<String, u8>,
}

/// Frequency bands of the common-English list: ranks below 1,000, 3,000, 6,000, and
/// the rest of the 15,000.
const COMMON_BANDS: [usize; 3] = [1_000, 3_000, 6_000];

/// The stems of the 15,000 most frequent English words (`tools/common_words.txt`, from
/// wordfreq), one line per band, most frequent band first, each stem in the first
/// band a word of it falls in, front-coded (see `resources::front_decode`: each stem as how many leading letters it shares with the one before, a digit, and the rest). Stems, not words: 15,000 words are 54 KB gzip in the
/// wasm, their stems a fraction, and the lexicon only ever looks terms up. Written by
/// `cargo run --example gen_common_stems`; a test fails when it is stale.
const COMMON_STEMS: &str = include_str!("common_stems.txt");

/// `common_stems.txt` from the word list (most frequent first, one per line).
#[doc(hidden)]
pub fn common_stems_file(words: &str) -> String {
    let lexicon = Lexicon::get();
    let mut seen = std::collections::HashSet::new();
    let mut bands = vec![Vec::new(); COMMON_BANDS.len() + 1];
    for (rank, word) in words.lines().enumerate() {
        let stem = lexicon.stem_of(word);
        if seen.insert(stem.clone()) {
            bands[COMMON_BANDS.iter().filter(|&&b| rank >= b).count()].push(stem);
        }
    }
    let mut out = String::new();
    for mut band in bands {
        band.sort_unstable();
        out.push_str(&resources::front_code(&band, ""));
        out.push('\n');
    }
    out
}

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut synonyms = HashMap::new();
        for group in lexicon::SYNONYMS {
            let head = group[0];
            for word in group.iter() {
                let (first_head, listed) = synonyms.entry(stemmer.stem(word).into_owned()).or_insert((head, Vec::new()));
                if *first_head == head {
                    listed.push(*word);
                }
            }
        }
        let mut lex = Lexicon {
            stemmer,
            stop: lexicon::STOP_WORDS.iter().map(|w| (*w, ())).collect(),
            synonyms,
            antonyms: HashMap::new(),
            places: HashMap::new(),
            aliases: lexicon::NAME_ALIASES.iter().copied().collect(),
            phrases: lexicon::PHRASES.iter().copied().collect(),
            numbers: lexicon::NUMBER_WORDS.iter().copied().collect(),
            common: HashMap::new(),
        };
        for (band, line) in COMMON_STEMS.lines().enumerate() {
            for stem in resources::front_decode(line, "") {
                lex.common.entry(lex.term_of_stem(stem)).or_insert(band as u8);
            }
        }
        for row in lexicon::PLACES {
            for name in row.iter() {
                lex.places.insert(name, row[0]);
            }
        }
        for (a, b) in lexicon::ANTONYMS {
            let (a, b) = (lex.term_of(a), lex.term_of(b));
            lex.antonyms.entry(a.clone()).or_default().push(b.clone());
            lex.antonyms.entry(b).or_default().push(a);
        }
        lex
    }

    /// The index term of a folded content word: synonym head, else stem, with
    /// transliteration variants folded.
    pub fn term_of(&self, word: &str) -> String {
        let stem = self.stem_of(word);
        // A group lists a word, not every word of its stem: "handful" is "small",
        // "handed" is not (WordNet puts them in different derivational families).
        match self.synonyms.get(&stem) {
            Some((_, listed)) if listed.iter().all(|l| resources::stem_false_friends(word, l) && !resources::inflected_alike(word, l)) => stem,
            _ => self.term_of_stem(stem),
        }
    }

    /// The Snowball stem of a folded word, with transliteration variants folded: the key
    /// of the lexical tables in [`resources`].
    pub fn stem(&self, word: &str) -> String {
        self.stem_of(word)
    }

    /// The stem of a folded word, with transliteration variants folded.
    fn stem_of(&self, word: &str) -> String {
        let mut folded = word.to_string();
        for (from, to) in lexicon::TRANSLITERATION_FOLDS {
            if folded.contains(from) {
                folded = folded.replace(from, to);
            }
        }
        self.stemmer.stem(&folded).into_owned()
    }

    fn term_of_stem(&self, stem: String) -> String {
        match self.synonyms.get(&stem) {
            Some((head, _)) => (*head).to_string(),
            None => stem,
        }
    }

    /// How much a claim term that the bundle never uses should weigh, as a share of the
    /// weight of a term seen once: a common English word ("kept", "quit") the bundle
    /// does not happen to use says little; a rare one ("Eurovision") says the claim is
    /// about something this bundle does not cover.
    pub fn unseen_term_factor(&self, term: &str) -> f32 {
        match self.common.get(term) {
            Some(0) => 0.3,
            Some(1) => 0.5,
            Some(2) => 0.7,
            Some(_) => 0.85,
            None => 1.0,
        }
    }

    /// A stem among the 1,000 most frequent English words (the first band): "work",
    /// "act", "place". WordNet puts such words high in its noun hierarchy.
    pub fn is_most_frequent(&self, stem: &str) -> bool {
        self.common.get(stem) == Some(&0)
    }

    /// Whether a synonym group lists this word (by its stem).
    pub fn in_synonym_group(&self, word: &str) -> bool {
        self.synonyms.contains_key(self.stemmer.stem(word).as_ref())
    }

    /// A word outside the common-English list: likely a name ("Nasimi", "Gasimov").
    pub fn is_rare_word(&self, term: &str) -> bool {
        term.chars().count() >= 3 && term.chars().all(char::is_alphabetic) && !self.common.contains_key(term)
    }

    /// Terms opposed to `term` (empty when none is known).
    pub fn antonyms_of(&self, term: &str) -> &[String] {
        self.antonyms.get(term).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains_key(word)
    }

    pub fn place_of(&self, word: &str) -> Option<&'static str> {
        self.places.get(word).copied()
    }

    pub fn number_word(&self, word: &str) -> Option<f64> {
        self.numbers.get(word).copied()
    }

    fn word_token(&self, folded: &str, named: bool, all_caps: bool) -> Token {
        // "US" in capitals is the country; "us" is a pronoun.
        let place = match folded {
            "us" if !all_caps => None,
            w => self.place_of(w),
        };
        if let Some(place) = place {
            return Token::place(folded, place);
        }
        if cues::is_denial_word(folded) {
            // Polarity-neutral content: the negation itself is the cue's job.
            return Token { kind: TokenKind::Content, word: folded.to_string(), term: cues::DENIAL_TERM.to_string(), entity: true, place: None, value: None, capitalized: false };
        }
        if let Some(value) = self.number_word(folded) {
            return Token { value: Some(value), ..Token::number(value) }.with_word(folded);
        }
        // Month names are dates, not topics: "in January 2004" must not demand "January".
        let ordinal = lexicon::ORDINAL_WORDS.iter().any(|(w, _)| *w == folded);
        if self.is_stop(folded) || cues::is_cue_word(folded) || folded.chars().count() < 2 || lexicon::MONTHS.contains(&folded) || ordinal {
            return Token::function(folded);
        }
        let base = cues::self_negation(folded, self).unwrap_or(folded);
        Token { kind: TokenKind::Content, word: folded.to_string(), term: self.term_of(base), entity: named, place: None, value: None, capitalized: false }
    }
}

impl Token {
    fn with_word(mut self, word: &str) -> Self {
        self.word = word.to_string();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content_terms(text: &str) -> Vec<String> {
        analyze(text).terms().map(str::to_string).collect()
    }

    #[test]
    fn terms_table() {
        let cases: &[(&str, &[&str])] = &[
            ("The torture photos", &["torture", "photo"]),
            ("photographs of torturers", &["photo", "torture"]),
            ("Ilham Aliev", &["ilham", "aliev"]),
            ("Ilham Aliyev", &["ilham", "aliev"]),
            ("Leyla Yunus was freed", &["leyla", "yunus", "release"]),
            ("prosecutes, prosecuted, prosecution", &["prosecute", "prosecute", "prosecute"]),
            ("in Paris", &["france"]),
            ("the U.S. and the US", &["united states", "united states"]),
            ("let us go", &["allow"]),
            ("It was not there.", &[]),
        ];
        for (input, expected) in cases {
            assert_eq!(content_terms(input), *expected, "terms of {input:?}");
        }
    }

    #[test]
    fn a_synonym_group_holds_its_words_not_their_stems_false_friends() {
        let lexicon = Lexicon::get();
        // "handful" is listed as "small"; "hands" and "handed" share its stem, not its meaning.
        assert_eq!(lexicon.term_of("handful"), "small");
        assert_eq!(lexicon.term_of("hands"), "hand");
        assert_eq!(lexicon.term_of("handed"), "hand");
        // "internal" is not "international" (listed with "foreign"), nor "prison" "prisoners".
        assert_ne!(lexicon.term_of("internal"), lexicon.term_of("international"));
        assert_ne!(lexicon.term_of("prison"), lexicon.term_of("prisoners"));
        // An inflected form WordNet also lists as a word keeps the group: "freed" / "free".
        assert_eq!(lexicon.term_of("freed"), "release");
        assert!(resources::inflected_alike("free", "freed") && resources::inflected_alike("hands", "hand") && !resources::inflected_alike("handful", "hand"));
    }

    #[test]
    fn common_stems_are_fresh() {
        let words = std::fs::read_to_string("tools/common_words.txt").expect("tools/common_words.txt");
        assert!(COMMON_STEMS == common_stems_file(&words), "src/analysis/common_stems.txt is stale: run `cargo run --example gen_common_stems > src/analysis/common_stems.txt`");
    }

    #[test]
    fn negations_are_not_stop_words() {
        let analysis = analyze("Police do not torture");
        assert!(analysis.tokens.iter().any(|t| t.word == "not"));
        assert!(analysis.is_negated(3), "torture is in the scope of not");
    }

    #[test]
    fn names_are_entities_mid_sentence_only() {
        let a = analyze("Police met Leyla Yunus.");
        assert!(!a.tokens[0].entity);
        assert!(a.tokens[2].entity && a.tokens[3].entity);
        let headline = analyze("Police Torture Detainees In Custody");
        assert!(headline.tokens.iter().all(|t| !t.entity));
    }
}
