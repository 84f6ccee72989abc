// The evidence on a time axis, as inline SVG. Evidence of one date is one marker: a
// single item shows its card number in its stance's shape; several show as one pill
// labelled with their card numbers ("2, 5, 7"), in the shared stance's colour or neutral
// when they differ. Every marker is a link to its (first) card, reachable by Tab.
// Markers of nearby dates stack. Positions are percentages of the width, so the picture
// reflows from a 360-px phone to a desktop without scaling its text.

import { STANCE_LABELS, STANCE_SHORT, dateToYear, el, formatDate, listWords } from './format.js';
import { STANCE_SHAPES, shapePath, stanceIcon, svgEl } from './shapes.js';

const MARKER = 10; // half-size in px
const ROW = 25; // vertical distance between stacked markers
const TOP = 4;
const EDGE = 7; // % of the width kept free at each end, so edge markers are not cut
const SAME_SPOT = 0.06; // share of the span within which markers stack rather than overlap
const CHAR_PX = 7.2; // width of a digit, comma or plus of the pill's 11.5-px bold label
const MAX_LISTED = 3; // card numbers written on a pill before "+N"

/**
 * @param {object[]} evidence
 * @param {{hrefOf?: (n: number) => string, goToCard?: (n: number) => void}} links
 *   hrefOf gives the card's fragment (for the link's semantics); goToCard reveals and
 *   focuses the card (fragment navigation would replace the page's #claim= link).
 */
export function timelineFigure(evidence, { hrefOf, goToCard } = {}) {
  const dated = evidence
    .map((item, i) => ({ item, number: i + 1, year: dateToYear(item.date) }))
    .filter((d) => d.year !== null)
    .sort((a, b) => a.year - b.year || a.number - b.number);
  if (dated.length === 0) return null;

  // One marker per date.
  const groups = [];
  for (const d of dated) {
    const last = groups[groups.length - 1];
    if (last && last[0].item.date === d.item.date) last.push(d);
    else groups.push([d]);
  }
  for (const group of groups) group.sort((a, b) => a.number - b.number);

  let first = Math.floor(dated[0].year);
  let last = Math.ceil(dated[dated.length - 1].year);
  if (last - first < 1) last = first + 1;
  const span = last - first;
  const share = (year) => (year - first) / span;
  const xPercent = (year) => EDGE + share(year) * (100 - 2 * EDGE);

  // Markers that would overlap stack into columns.
  const columns = [];
  for (const group of groups) {
    const column = columns[columns.length - 1];
    if (column && share(group[0].year) - share(column[0][0].year) < SAME_SPOT) column.push(group);
    else columns.push([group]);
  }
  const tallest = Math.max(...columns.map((c) => c.length));
  const axisY = TOP + tallest * ROW + 4;
  const height = axisY + 22;

  const stanceCounts = {};
  for (const { item } of dated) stanceCounts[item.stance] = (stanceCounts[item.stance] || 0) + 1;
  const countText = Object.entries(stanceCounts).map(([stance, n]) => `${n} ${STANCE_SHORT[stance].toLowerCase()}`).join(', ');
  const undated = evidence.length - dated.length;
  const label = `Timeline of ${dated.length} dated piece${dated.length === 1 ? '' : 's'} of evidence, `
    + `from ${formatDate(dated[0].item.date)} to ${formatDate(dated[dated.length - 1].item.date)}: ${countText}.`
    + (undated ? ` ${undated} undated.` : '') + ' Each marker links to its card.';

  // A group, not an image: its markers are links.
  const svg = svgEl('svg', { class: 'cc-timeline-svg', width: '100%', height, role: 'group', 'aria-label': label });
  svg.append(svgEl('line', { class: 'cc-axis', x1: `${EDGE / 2}%`, x2: `${100 - EDGE / 2}%`, y1: axisY, y2: axisY, 'aria-hidden': 'true' }));
  for (const year of ticks(first, last)) {
    const x = `${xPercent(year)}%`;
    svg.append(svgEl('line', { class: 'cc-tick', x1: x, x2: x, y1: axisY, y2: axisY + 4, 'aria-hidden': 'true' }));
    const text = svgEl('text', { class: 'cc-tick-label', x, y: axisY + 17, 'text-anchor': 'middle', 'aria-hidden': 'true' });
    text.textContent = String(year);
    svg.append(text);
  }
  for (const column of columns) {
    const meanYear = column.reduce((sum, g) => sum + g[0].year, 0) / column.length;
    column.forEach((group, level) => {
      // A nested <svg> placed at a percentage: its contents keep their pixel size.
      const spot = svgEl('svg', { x: `${xPercent(meanYear)}%`, y: axisY - MARKER - 3 - level * ROW, width: 1, height: 1, overflow: 'visible' });
      spot.append(marker(group, hrefOf, goToCard));
      svg.append(spot);
    });
  }

  const legend = el('ul', 'cc-legend');
  for (const stance of ['supports', 'contradicts', 'related']) {
    if (stanceCounts[stance]) legend.append(el('li', `cc-legend-item cc-stance--${stance}`, stanceIcon(stance), STANCE_LABELS[stance]));
  }
  return el('figure', 'cc-timeline', el('figcaption', 'cc-timeline-caption', 'Evidence by date'), svg, legend);
}

/** One date's marker: a link to its first card. */
function marker(group, hrefOf, goToCard) {
  const numbers = group.map((d) => d.number);
  const stances = new Set(group.map((d) => d.item.stance));
  const stance = stances.size === 1 ? group[0].item.stance : 'mixed';
  const date = formatDate(group[0].item.date);
  const describe = (d) => `card ${d.number}, ${STANCE_SHORT[d.item.stance].toLowerCase()}, ${d.item.speaker}`;
  const name = group.length === 1
    ? `${date}: ${describe(group[0])}`
    : `${date}, ${group.length} statements: ${listWords(group.map(describe))}`;

  const link = svgEl('a', { class: `cc-mark cc-mark--${stance}`, href: hrefOf ? hrefOf(numbers[0]) : '#' });
  link.dataset.cards = numbers.join(' ');
  const title = svgEl('title');
  title.textContent = name;
  link.append(title);
  let text = String(numbers[0]);
  if (group.length === 1) {
    link.append(svgEl('path', { d: shapePath(STANCE_SHAPES[stance] || 'diamond', MARKER) }));
  } else {
    text = numbers.length > MAX_LISTED ? `${numbers.slice(0, MAX_LISTED - 1).join(',')} +${numbers.length - MAX_LISTED + 1}` : numbers.join(',');
    const half = Math.max(MARKER, (text.length * CHAR_PX) / 2 + 6);
    link.append(svgEl('rect', { x: -half, y: -MARKER, width: 2 * half, height: 2 * MARKER, rx: MARKER }));
  }
  const label = svgEl('text', { 'text-anchor': 'middle', 'dominant-baseline': 'central', y: 0.5, 'aria-hidden': 'true' });
  label.textContent = text;
  link.append(label);
  // Its accessible name is its <title> (an aria-label would hide the visible numbers).
  link.addEventListener('click', (event) => {
    if (!goToCard) return;
    event.preventDefault();
    goToCard(Number(link.dataset.cards.split(' ')[0]));
  });
  return link;
}

/** Round years between first and last, at most six of them. */
function ticks(first, last) {
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => (last - first) / s <= 5) || 100;
  const years = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) years.push(year);
  return years;
}
