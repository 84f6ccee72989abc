//! schema.org ClaimReview in and out. [`import`] reads what fact-checkers publish:
//! ClaimReview JSON-LD (one object, an array, an `@graph`, or HTML pages carrying it in
//! `<script type="application/ld+json">` blocks) and the Google Fact Check Tools API's
//! response (`claims[].claimReview[]`), into the bundle's [`Review`]s. Every error names
//! the file, the item and the property; items of other `@type`s are skipped and counted.
//! The fields go through the verifier's rules (`bundle::rules`) like any bundle's.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::bundle::rules::{self, escape_for_message, truncate, Item};
use crate::bundle::{BundleError, BundleErrors, Date, ErrorKind, Review};

/// Largest feed or page read, in bytes: JSON is parsed into a tree here (feeds are not
/// bundles), which takes several times the file.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;
/// Most JSON-LD script blocks read from one HTML page (fact-check articles carry one to
/// a few; a page with more is refused by name, not searched through).
pub const MAX_SCRIPT_BLOCKS: usize = 100;
/// How deep arrays and `@graph`s may wrap the items.
const MAX_DEPTH: usize = 8;

/// What an import found: the reviews, and the items skipped by `@type`.
#[derive(Debug, Default)]
pub struct Imported {
    pub reviews: Vec<Review>,
    /// `@type` (or "no @type") → how many items of it were skipped.
    pub skipped: BTreeMap<String, usize>,
    /// Reviews given twice (same id and claim), kept once.
    pub duplicates: usize,
}

/// Reads one file's text into `into`. `file` names it in errors. Errors are collected
/// (at most `rules::MAX_ERRORS` per file); the caller writes nothing if there are any.
pub fn import_file(text: &str, file: &str, into: &mut Imported, errors: &mut Vec<BundleError>) {
    let mut report = rules::Report::new(file);
    if text.len() > MAX_FEED_BYTES {
        report.error(ErrorKind::TooLarge, "", None, format!("the file is {} bytes; the limit is {MAX_FEED_BYTES}", text.len()));
        errors.extend(report.into_errors());
        return;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let looks_html = text.trim_start().starts_with('<');
    let blocks: Vec<(String, &str)> = if looks_html {
        match script_blocks(text) {
            Ok(blocks) => blocks.into_iter().enumerate().map(|(i, b)| (format!("script block #{}", i + 1), b)).collect(),
            Err(message) => {
                report.error(ErrorKind::TooLarge, "", None, message);
                errors.extend(report.into_errors());
                return;
            }
        }
    } else {
        vec![(String::new(), text)]
    };
    let mut reader = Reader { report, into, position: 0 };
    for (block, json) in blocks {
        match serde_json::from_str::<Value>(json) {
            Ok(value) => reader.walk(&value, &block, 0),
            Err(e) => reader.report.error(ErrorKind::Syntax, &block, None, format!("not valid JSON: {e}")),
        }
        if reader.report.is_full() {
            break;
        }
    }
    errors.extend(reader.report.into_errors());
}

/// The contents of an HTML page's `<script type="application/ld+json">` blocks, in order.
pub fn script_blocks(html: &str) -> Result<Vec<&str>, String> {
    let lower = html.to_ascii_lowercase();
    let mut blocks = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script").map(|i| at + i) {
        let Some(tag_end) = lower[start..].find('>').map(|i| start + i) else { break };
        let tag = &lower[start..tag_end];
        let body_start = tag_end + 1;
        let body_end = lower[body_start..].find("</script").map_or(html.len(), |i| body_start + i);
        let is_json_ld = tag.split(|c: char| c.is_whitespace()).any(|attr| {
            let value = attr.strip_prefix("type=").map(|v| v.trim_matches(|c| c == '"' || c == '\''));
            value == Some("application/ld+json")
        });
        if is_json_ld {
            if blocks.len() == MAX_SCRIPT_BLOCKS {
                return Err(format!("more than {MAX_SCRIPT_BLOCKS} JSON-LD script blocks in one page; the limit is {MAX_SCRIPT_BLOCKS}"));
            }
            blocks.push(&html[body_start..body_end]);
        }
        at = body_end.max(start + 1);
    }
    Ok(blocks)
}

struct Reader<'a, 'i> {
    report: rules::Report<'a>,
    into: &'i mut Imported,
    /// Items seen so far in this file, for naming them ("item #3").
    position: usize,
}

