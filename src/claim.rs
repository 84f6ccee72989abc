//! Claim framing: "X denies that P", "X said P", "According to X, P". The claim to judge
//! is P (negated for a denial); X is reported in the result's notes and its words are
//! used to find X's own statements, but X need not be matched for P to be judged.

use crate::analysis::lexicon::{ATTRIBUTION_VERBS, COPULAS, DEMAND_CUES, DEMAND_CUES_WITH_TO, DENIAL_VERBS, HYPOTHETICAL_CUES};
use crate::analysis::resources;
use crate::analysis::{Analysis, TokenKind};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    /// Token indices of the speaker ("Azerbaijan's Interior Ministry").
    pub speaker_tokens: Vec<usize>,
    /// The speaker as written, when one was recognised.
    pub speaker: Option<String>,
    /// "X denies / rejects / refutes P".
    pub denial: bool,
    /// Token index of the framing verb ("denies", "said"): the frame, not content.
    pub verb: Option<usize>,
    /// The words that call the whole claim false, as typed ("It is a lie that", "fake
    /// news", "Absolutely not"): the claim judged is that what it says is not so.
    pub falsity: Option<String>,
}

/// Words before which "denied"/"said" is passive or part of a noun phrase, not a frame.
const NOT_FRAMING_BEFORE: &[&str] = &["is", "was", "were", "are", "be", "been", "being", "get", "got", "the", "a", "an", "his", "her", "their", "its"];
/// Words that are verbs or nouns ("the report on ..."): they frame a claim only when
/// "that" follows ("HRW reports that ...").
const NOUN_OR_VERB: &[&str] = &["report", "reports", "claim", "claims", "note", "notes", "state", "states", "add", "adds", "finds", "dispute", "disputes", "contest", "contests"];
/// How far after a verb of judging its "as" may stand ("described the country's rights
/// record as").
const AS_REACH: usize = 8;
/// How far into a claim the framing verb may stand.
const MAX_SPEAKER_WORDS: usize = 10;

