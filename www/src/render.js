// Renders a CheckResult (the CLI's --json shape) as DOM, to read top-down in one screen:
// the verdict banner with one plain sentence naming who says so, notes, the claim's
// sentences (for a pasted paragraph), at most three decisive evidence cards with the
// rest behind "Show N more", the timeline (its markers link to the cards) and "How to
// read this". Shared by the reader page and the <claim-check> widget. All claim and
// bundle text goes in through text nodes, never as HTML.

import {
  SOURCE_KIND_LABELS, STANCE_LABELS, VERDICT_LABELS, confidenceWord, el, formatDate, parseDate, plainSummary,
  safeHttpUrl,
} from './format.js';
import { appendHighlighted } from './highlight.js';
import { plainReason } from './reasons.js';
import { stanceIcon, verdictIcon } from './shapes.js';
import { timelineFigure } from './timeline.js';

/** How many evidence cards show before "Show N more" (compact mode: one). */
export const DECISIVE_CARDS = 3;
export const COMPACT_CARDS = 1;

let renderCount = 0;

/**
 * Replaces the contents of `container` with the result.
 * @param {HTMLElement} container
 * @param {import('../../pkg/claimcheck.js').CheckResult} result
 * @param {{compact?: boolean, headingLevel?: number, checkSentence?: (text: string) => Promise<object|null>,
 *   nested?: boolean, claim?: string}} options
 *   checkSentence: checks one sentence of a pasted paragraph, for its expandable line;
 *   claim: the text as the reader gave it (result.claim is the lead sentence of a paragraph).
 */
export function renderResult(container, result, {
  compact = false, headingLevel = 2, checkSentence, nested = false, claim = result.claim,
} = {}) {
  const prefix = `cc-r${++renderCount}`;
  const sub = (level) => `h${Math.min(headingLevel + level, 6)}`;
  container.replaceChildren();
  container.dataset.verdict = result.verdict;
  // On paper the claim is not in a text box: print it above the verdict.
  if (!nested) container.append(el('p', 'cc-print-claim', 'Claim: ', el('q', null, claim)));
  // A fact-checker's published verdict comes first, apart from claimcheck's own.
  if (!nested && (result.reviews?.length ?? 0) > 0) {
    container.append(factChecks(result.reviews, `h${headingLevel}`, compact),
      el('p', 'cc-own-assessment', 'claimcheck\u2019s own assessment of this bundle\u2019s statements:'));
  }
  container.append(verdictBanner(result, headingLevel, compact || nested));

  const notices = languageNotices(result);
  if (notices) container.append(notices);
  // Compact: the notes wait behind "Show more" with the other cards.
  const notes = result.notes.length > 0 ? el('ul', 'cc-notes', ...result.notes.map((note) => el('li', 'cc-note', note))) : null;
  const short = compact || nested;
  if (notes && (!short || result.evidence.length <= COMPACT_CARDS)) container.append(notes);
  if (!nested && (result.sentences?.length ?? 0) > 1) {
    container.append(sentenceList(result, sub(1), headingLevel, checkSentence));
  }
  if (result.evidence.length === 0) {
    if (!compact && !nested) container.append(howToRead());
    return;
  }

  // Decisive evidence first (the engine orders it so), at most three; the rest collapsed.
  const limit = compact || nested ? COMPACT_CARDS : DECISIVE_CARDS;
  const decisive = result.evidence.filter((item) => item.stance !== 'related').length;
  const shown = Math.min(limit, decisive, result.evidence.length);
  let cards = result.evidence.map((item, i) => evidenceCard(item, i + 1, `${prefix}-card-${i + 1}`, short));
  // One card only: the first that takes the verdict's side, so a "Contradicted" banner is
  // not followed by a lone supporting statement. Cards keep their numbers (li value).
  const order = result.evidence.map((_, i) => i);
  const side = { supported: 'supports', contradicted: 'contradicts' }[result.verdict];
  const lead = side && short ? result.evidence.findIndex((item) => item.stance === side) : -1;
  if (lead > 0) order.unshift(...order.splice(lead, 1));
  cards.forEach((card, i) => { card.value = i + 1; });
  const byNumber = cards;
  cards = order.map((i) => byNumber[i]);
  const heading = el(sub(1), 'cc-evidence-heading',
    shown > 0 ? `Decisive evidence (${shown} of ${result.evidence.length})` : `Related statements (${result.evidence.length})`);
  container.append(heading);
  if (shown > 0) container.append(el('ol', 'cc-evidence', ...cards.slice(0, shown)));
  let reveal = () => {};
  if (cards.length > shown) {
    const rest = order.slice(shown).map((i) => result.evidence[i]);
    const list = el('ol', 'cc-evidence cc-evidence-more', ...cards.slice(shown));
    const more = el('div', 'cc-more-box', short && notes && result.evidence.length > COMPACT_CARDS ? notes : null, list);
    more.id = `${prefix}-more`;
    more.hidden = true;
    const allRelated = rest.every((item) => item.stance === 'related');
    const label = `Show ${rest.length} ${shown > 0 ? 'more ' : ''}${allRelated ? 'related ' : ''}statement${rest.length === 1 ? '' : 's'}`;
    const button = el('button', 'cc-more', label);
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', more.id);
    const setOpen = (open) => {
      more.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? `Hide the ${rest.length} other statement${rest.length === 1 ? '' : 's'}` : label;
    };
    button.addEventListener('click', () => setOpen(more.hidden));
    reveal = () => setOpen(true);
    container.append(button, more);
  }

  if (!compact && !nested) {
    const goToCard = (number) => {
      const card = byNumber[number - 1];
      if (!card) return;
      if (card.parentElement.closest('[hidden]')) reveal();
      card.scrollIntoView({ block: 'center', behavior: smoothOrNot() });
      card.focus({ preventScroll: true });
    };
    const timeline = timelineFigure(result.evidence, { hrefOf: (n) => `#${prefix}-card-${n}`, goToCard });
    if (timeline) container.append(timeline);
    container.append(howToRead());
  }
}

