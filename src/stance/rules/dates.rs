//! Days and months: "on December 19" against "on December 9", "in March" against "on
//! November 11", for a statement about the same named things.

use super::{conflict, Comparison, Decision, RuleId};
use crate::analysis::Analysis;
use crate::stance::matching::Match;
use crate::stance::ClaimView;

pub fn decide(m: &Match) -> Option<Decision> {
    conflict(RuleId::Dates, &compare_dates(m.claim, m.statement), m.same_subject())
}

pub const MONTH_NAMES: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// Days of a month ("December 19" vs "December 9"), else months ("in March" vs
/// "on November 11").
fn compare_dates(claim: &ClaimView, statement: &Analysis) -> Comparison {
    let c = &claim.analysis;
    let name = |(m, d): (u8, u8)| crate::stance::wording::day_of_month(MONTH_NAMES[(m as usize).saturating_sub(1) % 12], d);
    if !c.days.is_empty() && !statement.days.is_empty() {
        if c.days.iter().any(|d| statement.days.contains(d)) {
            return Comparison::Agree(String::new(), String::new());
        }
        return Comparison::Conflict(name(c.days[0]), name(statement.days[0]));
    }
    if !c.months.is_empty() && !statement.months.is_empty() && !c.months.iter().any(|m| statement.months.contains(m)) {
        let month = |m: u8| MONTH_NAMES[(m as usize).saturating_sub(1) % 12].to_string();
        return Comparison::Conflict(month(c.months[0]), month(statement.months[0]));
    }
    Comparison::Silent
}