/// Finds the frame of a claim and, for a denial, widens the denial's negation over the
/// whole denied content. `text` is the claim as typed, used to quote the speaker.
pub fn frame(analysis: &mut Analysis, text: &str) -> Frame {
    if let Some(falsity) = falsity_marker(analysis) {
        return Frame { falsity: Some(falsity), ..Frame::default() };
    }
    let tokens = &analysis.tokens;
    let word = |i: usize| tokens.get(i).map_or("", |t| t.word.as_str());

    // "According to X, P"
    if word(0) == "according" && word(1) == "to" {
        let end = tokens.iter().position(|t| t.kind == TokenKind::Boundary).unwrap_or(tokens.len());
        if end + 1 < tokens.len() {
            let speaker_tokens = content_in(analysis, 2, end);
            let speaker = text
                .split(',')
                .next()
                .map(|s| s.trim_start_matches(|c: char| !c.is_alphanumeric()).trim().trim_start_matches("According to").trim_start_matches("according to").trim().to_string());
            return Frame { speaker_tokens, speaker, denial: false, verb: None, falsity: None };
        }
    }

    // "P, HRW says." / "P, according to the State Department."
    if let Some(frame) = trailing_attribution(analysis, text) {
        return frame;
    }

    // A verb of saying or judging WordNet knows ("warned that P", "described Y as Z"),
    // in a verb's form, with its complement: "that", or "as" within its clause.
    let saying = |k: usize| -> bool {
        let w = word(k);
        let verbal = w.ends_with("ed") || w.ends_with('s') || matches!(word(k - 1), "has" | "have" | "had");
        let as_follows = || tokens[k + 1..].iter().take_while(|t| t.kind != TokenKind::Boundary).take(AS_REACH).any(|t| t.word == "as");
        let frames = resources::saying_verb(w) && (word(k + 1) == "that" || as_follows());
        // Demands, hopes and plans are judged by the modality rule, not framed away.
        verbal && frames && !DEMAND_CUES.contains(&w) && !DEMAND_CUES_WITH_TO.contains(&w) && !HYPOTHETICAL_CUES.contains(&w)
    };
    let verb = (1..tokens.len().min(MAX_SPEAKER_WORDS + 1)).find(|&k| {
        let w = word(k);
        (ATTRIBUTION_VERBS.contains(&w) || DENIAL_VERBS.contains(&w) || saying(k))
            && !NOT_FRAMING_BEFORE.contains(&word(k - 1))
            && (!NOUN_OR_VERB.contains(&w) || word(k + 1) == "that")
            && !tokens[..k].iter().any(|t| t.kind == TokenKind::Boundary || matches!(t.word.as_str(), "where" | "which" | "who" | "that" | "when" | "whom"))
            && tokens[..k].iter().any(|t| t.kind == TokenKind::Content)
            && tokens[k + 1..].iter().any(|t| t.kind == TokenKind::Content)
    });
    let Some(k) = verb else { return Frame::default() };
    let mut denial = DENIAL_VERBS.contains(&word(k));
    // "dismissed the mandate as unfair" reports an act, not a denial of what others say
    // ("rejected the claims as baseless" is one).
    if denial {
        let lexicon = crate::analysis::Lexicon::get();
        let said_things = [lexicon.term_of("allegation"), lexicon.term_of("criticism"), lexicon.term_of("report")];
        if let Some(as_at) = (k + 1..(k + 7).min(tokens.len())).find(|&j| word(j) == "as") {
            let object_is_said = tokens[k + 1..as_at].iter().any(|t| said_things.contains(&t.term));
            if !object_is_said {
                denial = false;
            }
        }
    }
    if !denial && DENIAL_VERBS.contains(&word(k)) {
        // Not a frame at all: the claim is judged as written.
        return Frame::default();
    }
    let speaker_tokens = content_in(analysis, 0, k);
    if denial {
        // The denial negates everything it denies, to the end of the claim.
        let content: Vec<usize> = (k + 1..analysis.tokens.len()).filter(|&i| analysis.tokens[i].kind == TokenKind::Content).collect();
        match analysis.negators.iter_mut().find(|n| n.cue == k) {
            Some(negator) => negator.scope = content,
            None => analysis.negators.push(crate::analysis::Negator { kind: crate::analysis::NegatorKind::Forward, cue: k, scope: content }),
        }
        // A falsity word inside a denial ("rejects the claims as baseless") is the same negation.
        analysis.negators.retain(|n| n.kind != crate::analysis::NegatorKind::Backward || n.cue < k);
    }
    Frame { speaker_tokens, speaker: speaker_text(text, &analysis.tokens[k].word), denial, verb: Some(k), falsity: None }
}

/// Closed-class words after which a word is a noun: "the state", "of state".
const NOT_BEFORE_A_VERB: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "its", "their", "of", "in", "on", "for", "to", "by", "with", "from", "at"];