/**
 * Published fact-checks of the claim (the engine's `reviews`): "Fact-checked by X, date:
 * Rating", the claim they reviewed (labelled when it is the opposite claim, whose rating
 * is not the pasted claim's), their summary and a link to the article.
 */
function factChecks(reviews, headingTag, compact) {
  const items = reviews.slice(0, compact ? 1 : 3).map((review) => {
    const date = review.reviewed ? `, ${formatDate(review.reviewed)}` : '';
    // The rating is of the claim the fact-checker reviewed: for the opposite claim, said
    // on the same line, so the rating is never read as the pasted claim's.
    const by = el('p', 'cc-factcheck-by', `Fact-checked by ${review.reviewer}${date}: `, el('strong', 'cc-factcheck-rating', review.rating),
      review.relation === 'opposite' ? ' (of the opposite claim)' : '');
    const reviewed = review.relation === 'opposite'
      ? el('p', 'cc-factcheck-claim cc-factcheck-claim--opposite', el('strong', null, 'A fact-check of the opposite claim: '), el('q', null, review.claim))
      : el('p', 'cc-factcheck-claim', 'Reviewed claim: ', el('q', null, review.claim));
    const url = safeHttpUrl(review.url);
    let link = null;
    if (url) {
      link = el('a', 'cc-factcheck-link', `Read the fact-check by ${review.reviewer}`);
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener';
      link.append(el('span', 'cc-visually-hidden', ' (opens in a new tab)'));
    }
    return el('li', `cc-factcheck cc-factcheck--${review.relation}`, by, reviewed,
      review.summary ? el('p', 'cc-factcheck-summary', review.summary) : null, link ? el('p', 'cc-factcheck-source', link) : null);
  });
  return el('section', 'cc-factchecks', el(headingTag, 'cc-factchecks-heading', 'Already fact-checked'), el('ul', 'cc-factcheck-list', ...items));
}

/** Removes any result: the container loses its data-verdict. */
export function clearResult(container) {
  container.replaceChildren();
  delete container.dataset.verdict;
}