/// The string at `value`, trimmed: a string, or the `name` of an object, or the first
/// such of an array (schema.org allows one or many authors).
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => o.get("name").and_then(name_of),
        Value::Array(a) => a.iter().find_map(name_of),
        _ => None,
    }
}

/// A date as ClaimReview gives it ("2024-05-03", "2024-05-03T10:00:00Z"): its day.
fn date_of(text: &str) -> Option<Date> {
    let day = text.trim().split(['T', ' ']).next().unwrap_or("");
    Date::parse(day)
}

fn type_names(o: &serde_json::Map<String, Value>) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(|t| t.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

/// What a JSON value is, for messages.
fn shape(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One review's fields as read, before the rules.
#[derive(Default)]
struct Fields {
    id: Option<String>,
    claim: Option<Value>,
    claimant: Option<String>,
    claim_date: Option<String>,
    reviewer: Option<String>,
    reviewed: Option<Value>,
    rating: Option<Value>,
    numbers: [Option<Value>; 3],
    url: Option<Value>,
    title: Option<Value>,
    summary: Option<Value>,
}

impl Reader<'_, '_> {
    fn walk(&mut self, value: &Value, block: &str, depth: usize) {
        if self.report.is_full() {
            return;
        }
        if depth > MAX_DEPTH {
            self.report.error(ErrorKind::TooLarge, block, None, format!("items nested more than {MAX_DEPTH} arrays or @graphs deep"));
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|item| self.walk(item, block, depth + 1)),
            Value::Object(o) if o.contains_key("@graph") => match o.get("@graph") {
                Some(graph @ Value::Array(_)) => self.walk(graph, block, depth + 1),
                Some(other) => self.report.error(ErrorKind::Syntax, block, Some("@graph"), format!("expected an array, found {}", shape(other))),
                None => {}
            },
            Value::Object(o) if o.contains_key("claims") && !o.contains_key("@type") => self.fact_check_tools(o, block),
            Value::Object(o) => {
                self.position += 1;
                let types = type_names(o);
                if types.iter().any(|t| t == "ClaimReview" || t.ends_with("/ClaimReview")) {
                    self.claim_review(o, block);
                } else {
                    let key = types.first().map_or("no @type".to_string(), |t| escape_for_message(truncate(t, 80)));
                    *self.into.skipped.entry(key).or_default() += 1;
                }
            }
            other => {
                self.position += 1;
                let name = self.item_name(block, None);
                self.report.error(ErrorKind::Syntax, &name, None, format!("expected a JSON object, found {}", shape(other)));
            }
        }
    }

    fn item_name(&self, block: &str, url: Option<&str>) -> String {
        let item = match url {
            Some(url) => format!("ClaimReview #{} ({})", self.position, escape_for_message(truncate(url, 80))),
            None => format!("item #{}", self.position),
        };
        if block.is_empty() {
            item
        } else {
            format!("{block}: {item}")
        }
    }

    fn claim_review(&mut self, o: &serde_json::Map<String, Value>, block: &str) {
        let item = o.get("itemReviewed").and_then(Value::as_object);
        let rating = o.get("reviewRating").and_then(Value::as_object);
        let rating_field = |name: &str| rating.and_then(|r| r.get(name)).cloned();
        let fields = Fields {
            id: o.get("@id").and_then(Value::as_str).map(str::to_string),
            claim: o.get("claimReviewed").cloned(),
            claimant: item.and_then(|i| i.get("author")).and_then(name_of),
            claim_date: item.and_then(|i| i.get("datePublished")).and_then(Value::as_str).map(str::to_string),
            reviewer: o.get("author").and_then(name_of).or_else(|| o.get("publisher").and_then(name_of)),
            reviewed: o.get("datePublished").cloned(),
            rating: rating_field("alternateName").or_else(|| rating_field("name")),
            numbers: [rating_field("ratingValue"), rating_field("bestRating"), rating_field("worstRating")],
            url: o.get("url").cloned(),
            title: o.get("headline").or_else(|| o.get("name")).cloned(),
            summary: o.get("reviewBody").or_else(|| o.get("description")).cloned(),
        };
        let names = Names {
            claim: "claimReviewed",
            reviewer: "author.name",
            reviewed: "datePublished",
            rating: "reviewRating.alternateName",
            numbers: ["reviewRating.ratingValue", "reviewRating.bestRating", "reviewRating.worstRating"],
            url: "url",
            title: "headline",
            summary: "reviewBody",
            claimant: "itemReviewed.author.name",
        };
        self.review(fields, &names, block);
    }

    /// The Google Fact Check Tools API's `claims:search` response.
    fn fact_check_tools(&mut self, o: &serde_json::Map<String, Value>, block: &str) {
        let Some(claims) = o.get("claims").and_then(Value::as_array) else {
            self.report.error(ErrorKind::Syntax, block, Some("claims"), "expected an array");
            return;
        };
        let names = Names {
            claim: "text",
            reviewer: "claimReview.publisher.name",
            reviewed: "claimReview.reviewDate",
            rating: "claimReview.textualRating",
            numbers: ["", "", ""],
            url: "claimReview.url",
            title: "claimReview.title",
            summary: "",
            claimant: "claimant",
        };
        for claim in claims {
            let Some(c) = claim.as_object() else {
                self.position += 1;
                let name = self.item_name(block, None);
                self.report.error(ErrorKind::Syntax, &name, None, format!("expected a JSON object, found {}", shape(claim)));
                continue;
            };
            let reviews = match c.get("claimReview") {
                Some(Value::Array(r)) => r.as_slice(),
                other => {
                    self.position += 1;
                    let name = self.item_name(block, None);
                    let found = other.map_or("nothing", shape);
                    self.report.error(ErrorKind::Syntax, &name, Some("claimReview"), format!("expected an array, found {found}"));
                    continue;
                }
            };
            for review in reviews {
                if self.report.is_full() {
                    return;
                }
                let r = review.as_object();
                let get = |name: &str| r.and_then(|r| r.get(name)).cloned();
                let publisher = r.and_then(|r| r.get("publisher"));
                let fields = Fields {
                    id: None,
                    claim: c.get("text").cloned(),
                    claimant: c.get("claimant").and_then(name_of),
                    claim_date: c.get("claimDate").and_then(Value::as_str).map(str::to_string),
                    reviewer: publisher.and_then(name_of).or_else(|| publisher.and_then(|p| p.get("site")).and_then(name_of)),
                    reviewed: get("reviewDate"),
                    rating: get("textualRating"),
                    numbers: [None, None, None],
                    url: get("url"),
                    title: get("title"),
                    summary: None,
                };
                self.position += 1;
                self.review(fields, &names, block);
            }
        }
    }

    /// A review from its fields, through the rules; reported and left out if anything
    /// is wrong.
    fn review(&mut self, f: Fields, names: &Names, block: &str) {
        let url_text = f.url.as_ref().and_then(Value::as_str).map(str::to_string);
        let name = self.item_name(block, url_text.as_deref());
        let mut ok = true;
        let mut text = |r: &mut rules::Report, value: Option<&Value>, field: &str, property: &str, required: bool| -> Option<String> {
            match value {
                None | Some(Value::Null) => {
                    if required {
                        r.error(ErrorKind::MissingField, &name, Some(property), "required property is missing");
                        ok = false;
                    }
                    None
                }
                Some(Value::String(s)) => match rules::check_text(Item::Review, field, s.trim()) {
                    Ok(()) => Some(s.trim().to_string()),
                    Err((kind, message)) => {
                        r.error(kind, &name, Some(property), message);
                        ok = false;
                        None
                    }
                },
                Some(other) => {
                    r.error(ErrorKind::Syntax, &name, Some(property), format!("expected a string, found {}", shape(other)));
                    ok = false;
                    None
                }
            }
        };
        let r = &mut self.report;
        let claim = text(r, f.claim.as_ref(), "claim", names.claim, true);
        let reviewer = match f.reviewer {
            Some(reviewer) => text(r, Some(&Value::String(reviewer)), "reviewer", names.reviewer, true),
            None => text(r, None, "reviewer", names.reviewer, true),
        };
        let rating = text(r, f.rating.as_ref(), "rating", names.rating, true);
        let url = text(r, f.url.as_ref(), "url", names.url, true);
        let title = text(r, f.title.as_ref(), "title", names.title, false);
        let summary = if names.summary.is_empty() { None } else { text(r, f.summary.as_ref(), "summary", names.summary, false) };
        let claimant = f.claimant.and_then(|c| text(r, Some(&Value::String(c)), "claimant", names.claimant, false));
        let reviewed = text(r, f.reviewed.as_ref(), "reviewed", names.reviewed, true).and_then(|d| {
            let date = date_of(&d);
            if date.is_none() {
                r.error(ErrorKind::InvalidValue, &name, Some(names.reviewed), format!("invalid date \"{}\"; expected YYYY-MM-DD", escape_for_message(truncate(&d, 80))));
                ok = false;
            }
            date
        });
        // A claim's date is often missing or vague; one that is not a date is left out.
        let claim_date = f.claim_date.as_deref().and_then(date_of);
        let mut numbers = [None; 3];
        for (i, value) in f.numbers.iter().enumerate() {
            numbers[i] = match value {
                None | Some(Value::Null) => None,
                Some(Value::Number(n)) => n.as_f64(),
                Some(Value::String(s)) if s.trim().parse::<f64>().is_ok_and(f64::is_finite) => s.trim().parse().ok(),
                Some(other) => {
                    let found = match other {
                        Value::String(s) => format!("\"{}\"", escape_for_message(truncate(s, 40))),
                        other => shape(other).to_string(),
                    };
                    r.error(ErrorKind::InvalidValue, &name, Some(names.numbers[i]), format!("expected a number, found {found}"));
                    ok = false;
                    None
                }
            };
        }
        if let Some((field, message)) = rules::rating_problem(numbers[0], numbers[1], numbers[2]) {
            let at = ["rating_value", "rating_best", "rating_worst"].iter().position(|f| *f == field).unwrap_or(0);
            // Named as the feed names them ("worstRating"), not as the bundle does.
            let leaf = |path: &'static str| path.rsplit('.').next().unwrap_or(path);
            let message = message.replace("rating_worst", leaf(names.numbers[2])).replace("rating_best", leaf(names.numbers[1]));
            r.error(ErrorKind::InvalidValue, &name, Some(names.numbers[at]), message);
            ok = false;
        }
        let (Some(claim), Some(reviewer), Some(rating), Some(url), Some(reviewed), true) = (claim, reviewer, rating, url, reviewed, ok) else { return };
        let id = f.id.filter(|id| rules::check_text(Item::Review, "id", id).is_ok()).unwrap_or_else(|| id_from_url(&url));
        let [rating_value, rating_best, rating_worst] = numbers;
        self.into.reviews.push(Review {
            id,
            claim,
            claimant,
            claim_date,
            reviewer,
            reviewed,
            rating,
            rating_value,
            rating_best,
            rating_worst,
            url,
            title,
            summary,
            evidence: Vec::new(),
        });
    }
}

/// The JSON-LD property names of a shape, for messages.
struct Names {
    claim: &'static str,
    reviewer: &'static str,
    reviewed: &'static str,
    rating: &'static str,
    numbers: [&'static str; 3],
    url: &'static str,
    title: &'static str,
    summary: &'static str,
    claimant: &'static str,
}

/// A review id from its article's URL: host and path, without the scheme and trailing
/// slash ("fullfact.org/online/police-detainees").
pub fn id_from_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let id: String = rest.trim_end_matches('/').chars().map(|c| if c.is_whitespace() || c.is_control() { '_' } else { c }).collect();
    truncate(&id, 1_000).to_string()
}

/// Makes ids unique in the order given: a review repeated exactly (same id and claim) is
/// kept once; another review of the same article (several claims on one page) gets
/// `#2`, `#3`... Returns how many repeats were dropped.
pub fn dedupe(reviews: &mut Vec<Review>) -> usize {
    let mut seen: HashMap<String, Vec<String>> = HashMap::new();
    let before = reviews.len();
    let mut kept = Vec::with_capacity(before);
    for mut review in reviews.drain(..) {
        let claims = seen.entry(review.id.clone()).or_default();
        if claims.contains(&review.claim) {
            continue;
        }
        claims.push(review.claim.clone());
        if claims.len() > 1 {
            review.id = format!("{}#{}", review.id, claims.len());
        }
        kept.push(review);
    }
    *reviews = kept;
    before - reviews.len()
}

/// Every error of an import, or the reviews.
pub fn finish(mut imported: Imported, errors: Vec<BundleError>) -> Result<Imported, BundleErrors> {
    if !errors.is_empty() {
        return Err(BundleErrors(errors));
    }
    imported.duplicates += dedupe(&mut imported.reviews);
    Ok(imported)
}

/// What the newsroom says about the export: who publishes it, where, when, and who made
/// the claim if known.
pub struct Publisher<'a> {
    /// The organisation (`author.name`).
    pub reviewer: &'a str,
    /// The page the review will be published on (`url`).
    pub url: &'a str,
    /// `YYYY-MM-DD` (`datePublished`).
    pub date: &'a str,
    /// Who made the claim (`itemReviewed.author.name`), when known.
    pub claimant: Option<&'a str>,
}

