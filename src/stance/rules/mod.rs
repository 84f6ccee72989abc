//! The stance rules and their precedence. Each rule is one file with one `decide`
//! function that reads a [`Match`] and either decides (a stance, its rule id and a reason
//! a reader can check) or passes. [`TABLE`] is the precedence: the first rule that
//! decides wins; when none does, the statement is only related.
//!
//! Rules that contradict come before rules that block support, and support comes last:
//! a statement supports a claim only when nothing before it found a conflict or a reason
//! to hold back. To add a rule: write `rules/NAME.rs` with `pub fn decide(m: &Match) ->
//! Option<Decision>`, add a [`RuleId`], and place it in [`TABLE`].

pub mod actors;
pub mod coverage;
pub mod dates;
pub mod evaluation;
pub mod frequency;
pub mod modality;
pub mod places;
pub mod polarity;
pub mod quantities;
pub mod roles;
pub mod support;
pub mod years;

use serde::{Deserialize, Serialize};

use super::matching::Match;
use crate::report::Stance;

/// Which rule decided a judgement: part of the result contract (`evidence[].rule`), so a
/// page can explain it in its own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// Too little of the claim is in the statement to take a side.
    Coverage,
    Quantities,
    Years,
    Dates,
    Places,
    Roles,
    /// The claim's doer is not the statement's.
    Actors,
    /// One side states as fact what the other only supposes, hopes or conditions.
    Modality,
    /// Negation and opposed words.
    Polarity,
    /// "rarely", "a thing of the past" against what the statement reports as ongoing.
    Frequency,
    /// A positive rating against a negative one.
    Evaluation,
    Support,
    /// Shares words, settles nothing (no rule decided).
    Related,
    /// Stance carried along a curated relation between statements.
    Relation,
}

impl RuleId {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::Coverage => "coverage",
            RuleId::Quantities => "quantities",
            RuleId::Years => "years",
            RuleId::Dates => "dates",
            RuleId::Places => "places",
            RuleId::Roles => "roles",
            RuleId::Actors => "actors",
            RuleId::Modality => "modality",
            RuleId::Polarity => "polarity",
            RuleId::Frequency => "frequency",
            RuleId::Evaluation => "evaluation",
            RuleId::Support => "support",
            RuleId::Related => "related",
            RuleId::Relation => "relation",
        }
    }
}

/// What a rule decided.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    pub stance: Stance,
    pub rule: RuleId,
    pub reason: String,
}

impl Decision {
    pub fn new(stance: Stance, rule: RuleId, reason: String) -> Decision {
        Decision { stance, rule, reason }
    }
}

pub type Rule = fn(&Match) -> Option<Decision>;

/// The precedence, first to last.
pub const TABLE: &[(RuleId, Rule)] = &[
    (RuleId::Coverage, coverage::decide),
    (RuleId::Quantities, quantities::decide),
    (RuleId::Years, years::decide),
    (RuleId::Dates, dates::decide),
    (RuleId::Places, places::decide),
    (RuleId::Roles, roles::decide),
    (RuleId::Actors, actors::decide),
    (RuleId::Modality, modality::decide),
    (RuleId::Polarity, polarity::decide),
    (RuleId::Frequency, frequency::decide),
    (RuleId::Evaluation, evaluation::decide),
    (RuleId::Support, support::decide),
];

/// Runs the table: the first rule that decides wins.
pub fn decide(m: &Match) -> Decision {
    TABLE.iter().find_map(|(_, rule)| rule(m)).unwrap_or_else(|| related(m))
}

/// The judgement when nothing decided: the statement shares words, settles nothing.
pub fn related(m: &Match) -> Decision {
    Decision::new(Stance::Related, RuleId::Related, format!("Mentions {} from the claim, but does not say whether it is so.", super::list(&m.matched_words)))
}

/// Two details compared: what the claim says, what the statement says.
pub enum Comparison {
    /// Nothing to compare.
    Silent,
    Agree(String, String),
    Conflict(String, String),
    /// The claim gives an amount the statement does not.
    Unmatched,
}

/// A conflict of details as a contradiction, when the statement is about the same thing.
pub fn conflict(rule: RuleId, comparison: &Comparison, applies: bool) -> Option<Decision> {
    match comparison {
        Comparison::Conflict(c, s) if applies => {
            let (c, s) = if rule == RuleId::Quantities { (super::wording::amount(c), super::wording::amount(s)) } else { (c.clone(), s.clone()) };
            Some(Decision::new(Stance::Contradicts, rule, format!("The claim says {c}; this statement says {s}.")))
        }
        _ => None,
    }
}