/// An attribution after the content: ", X says" or ", according to X" closing the claim.
fn trailing_attribution(analysis: &Analysis, text: &str) -> Option<Frame> {
    let tokens = &analysis.tokens;
    // The last clause, without the closing full stop.
    let mut end = tokens.len();
    while end > 0 && tokens[end - 1].kind == TokenKind::Boundary {
        end -= 1;
    }
    let start = (0..end).rev().find(|&i| tokens[i].kind == TokenKind::Boundary)? + 1;
    if start < 3 || end <= start || end - start > MAX_SPEAKER_WORDS {
        return None;
    }
    let words: Vec<&str> = tokens[start..end].iter().map(|t| t.word.as_str()).collect();
    // "... by enemies of the state": after a determiner or preposition the word is a
    // noun, and a speaker is a name, never a clause with a verb of its own.
    let noun_before = words.len() >= 2 && NOT_BEFORE_A_VERB.contains(&words[words.len() - 2]);
    if noun_before || words.iter().any(|w| COPULAS.contains(w)) {
        return None;
    }
    let speaker_range = if words.len() > 2 && words[0] == "according" && words[1] == "to" {
        start + 2..end
    } else if words.len() >= 2 && ATTRIBUTION_VERBS.contains(words.last()?) && !DENIAL_VERBS.contains(words.last()?) {
        start..end - 1
    } else if words.len() >= 2 && ATTRIBUTION_VERBS.contains(&words[0]) && words[0] != "according" {
        // ", said Rachel Denber"
        start + 1..end
    } else {
        return None;
    };
    let speaker_tokens = content_in(analysis, speaker_range.start, speaker_range.end);
    if speaker_tokens.is_empty() {
        return None;
    }
    let tail = text.rsplit(',').next().unwrap_or_default().trim().trim_end_matches(['.', '!', '?']);
    let speaker = tail.strip_prefix("according to").or_else(|| tail.strip_prefix("According to")).unwrap_or(tail).trim().to_string();
    Some(Frame { speaker_tokens, speaker: Some(speaker), denial: false, verb: None, falsity: None })
}

/// Words that call something false, standing outside the clause they judge: "It is a
/// lie that P", "P: FALSE", "P (fake news)", "P? Absolutely not.", "The claim that P is a
/// myth". Closed-class words of assertion and falsity.
const FALSITY_WORDS: &[&str] = &[
    "false",
    "fake",
    "lie",
    "lies",
    "myth",
    "myths",
    "untrue",
    "nonsense",
    "wrong",
    "hoax",
    "fabricated",
    "fabrication",
    "propaganda",
    "baseless",
    "groundless",
    "unfounded",
    "incorrect",
    "fiction",
    "debunked",
    "disinformation",
    "misinformation",
];
/// Words that may stand beside a falsity word in such a marker ("a total lie", "this is
/// not true", "absolutely not").
const MARKER_FILLERS: &[&str] = &[
    "it",
    "it's",
    "its",
    "is",
    "was",
    "this",
    "that",
    "that's",
    "a",
    "an",
    "the",
    "total",
    "complete",
    "completely",
    "totally",
    "utter",
    "utterly",
    "pure",
    "simply",
    "just",
    "absolutely",
    "definitely",
    "certainly",
    "news",
    "rumor",
    "rumour",
    "story",
    "s",
    "claim",
];
/// Nouns for what is said, in "the claim that P is false".
const SAID_NOUNS: &[&str] = &["claim", "claims", "idea", "notion", "allegation", "allegations", "story", "report", "reports", "rumor", "rumour", "assertion", "suggestion"];

/// Whether a sentence only calls something false ("This is a lie.", "Not true!").
pub fn only_calls_false(sentence: &str) -> bool {
    let a = crate::analysis::analyze(&sentence.to_lowercase());
    let words: Vec<&str> = a.tokens.iter().filter(|t| t.kind != TokenKind::Boundary).map(|t| t.word.as_str()).collect();
    let marker = |w: &str| FALSITY_WORDS.contains(&w) || MARKER_FILLERS.contains(&w) || matches!(w, "not" | "true" | "no" | "so" | "correct" | "case");
    !words.is_empty() && words.iter().all(|w| marker(w)) && words.iter().any(|w| FALSITY_WORDS.contains(w) || matches!(*w, "not" | "no"))
}