/// The rating words and value (1 worst, 5 best) of a verdict, for `reviewRating`.
fn rating_of(verdict: crate::report::Verdict) -> (&'static str, Option<u8>) {
    use crate::report::Verdict;
    match verdict {
        Verdict::Supported => ("Supported by the record", Some(5)),
        Verdict::Disputed => ("Disputed: the record is divided", Some(3)),
        Verdict::Contradicted => ("Contradicted by the record", Some(1)),
        Verdict::NoEvidence => ("No evidence in this bundle", None),
    }
}

/// What a draft says where the newsroom has not yet said who it is: an editor fills it in.
pub const REVIEWER_PLACEHOLDER: &str = "EDITOR: your organisation";
/// What a draft says where the newsroom has not yet said where the review will be.
pub const URL_PLACEHOLDER: &str = "https://example.org/EDITOR-the-address-of-your-fact-check";

/// The CLI's export (`check --claimreview`): [`draft`], after refusing options that are
/// wrong, named by option (a url that is not http(s), a bad date, control characters).
pub fn export(result: &crate::report::CheckResult, publisher: &Publisher) -> Result<Value, String> {
    if !rules::is_web_url(publisher.url) {
        return Err(format!("--url: \"{}\" is not an absolute http or https URL", escape_for_message(truncate(publisher.url, 80))));
    }
    for (option, value) in [("--reviewer", Some(publisher.reviewer)), ("--claimant", publisher.claimant)] {
        if let Some(Err((_, message))) = value.map(|v| rules::check_text(Item::Review, "reviewer", v)) {
            return Err(format!("{option}: {message}"));
        }
    }
    draft(result, publisher)
}