/** 'smooth' unless the reader asked for reduced motion. */
export function smoothOrNot() {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

function verdictBanner(result, headingLevel, short) {
  const sources = result.independent_sources;
  const banner = el('div', `cc-verdict cc-verdict--${result.verdict}`,
    verdictIcon(result.verdict),
    el('div', 'cc-verdict-text',
      el(`h${headingLevel}`, 'cc-verdict-label', VERDICT_LABELS[result.verdict] || result.verdict),
      el('p', 'cc-summary', plainSummary(result)),
      // No evidence needs no detail line: the summary and note say what it means (not "false").
      result.verdict === 'no_evidence' ? null
        : el('p', 'cc-verdict-detail',
          `Confidence: ${confidenceWord(result.confidence)} · ${sources} independent source${sources === 1 ? '' : 's'}`)));
  if (short) banner.classList.add('cc-verdict--short');
  return banner;
}

/** `node` with its text isolated from the text around it (bundle text may be right-to-left). */
function isolated(node) {
  node.dir = 'auto';
  return node;
}

/** "claimcheck reads English; this looks like Russian" and typo readings, when the engine gives them. */
function languageNotices(result) {
  const items = [];
  if (result.language && result.language.code !== 'en') {
    const name = result.language.name || result.language.code;
    items.push(el('li', 'cc-notice cc-notice--language', `claimcheck reads English; this looks like ${name}. Nothing can be checked in it.`));
  }
  for (const reading of result.readings ?? []) {
    if (!reading?.written || !reading?.read_as) continue;
    items.push(el('li', 'cc-notice cc-notice--reading',
      'Read ', el('strong', null, `“${reading.written}”`), ' as ', el('strong', null, `“${reading.read_as}”`), '.'));
  }
  if (items.length === 0) return null;
  return el('ul', 'cc-notices', ...items);
}

const VERDICT_PHRASES = {
  supported: 'is supported',
  contradicted: 'is contradicted',
  disputed: 'is disputed',
  no_evidence: 'is not settled by this bundle',
};

/**
 * A pasted paragraph: one line per sentence ("Sentence 2 of 3 is contradicted by Human
 * Rights Watch"), each a disclosure holding the sentence and, when opened, its own check.
 */
function sentenceList(result, headingTag, headingLevel, checkSentence) {
  const total = result.sentences.length;
  const byId = new Map(result.evidence.map((item) => [item.id, item]));
  const list = el('ol', 'cc-sentences');
  result.sentences.forEach((sentence, i) => {
    const who = [...new Set(sentence.evidence.map((id) => byId.get(id)?.speaker).filter(Boolean))];
    const line = el('span', 'cc-sentence-line', `Sentence ${i + 1} of ${total} ${VERDICT_PHRASES[sentence.verdict] || sentence.verdict}`);
    const byLine = el('span', 'cc-sentence-by', who.length ? ` by ${who.slice(0, 2).join(' and ')}${who.length > 2 ? ' and others' : ''}` : '');
    line.append(byLine, '.');
    const summary = el('summary', null, verdictIcon(sentence.verdict), line);
    const body = el('div', 'cc-sentence-body', el('blockquote', 'cc-sentence-text', el('p', null, sentence.text)));
    const details = el('details', `cc-sentence cc-verdict--${sentence.verdict}`, summary, body);
    details.dataset.verdict = sentence.verdict;
    let loaded = false;
    details.addEventListener('toggle', async () => {
      if (!details.open || loaded || !checkSentence) return;
      loaded = true;
      const box = el('div', 'cc-sentence-result');
      box.setAttribute('aria-busy', 'true');
      body.append(box);
      const own = await checkSentence(sentence.text);
      box.removeAttribute('aria-busy');
      if (own) renderResult(box, own, { headingLevel: Math.min(headingLevel + 2, 6), nested: true });
      else loaded = false;
    });
    list.append(el('li', null, details));
  });
  return el('section', 'cc-sentences-box', el(headingTag, 'cc-sentences-heading', 'Sentence by sentence'), list);
}

/** What verdicts, confidence words and "independent" mean, closed until asked for. */
function howToRead() {
  const term = (word, text) => [el('dt', null, word), el('dd', null, text)];
  return el('details', 'cc-howto',
    el('summary', null, 'How to read this'),
    el('dl', null,
      ...term('Supported / Contradicted', 'Statements in this bundle say the claim is so, or say otherwise. Each card says why it counts.'),
      ...term('Disputed', 'Sources on record disagree: some support the claim, some contradict it.'),
      ...term('No evidence in this bundle', 'Nothing here settles the claim. That is not the same as false: the bundle may simply not cover it.'),
      ...term('Confidence: strong, moderate, weak', 'How clearly the statements settle the claim: strong when several closely matching statements agree, weak when the match is loose. Weak verdicts are often wrong; read the evidence.'),
      ...term('Independent sources', 'Different publishers. Several statements from one publisher count once, and a party speaking for itself (a ministry denying what it is accused of) never counts as support for its own position.'),
      ...term('Related', 'A statement that shares words with the claim but neither supports nor contradicts it.')));
}

function evidenceCard(item, number, id, short) {
  const card = el('li', `cc-card cc-stance--${item.stance}`);
  card.id = id;
  card.tabIndex = -1; // a timeline marker moves focus here
  card.dataset.stance = item.stance;

  const quote = el('blockquote', 'cc-quote');
  // dir="auto" isolates bundle text (HTML's [dir] { unicode-bidi: isolate }): a
  // right-to-left quote or name never reorders the words around it.
  const quoteText = el('p');
  quoteText.dir = 'auto';
  appendHighlighted(quoteText, item.quote, item.matched);
  quote.append(quoteText);
  const url = safeHttpUrl(item.source.url);
  if (url) quote.cite = url;

  const badge = el('span', `cc-badge cc-badge--${item.stance}`, stanceIcon(item.stance), STANCE_LABELS[item.stance] || item.stance);
  const stance = el('p', 'cc-stance', el('span', 'cc-number', `${number}`), badge);
  const reason = plainReason(item);
  if (reason && !short) stance.append(el('span', 'cc-reason', reason));

  // Imported statements may have no date (""): then no separator and no <time>.
  const speaker = el('p', 'cc-speaker',
    isolated(el('span', 'cc-speaker-name', item.speaker)),
    ` (${kindLabel(item.speaker_kind)})`);
  if (item.date) speaker.append(' · ', timeElement(item.date));

  card.append(stance, quote, speaker);

  if (item.relations.length > 0 && !short) {
    card.append(el('details', 'cc-relations-box',
      el('summary', 'cc-relations-label', `Curated relations in this bundle (${item.relations.length})`),
      el('ul', 'cc-relations', ...item.relations.map((text) => el('li', 'cc-relation', text)))));
  }
  card.append(sourceLine(item.source, url));
  return card;
}

function sourceLine(source, url) {
  const title = source.title || source.publisher;
  const titleNode = isolated(url ? el('a', 'cc-source-link', title) : el('span', 'cc-source-title', title));
  if (url) {
    titleNode.href = url;
    titleNode.target = '_blank';
    titleNode.rel = 'noopener noreferrer';
    titleNode.append(el('span', 'cc-visually-hidden', ' (opens in a new tab)'));
  }
  const line = el('p', 'cc-source', 'Source: ', titleNode);
  // A title that is only the publisher's name is not said twice.
  const kind = `(${kindLabel(source.kind)})`;
  if (source.title && source.title !== source.publisher) line.append(' — ', isolated(el('span', null, source.publisher)));
  line.append(` ${kind}`);
  // Imported sources may have no url and no published date (""): no link, no date.
  if (source.published) line.append(', ', timeElement(source.published));
  // Printed pages show where the source is (print stylesheet only).
  if (url) line.append(el('span', 'cc-print-url', ` ${url}`));
  return line;
}

function timeElement(date) {
  const node = el('time', 'cc-date', formatDate(date));
  // datetime only for a date a machine can read; anything else is shown as written.
  if (parseDate(date)) node.dateTime = date;
  return node;
}

function kindLabel(kind) {
  return SOURCE_KIND_LABELS[kind] || kind;
}
