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

export function verdictSummary(result) {
  const n = result.independent_sources;
  if (result.verdict === 'no_evidence') return VERDICT_LABELS.no_evidence;
  return `${VERDICT_LABELS[result.verdict]} by ${n} independent source${n === 1 ? '' : 's'}`;
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