/// A check as schema.org ClaimReview JSON-LD, following Google's structured-data
/// requirements (`claimReviewed`, `reviewRating` with `alternateName`, `author`,
/// `datePublished`, `url`; `itemReviewed.author` when the claimant is known: given, or
/// the claimant of a matched review of the same claim), citing the decisive evidence's
/// sources. A draft: an editor reviews it before it is published. An empty reviewer or a
/// url that is not http(s) is written as a placeholder saying what the editor must put
/// there. The one export: the CLI's `check --claimreview` and the page's and widget's
/// "Copy as ClaimReview" (through the wasm's `claimReviewDraft`) both make it here, so
/// they cannot drift. The date must be `YYYY-MM-DD`.
pub fn draft(result: &crate::report::CheckResult, publisher: &Publisher) -> Result<Value, String> {
    use serde_json::json;
    if publisher.date.len() != 10 || Date::parse(publisher.date).is_none() {
        return Err(format!("--date: \"{}\" is not a date YYYY-MM-DD", escape_for_message(truncate(publisher.date, 80))));
    }
    let (words, value) = rating_of(result.verdict);
    let mut rating = json!({"@type": "Rating", "alternateName": words});
    if let Some(value) = value {
        rating["ratingValue"] = json!(value);
        rating["bestRating"] = json!(5);
        rating["worstRating"] = json!(1);
    }
    let mut item = json!({"@type": "Claim"});
    // A matched review of the same claim knows who made it.
    let known = || result.reviews.iter().find(|r| r.relation == crate::report::ReviewRelation::Same && !r.claimant.trim().is_empty()).map(|r| r.claimant.as_str());
    if let Some(claimant) = publisher.claimant.filter(|c| !c.trim().is_empty()).or_else(known) {
        item["author"] = json!({"@type": "Organization", "name": claimant.trim()});
    }
    let mut citations: Vec<Value> = Vec::new();
    for e in result.evidence.iter().filter(|e| e.stance != crate::report::Stance::Related && rules::is_web_url(&e.source.url)) {
        if citations.iter().any(|c| c["url"] == e.source.url.as_str()) {
            continue;
        }
        let mut cite = json!({"@type": "CreativeWork", "url": e.source.url, "name": e.source.title, "publisher": {"@type": "Organization", "name": e.source.publisher}});
        if !e.source.published.is_empty() {
            cite["datePublished"] = json!(e.source.published);
        }
        citations.push(cite);
    }
    let reviewer = match publisher.reviewer.trim() {
        "" => REVIEWER_PLACEHOLDER,
        name => name,
    };
    let url = if rules::is_web_url(publisher.url.trim()) { publisher.url.trim() } else { URL_PLACEHOLDER };
    let mut review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": result.claim.trim(),
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": reviewer},
        "datePublished": publisher.date,
        "reviewRating": rating,
    });
    if !citations.is_empty() {
        review["citation"] = Value::Array(citations);
    }
    Ok(review)
}
