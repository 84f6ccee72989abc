//! From stances to a verdict. Each publisher counts once per side (its strongest item),
//! so ten statements from one report are not ten sources. Government statements count
//! for less.
//!
//! What may make a claim *supported* is narrower than what may go against it: a statement
//! by the party the claim speaks for (its own speaker, or a government speaking for
//! itself) and a statement the bundle records as rebutted are that party's position, not
//! support. When they are all that backs a claim, it is not supported. Likewise a
//! statement rebutted on record never goes against a claim: what rebuts it is the record,
//! and the rebutted statement is its speaker's position.

use std::collections::HashMap;

use crate::bundle::Kind;
use crate::report::{Stance, Verdict};

/// The weaker side must reach this share of the stronger for the verdict to be disputed.
pub const DISPUTED_RATIO: f32 = 0.6;

#[derive(Clone, Copy)]
pub struct Vote<'a> {
    pub stance: Stance,
    pub strength: f32,
    pub publisher: &'a str,
    pub speaker_kind: Kind,
    pub rebutted: bool,
    /// By the party the claim speaks for: its speaker, or a government on itself.
    pub own_party: bool,
}

impl Vote<'_> {
    /// Whether this vote counts towards the verdict: a party's own backing and anything
    /// rebutted on record are positions, not evidence.
    fn counts(&self) -> bool {
        match self.stance {
            Stance::Supports => !self.own_party && !self.rebutted,
            Stance::Contradicts => !self.rebutted,
            Stance::Related => true,
        }
    }
}

pub struct Outcome {
    pub verdict: Verdict,
    pub confidence: f32,
    pub independent_sources: usize,
    /// Supporting votes set aside as a party's own position or as rebutted on record.
    pub positions_set_aside: usize,
    /// Contradicting votes set aside as rebutted on record.
    pub rebutted_set_aside: usize,
}

fn credibility(vote: &Vote) -> f32 {
    match vote.speaker_kind {
        Kind::Government => 0.7,
        Kind::Testimony | Kind::Other => 0.8,
        _ => 1.0,
    }
}

/// Sum over publishers of each publisher's strongest weighted vote for `stance`. A
/// publisher whose statements fall on both sides counts once, on the side where its
/// votes weigh more (the strongest in full, the others at a quarter): one publisher
/// cannot dispute itself, and a split like that is usually a stray match.
fn side<'a>(votes: &[Vote<'a>], stance: Stance) -> (f32, Vec<&'a str>) {
    // publisher -> [(max, sum)] for supports and contradicts
    let mut totals: HashMap<&str, [(f32, f32); 2]> = HashMap::new();
    for vote in votes {
        let w = vote.strength * credibility(vote);
        let entry = totals.entry(vote.publisher).or_default();
        let slot = match vote.stance {
            Stance::Supports => &mut entry[0],
            Stance::Contradicts => &mut entry[1],
            Stance::Related => continue,
        };
        slot.0 = slot.0.max(w);
        slot.1 += w;
    }
    let weight = |(max, sum): (f32, f32)| max + 0.25 * (sum - max);
    let mut best: HashMap<&str, f32> = HashMap::new();
    for vote in votes.iter().filter(|v| v.stance == stance) {
        let [support, contra] = totals[vote.publisher];
        let publisher_side = if weight(support) >= weight(contra) { Stance::Supports } else { Stance::Contradicts };
        if publisher_side != stance {
            continue;
        }
        let w = vote.strength * credibility(vote);
        let entry = best.entry(vote.publisher).or_default();
        *entry = entry.max(w);
    }
    let mut publishers: Vec<&str> = best.keys().copied().collect();
    publishers.sort_unstable();
    (best.values().sum(), publishers)
}

