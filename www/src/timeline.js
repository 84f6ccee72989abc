// The evidence on a time axis, as inline SVG. Markers are numbered like the evidence
// cards and shaped by stance (see shapes.js); items at (nearly) the same date stack up.
// Positions are percentages of the width, so the picture reflows from a 360-px phone
// to a desktop without scaling its text.

import { STANCE_LABELS, STANCE_SHORT, dateToYear, el, formatDate } from './format.js';
import { STANCE_SHAPES, shapePath, stanceIcon, svgEl } from './shapes.js';

const MARKER = 10; // half-size in px
const ROW = 23; // vertical distance between stacked markers
const TOP = 4;
const EDGE = 6; // % of the width kept free at each end, so edge markers are not cut
const SAME_SPOT = 0.045; // share of the span within which markers stack rather than overlap

export function timelineFigure(evidence) {
  const dated = evidence
    .map((item, i) => ({ item, number: i + 1, year: dateToYear(item.date) }))
    .filter((d) => d.year !== null)
    .sort((a, b) => a.year - b.year || a.number - b.number);
  if (dated.length === 0) return null;

  let first = Math.floor(dated[0].year);
  let last = Math.ceil(dated[dated.length - 1].year);
  if (last - first < 1) last = first + 1;
  const span = last - first;
  const share = (year) => (year - first) / span;
  const xPercent = (year) => EDGE + share(year) * (100 - 2 * EDGE);

  // Stack markers that would overlap into columns.
  const columns = [];
  for (const d of dated) {
    const column = columns[columns.length - 1];
    if (column && share(d.year) - share(column[0].year) < SAME_SPOT) column.push(d);
    else columns.push([d]);
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
    + (undated ? ` ${undated} undated.` : '');

  const svg = svgEl('svg', { class: 'cc-timeline-svg', width: '100%', height, role: 'img', 'aria-label': label });
  svg.append(svgEl('line', { class: 'cc-axis', x1: `${EDGE / 2}%`, x2: `${100 - EDGE / 2}%`, y1: axisY, y2: axisY }));
  for (const year of ticks(first, last)) {
    const x = `${xPercent(year)}%`;
    svg.append(svgEl('line', { class: 'cc-tick', x1: x, x2: x, y1: axisY, y2: axisY + 4 }));
    const text = svgEl('text', { class: 'cc-tick-label', x, y: axisY + 17, 'text-anchor': 'middle' });
    text.textContent = String(year);
    svg.append(text);
  }
  for (const column of columns) {
    const meanYear = column.reduce((sum, d) => sum + d.year, 0) / column.length;
    column.forEach((d, level) => {
      // A nested <svg> placed at a percentage: its contents keep their pixel size.
      const spot = svgEl('svg', { x: `${xPercent(meanYear)}%`, y: axisY - MARKER - 3 - level * ROW, width: 1, height: 1, overflow: 'visible' });
      const mark = svgEl('g', { class: `cc-mark cc-mark--${d.item.stance}` });
      const title = svgEl('title');
      title.textContent = `${d.number}. ${STANCE_SHORT[d.item.stance]}: ${d.item.speaker}, ${formatDate(d.item.date)}`;
      const number = svgEl('text', { 'text-anchor': 'middle', 'dominant-baseline': 'central', y: 0.5 });
      number.textContent = String(d.number);
      mark.append(title, svgEl('path', { d: shapePath(STANCE_SHAPES[d.item.stance] || 'diamond', MARKER) }), number);
      spot.append(mark);
      svg.append(spot);
    });
  }

  const legend = el('ul', 'cc-legend');
  for (const stance of ['supports', 'contradicts', 'related']) {
    if (stanceCounts[stance]) legend.append(el('li', `cc-legend-item cc-stance--${stance}`, stanceIcon(stance), STANCE_LABELS[stance]));
  }
  return el('figure', 'cc-timeline', el('figcaption', 'cc-timeline-caption', 'Evidence by date'), svg, legend);
}

/** Round years between first and last, at most six of them. */
function ticks(first, last) {
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => (last - first) / s <= 5) || 100;
  const years = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) years.push(year);
  return years;
}