/// Finds words that call the whole claim false, outside its clause. When found, they
/// become function words, one negation covers the rest of the claim, and the marker is
/// returned as typed.
fn falsity_marker(analysis: &mut Analysis) -> Option<String> {
    let tokens = &analysis.tokens;
    let n = tokens.len();
    let word = |i: usize| tokens.get(i).map_or("", |t| t.word.as_str());
    let falsity = |i: usize| {
        FALSITY_WORDS.contains(&word(i))
            || (matches!(word(i), "not" | "no") && (matches!(word(i + 1), "true" | "so" | "correct" | "the") || tokens.get(i + 1).is_none_or(|t| t.kind == TokenKind::Boundary)))
    };
    let marker_word = |i: usize| falsity(i) || MARKER_FILLERS.contains(&word(i)) || matches!(word(i), "not" | "true" | "no" | "so" | "correct" | "case");
    // Prefix: "It is (not true | false | a lie) that P", "It's a myth that P".
    let prefix_end = (0..n.min(8)).find(|&i| word(i) == "that" && i > 0 && (0..i).all(&marker_word) && (0..i).any(&falsity));
    // "The claim that P is false" / "The idea that P is a myth".
    let said_prefix = (word(0) == "the" && SAID_NOUNS.contains(&word(1)) && word(2) == "that").then_some(2);
    // Suffix: the last clause (after ":", "(", "?", "—" or a full stop) holds only marker
    // words, one of them a falsity word: "P: FALSE", "P (fake news)", "P? Absolutely not."
    let mut end = n;
    while end > 0 && tokens[end - 1].kind == TokenKind::Boundary {
        end -= 1;
    }
    let clause_start = (0..end).rev().find(|&i| tokens[i].kind == TokenKind::Boundary).map_or(0, |b| b + 1);
    let suffix = (clause_start > 0 && (clause_start..end).all(&marker_word) && (clause_start..end).any(&falsity)).then_some(clause_start);
    // "... P is a lie": the falsity at the very end, after "is/are/was/were (a) ...".
    let copula_suffix = said_prefix.and_then(|_| {
        let last = end.checked_sub(1)?;
        let start = (last.saturating_sub(4)..=last).find(|&j| matches!(word(j), "is" | "are" | "was" | "were"))?;
        ((start + 1..end).all(&marker_word) && (start + 1..end).any(&falsity)).then_some(start)
    });
    let (judged, marker): (std::ops::Range<usize>, Vec<usize>) = match (prefix_end, said_prefix, suffix, copula_suffix) {
        (Some(p), _, _, _) => (p + 1..n, (0..=p).collect()),
        (_, Some(p), _, Some(c)) => (p + 1..c, (0..=p).chain(c..end).collect()),
        (_, _, Some(c), _) => (0..c, (c..end).collect()),
        _ => return None,
    };
    let typed: Vec<String> = marker.iter().filter(|&&i| tokens[i].kind != TokenKind::Boundary).map(|&i| tokens[i].word.clone()).collect();
    let scope: Vec<usize> = judged.clone().filter(|&i| tokens[i].kind == TokenKind::Content).collect();
    if scope.is_empty() {
        return None;
    }
    for &i in &marker {
        let t = &mut analysis.tokens[i];
        if t.kind == TokenKind::Content {
            t.kind = TokenKind::Function;
            t.term.clear();
        }
    }
    analysis.negators.retain(|neg| !marker.contains(&neg.cue));
    let cue = marker[0];
    analysis.negators.push(crate::analysis::Negator { kind: crate::analysis::NegatorKind::Forward, cue, scope });
    Some(typed.join(" "))
}

fn content_in(analysis: &Analysis, start: usize, end: usize) -> Vec<usize> {
    (start..end.min(analysis.tokens.len())).filter(|&i| analysis.tokens[i].kind == TokenKind::Content).collect()
}