pub fn decide(votes: &[Vote], best_related: f32) -> Outcome {
    let set_aside = |stance: Stance| votes.iter().filter(|v| v.stance == stance && !v.counts()).count();
    let (positions_set_aside, rebutted_set_aside) = (set_aside(Stance::Supports), set_aside(Stance::Contradicts));
    let counted: Vec<Vote> = votes.iter().filter(|v| v.counts()).copied().collect();
    let votes = counted.as_slice();
    let (support, supporters) = side(votes, Stance::Supports);
    let (contra, contradictors) = side(votes, Stance::Contradicts);
    if support == 0.0 && contra == 0.0 {
        return Outcome {
            verdict: Verdict::NoEvidence,
            confidence: round2((1.0 - best_related).clamp(0.3, 0.95)),
            independent_sources: 0,
            positions_set_aside,
            rebutted_set_aside,
        };
    }
    let (strong, weak) = (support.max(contra), support.min(contra));
    // More independent publishers make a verdict surer: 1, 2, 3 publishers -> 0.6, 0.84, 0.94.
    let breadth = |n: usize| 1.0 - 0.4f32.powi(n as i32);
    if weak > 0.0 && weak >= DISPUTED_RATIO * strong {
        let mut all: Vec<&str> = supporters.iter().chain(&contradictors).copied().collect();
        all.sort_unstable();
        all.dedup();
        return Outcome { verdict: Verdict::Disputed, confidence: round2(0.5 + 0.4 * weak / strong), independent_sources: all.len(), positions_set_aside, rebutted_set_aside };
    }
    let (verdict, publishers) = if support > contra { (Verdict::Supported, supporters) } else { (Verdict::Contradicted, contradictors) };
    let best = votes.iter().filter(|v| v.stance == if verdict == Verdict::Supported { Stance::Supports } else { Stance::Contradicts }).map(|v| v.strength).fold(0.0, f32::max);
    let margin = (strong - weak) / strong;
    let confidence = (best.min(1.0) * margin * (0.6 + 0.4 * breadth(publishers.len()))).clamp(0.05, 0.99);
    Outcome { verdict, confidence: round2(confidence), independent_sources: publishers.len(), positions_set_aside, rebutted_set_aside }
}

pub fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(stance: Stance, strength: f32, publisher: &'static str, kind: Kind) -> Vote<'static> {
        Vote { stance, strength, publisher, speaker_kind: kind, rebutted: false, own_party: false }
    }

    #[test]
    fn nothing_decisive_is_no_evidence_never_false() {
        assert_eq!(decide(&[], 0.0).verdict, Verdict::NoEvidence);
        assert_eq!(decide(&[vote(Stance::Related, 0.9, "A", Kind::Ngo)], 0.9).verdict, Verdict::NoEvidence);
    }

    #[test]
    fn one_publisher_counts_once_on_its_stronger_side() {
        let votes = [
            vote(Stance::Supports, 0.9, "A", Kind::Ngo),
            vote(Stance::Supports, 0.9, "A", Kind::Ngo),
            vote(Stance::Contradicts, 0.7, "A", Kind::Ngo),
            vote(Stance::Contradicts, 0.8, "B", Kind::News),
        ];
        let outcome = decide(&votes, 0.0);
        assert_eq!(outcome.verdict, Verdict::Disputed);
        assert_eq!(outcome.independent_sources, 2);
    }

    #[test]
    fn a_party_alone_never_makes_its_claim_supported() {
        let mut own = vote(Stance::Supports, 0.95, "Azeri Times", Kind::Government);
        own.own_party = true;
        let alone = decide(&[own], 0.0);
        assert_eq!(alone.verdict, Verdict::NoEvidence);
        assert_eq!(alone.positions_set_aside, 1);
        let mut rebutted = vote(Stance::Supports, 0.95, "Azeri Times", Kind::News);
        rebutted.rebutted = true;
        assert_eq!(decide(&[rebutted, vote(Stance::Contradicts, 0.5, "HRW", Kind::Ngo)], 0.0).verdict, Verdict::Contradicted);
    }

    #[test]
    fn a_rebutted_statement_alone_never_makes_a_claim_contradicted() {
        let mut denial = vote(Stance::Contradicts, 0.9, "Azeri Times", Kind::Government);
        denial.rebutted = true;
        let alone = decide(&[denial], 0.0);
        assert_eq!(alone.verdict, Verdict::NoEvidence);
        assert_eq!(alone.rebutted_set_aside, 1);
        let with_finding = decide(&[denial, vote(Stance::Contradicts, 0.6, "Human Rights Watch", Kind::Ngo)], 0.0);
        assert_eq!((with_finding.verdict, with_finding.independent_sources), (Verdict::Contradicted, 1));
    }

    #[test]
    fn rebutted_government_denial_loses_to_independent_findings() {
        let mut denial = vote(Stance::Supports, 0.9, "Azeri Times", Kind::Government);
        denial.rebutted = true;
        let votes = [denial, vote(Stance::Contradicts, 0.7, "Human Rights Watch", Kind::Ngo), vote(Stance::Contradicts, 0.6, "TURAN", Kind::News)];
        let outcome = decide(&votes, 0.0);
        assert_eq!(outcome.verdict, Verdict::Contradicted);
        assert_eq!(outcome.independent_sources, 2);
        assert!((0.0..=1.0).contains(&outcome.confidence));
    }
}
