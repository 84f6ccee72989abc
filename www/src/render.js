// Renders a CheckResult (the CLI's --json shape) as DOM: verdict banner, notes,
// timeline and evidence cards. Shared by the reader page and the <claim-check> widget.
// All claim and bundle text goes in through text nodes, never as HTML.

import {
  SOURCE_KIND_LABELS, STANCE_LABELS, VERDICT_LABELS, el, formatDate, parseDate, safeHttpUrl,
} from './format.js';
import { appendHighlighted } from './highlight.js';
import { stanceIcon, verdictIcon } from './shapes.js';
import { timelineFigure } from './timeline.js';

/** How many evidence cards compact mode shows before "Show all". */
export const COMPACT_CARDS = 3;

/**
 * Replaces the contents of `container` with the result.
 * @param {HTMLElement} container
 * @param {import('../../pkg/claimcheck.js').CheckResult} result
 * @param {{compact?: boolean, headingLevel?: number}} options
 */
export function renderResult(container, result, { compact = false, headingLevel = 2 } = {}) {
  container.replaceChildren();
  container.dataset.verdict = result.verdict;
  container.append(verdictBanner(result, headingLevel));

  if (result.notes.length > 0) {
    container.append(el('ul', 'cc-notes', ...result.notes.map((note) => el('li', 'cc-note', note))));
  }
  if (result.evidence.length === 0) return;

  if (!compact) {
    const timeline = timelineFigure(result.evidence);
    if (timeline) container.append(timeline);
  }
  const heading = el(`h${Math.min(headingLevel + 1, 6)}`, 'cc-evidence-heading',
    `Evidence (${result.evidence.length})`);
  const list = el('ol', 'cc-evidence');
  result.evidence.forEach((item, i) => {
    const card = evidenceCard(item, i + 1, compact);
    if (compact && i >= COMPACT_CARDS) card.hidden = true;
    list.append(card);
  });
  container.append(heading, list);

  if (compact && result.evidence.length > COMPACT_CARDS) {
    const more = el('button', 'cc-show-all', `Show all ${result.evidence.length} pieces of evidence`);
    more.type = 'button';
    more.addEventListener('click', () => {
      for (const card of list.children) card.hidden = false;
      more.remove();
      list.children[COMPACT_CARDS]?.querySelector('a')?.focus();
    });
    container.append(more);
  }
}

/** Removes any result: the container loses its data-verdict. */
export function clearResult(container) {
  container.replaceChildren();
  delete container.dataset.verdict;
}

function verdictBanner(result, headingLevel) {
  const sources = result.independent_sources;
  // No evidence needs no detail line: the engine's note says what it means (not "false").
  const detail = result.verdict === 'no_evidence' ? null
    : el('p', 'cc-verdict-detail', `${sources} independent source${sources === 1 ? '' : 's'} · confidence ${Math.round(result.confidence * 100)}%`);
  return el('div', `cc-verdict cc-verdict--${result.verdict}`,
    verdictIcon(result.verdict),
    el('div', 'cc-verdict-text',
      el(`h${headingLevel}`, 'cc-verdict-label', VERDICT_LABELS[result.verdict] || result.verdict),
      detail));
}

function evidenceCard(item, number, compact) {
  const card = el('li', `cc-card cc-stance--${item.stance}`);
  card.dataset.stance = item.stance;

  const quote = el('blockquote', 'cc-quote');
  const quoteText = el('p');
  appendHighlighted(quoteText, item.quote, item.matched);
  quote.append(quoteText);
  const url = safeHttpUrl(item.source.url);
  if (url) quote.cite = url;

  const badge = el('span', `cc-badge cc-badge--${item.stance}`, stanceIcon(item.stance), STANCE_LABELS[item.stance] || item.stance);
  const stance = el('p', 'cc-stance', el('span', 'cc-number', `${number}`), badge);
  if (!compact && item.reason) stance.append(el('span', 'cc-reason', item.reason));

  // Imported statements may have no date (""): then no separator and no <time>.
  const speaker = el('p', 'cc-speaker',
    el('span', 'cc-speaker-name', item.speaker),
    ` (${kindLabel(item.speaker_kind)})`);
  if (item.date) speaker.append(' · ', timeElement(item.date));

  card.append(stance, quote, speaker);

  if (!compact && item.relations.length > 0) {
    card.append(
      el('p', 'cc-relations-label', 'Curated relations in this bundle:'),
      el('ul', 'cc-relations', ...item.relations.map((text) => el('li', 'cc-relation', text))),
    );
  }
  card.append(sourceLine(item.source, url));
  return card;
}

function sourceLine(source, url) {
  const title = source.title || source.publisher;
  const titleNode = url ? el('a', 'cc-source-link', title) : el('span', 'cc-source-title', title);
  if (url) {
    titleNode.href = url;
    titleNode.target = '_blank';
    titleNode.rel = 'noopener noreferrer';
    titleNode.append(el('span', 'cc-visually-hidden', ' (opens in a new tab)'));
  }
  const line = el('p', 'cc-source', 'Source: ', titleNode);
  // A title that is only the publisher's name is not said twice.
  const kind = `(${kindLabel(source.kind)})`;
  line.append(source.title && source.title !== source.publisher ? ` — ${source.publisher} ${kind}` : ` ${kind}`);
  // Imported sources may have no url and no published date (""): no link, no date.
  if (source.published) line.append(', ', timeElement(source.published));
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