/// The text before the framing verb, as the user wrote it.
fn speaker_text(text: &str, verb: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(verb) {
        let at = from + pos;
        let before_ok = at == 0 || !lower[..at].chars().next_back().is_some_and(char::is_alphanumeric);
        let after = at + verb.len();
        let after_ok = !lower[after..].chars().next().is_some_and(char::is_alphanumeric);
        if before_ok && after_ok && text.is_char_boundary(at) {
            let speaker = text[..at].trim();
            return (!speaker.is_empty()).then(|| speaker.to_string());
        }
        from = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn check(text: &str) -> (Option<String>, bool, Vec<String>) {
        let mut a = analyze(text);
        let f = frame(&mut a, text);
        let negated = (0..a.tokens.len()).filter(|&i| a.is_negated(i)).map(|i| a.tokens[i].word.clone()).collect();
        (f.speaker, f.denial, negated)
    }

    #[test]
    fn frames_table() {
        let cases: &[(&str, Option<&str>, bool, &[&str])] = &[
            (
                "Azerbaijan's Interior Ministry denies that the torture photos were taken in the country.",
                Some("Azerbaijan's Interior Ministry"),
                true,
                &["torture", "photos", "country"],
            ),
            ("Officials say the torture allegations are lies spread by biased foreign groups.", Some("Officials"), false, &["torture", "allegations"]),
            ("Gasimov says he was tortured for fourteen days.", Some("Gasimov"), false, &[]),
            ("According to the State Department, those who tortured detainees went unpunished.", Some("the State Department"), false, &["unpunished"]),
            ("The rapporteur was denied access to Azerbaijan.", None, false, &["access", "azerbaijan"]),
            ("The ministry rejected the claims as baseless.", Some("The ministry"), true, &["claims", "baseless"]),
            ("Police tortured detainees.", None, false, &[]),
            ("Police summoned opposition supporters, HRW says.", Some("HRW says"), false, &[]),
            ("Torture continued in custody, according to the State Department.", Some("the State Department"), false, &[]),
            // Verbs of saying and judging from WordNet, before "that" or "… as".
            ("HRW described Azerbaijan's rights record as abysmal.", Some("HRW"), false, &[]),
            ("Gilchrist warned that the bill could derail Georgia.", Some("Gilchrist"), false, &[]),
            // A noun before a relative "that" is no frame; nor is a demand.
            ("The photos of detainees hanging from iron bars that spread on social media were taken in Azerbaijan.", None, false, &[]),
            ("The committee urged Azerbaijan to release the defenders.", None, false, &["release"]),
            // "the state" closing a clause is a noun, not ", X states".
            ("There is no torture in Azerbaijani police stations — these stories are fabrications by enemies of the state.", None, false, &["torture", "azerbaijani", "police"]),
        ];
        for (text, speaker, denial, negated) in cases {
            let (s, d, n) = check(text);
            assert_eq!(s.as_deref(), *speaker, "speaker of {text:?}");
            assert_eq!(d, *denial, "denial of {text:?}");
            assert_eq!(n, *negated, "negated words of {text:?}");
        }
    }
}

#[cfg(test)]
mod falsity_tests {
    use super::*;
    use crate::analysis::analyze;

    /// The falsity marker found, and the content words it negates.
    fn marker(text: &str) -> (Option<String>, Vec<String>) {
        let mut a = analyze(text);
        let f = frame(&mut a, text);
        let negated = (0..a.tokens.len()).filter(|&i| a.is_negated(i)).map(|i| a.tokens[i].word.clone()).collect();
        (f.falsity, negated)
    }

    #[test]
    fn falsity_outside_the_clause_negates_the_claim() {
        let police_torture = vec!["police".to_string(), "torture".to_string(), "detainees".to_string()];
        for text in [
            "It is a lie that police torture detainees.",
            "It's a myth that police torture detainees",
            "It is not true that police torture detainees.",
            "Police torture detainees: FALSE",
            "Police torture detainees (fake news)",
            "Police torture detainees? Absolutely not.",
            "The claim that police torture detainees is a lie.",
        ] {
            let (found, negated) = marker(text);
            assert!(found.is_some(), "no marker in {text:?}");
            assert_eq!(negated, police_torture, "negated words of {text:?}");
        }
        // A negation inside the clause and one outside cancel out.
        assert!(!marker("It is false that police do not torture detainees.").1.contains(&"torture".to_string()));
        for plain in ["Police torture detainees.", "False confessions were extracted under torture.", "The ministry said the photos are fake."] {
            assert_eq!(marker(plain).0, None, "{plain:?}");
        }
    }
}
