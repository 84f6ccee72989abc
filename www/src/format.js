// Words and formats shared by the reader page and the widget. Everything here returns
// plain strings; callers insert them with textContent.

export const VERDICT_LABELS = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  disputed: 'Disputed',
  no_evidence: 'No evidence in this bundle',
};

export const STANCE_LABELS = { supports: 'Supports the claim', contradicts: 'Contradicts the claim', related: 'Related' };
export const STANCE_SHORT = { supports: 'Supports', contradicts: 'Contradicts', related: 'Related' };

export const SOURCE_KIND_LABELS = {
  ngo: 'NGO',
  intergovernmental: 'Intergovernmental body',
  government: 'Government',
  news: 'News outlet',
  court: 'Court',
  testimony: 'Testimony',
  other: 'Other',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2004" | "2024-04" | "2004-01-22" → "2004" | "April 2024" | "22 January 2004". Anything else is shown as given. */
export function formatDate(date) {
  const parts = parseDate(date);
  if (!parts) return date || '';
  const [year, month, day] = parts;
  if (day) return `${day} ${MONTHS[month - 1]} ${year}`;
  if (month) return `${MONTHS[month - 1]} ${year}`;
  return String(year);
}

/** [year, month?, day?] of a `YYYY[-MM[-DD]]` date, or null. */
export function parseDate(date) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date || '');
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  return [Number(m[1]), month, m[3] ? Number(m[3]) : undefined];
}

/** The date as a fractional year, placing partial dates in the middle of their span. */
export function dateToYear(date) {
  const parts = parseDate(date);
  if (!parts) return null;
  const [year, month, day] = parts;
  if (!month) return year + 0.5;
  if (!day) return year + (month - 0.5) / 12;
  return year + (month - 1) / 12 + (day - 0.5) / 365;
}

/** A short line for screen readers and the clipboard: "Contradicted by 2 independent sources". */
export function verdictSummary(result) {
  const n = result.independent_sources;
  if (result.verdict === 'no_evidence') return VERDICT_LABELS.no_evidence;
  return `${VERDICT_LABELS[result.verdict]} by ${n} independent source${n === 1 ? '' : 's'}`;
}

/** Confidence as a word a reader can weigh: 0.75 and up strong, 0.5 and up moderate, else weak. */
export function confidenceWord(confidence) {
  if (confidence >= 0.75) return 'strong';
  if (confidence >= 0.5) return 'moderate';
  return 'weak';
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** 3 → "three", 12 → "12", as a person writes small counts. */
export function countWord(n) {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "A", "A and B", "A, B and C". */
export function listWords(words) {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Who said what, distinct speakers in the order of the evidence: "Human Rights Watch (2004)". */
function speakersOf(evidence, stance) {
  const seen = new Map();
  for (const item of evidence) {
    if (item.stance !== stance || seen.has(item.speaker)) continue;
    const year = parseDate(item.date)?.[0];
    seen.set(item.speaker, { name: year ? `${item.speaker} (${year})` : item.speaker, kind: item.speaker_kind });
  }
  return [...seen.values()];
}

/** At most two names, then "and N others": the banner stays a sentence on a phone. */
function namesLine(speakers) {
  const names = speakers.slice(0, speakers.length === 3 ? 3 : 2).map((s) => s.name);
  const rest = speakers.length - names.length;
  if (rest > 0) return `${names.join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
  return listWords(names);
}

/**
 * The verdict in one plain sentence naming who says so: "Elchin Gasimov (2020), Human
 * Rights Watch (2004) and 3 others contradict this claim."
 */
export function plainSummary(result) {
  const n = result.independent_sources;
  const inSources = `${n === 1 ? 'one independent source' : `${countWord(n)} independent sources`}`;
  const stanceOf = { supported: 'supports', contradicted: 'contradicts' }[result.verdict];
  if (stanceOf) {
    let speakers = speakersOf(result.evidence, stanceOf);
    // A party's own statement never makes a claim supported: name the others first.
    if (stanceOf === 'supports') speakers = [...speakers.filter((s) => s.kind !== 'government'), ...speakers.filter((s) => s.kind === 'government')];
    const verb = stanceOf === 'supports' ? 'support' : 'contradict';
    if (speakers.length === 0) return `${capitalise(inSources)} ${n === 1 ? `${verb}s` : verb} this claim.`;
    const single = speakers.length === 1;
    // How many independent sources that is, the banner's detail line says.
    return `${namesLine(speakers)} ${single ? `${verb}s` : verb} this claim.`;
  }
  if (result.verdict === 'disputed') {
    const backing = speakersOf(result.evidence, 'supports');
    const against = speakersOf(result.evidence, 'contradicts');
    if (backing.length && against.length) {
      return `The record is divided: ${namesLine(backing)} ${backing.length === 1 ? 'supports' : 'support'} this claim; ${namesLine(against)} ${against.length === 1 ? 'contradicts' : 'contradict'} it.`;
    }
    return 'The record is divided: sources support and contradict this claim.';
  }
  const related = result.evidence.length;
  if (related === 0) return 'No statement in this bundle speaks to this claim.';
  return `${capitalise(countWord(related))} statement${related === 1 ? ' shares' : 's share'} words with this claim, but none supports or contradicts it.`;
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The URL if it is http(s), else null: bundle text never becomes a javascript: link. */
export function safeHttpUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Node's textContent in one call: `el('p', 'cc-note', 'text', child…)`. */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child == null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}
