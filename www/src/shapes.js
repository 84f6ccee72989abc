// Stance shapes, shared by the badges, the timeline and its legend, so that shape (and
// a label) carries stance as well as colour: supports = circle, contradicts = square,
// related = diamond. Verdicts reuse them; disputed is a triangle, no evidence a ring.

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgEl(tag, attributes = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** The outline of a shape centred on (0, 0) with half-size r. */
export function shapePath(shape, r) {
  switch (shape) {
    case 'square': return `M${-r * 0.9} ${-r * 0.9}H${r * 0.9}V${r * 0.9}H${-r * 0.9}Z`;
    case 'diamond': return `M0 ${-r * 1.3}L${r * 1.3} 0L0 ${r * 1.3}L${-r * 1.3} 0Z`;
    case 'triangle': return `M0 ${-r * 1.1}L${r * 1.1} ${r * 0.85}L${-r * 1.1} ${r * 0.85}Z`;
    default: return `M${-r} 0A${r} ${r} 0 1 0 ${r} 0A${r} ${r} 0 1 0 ${-r} 0Z`;
  }
}

export const STANCE_SHAPES = { supports: 'circle', contradicts: 'square', related: 'diamond' };
const VERDICT_SHAPES = { supported: 'circle', contradicted: 'square', disputed: 'triangle', no_evidence: 'circle' };

// Glyphs drawn inside the shapes, as paths (no font needed).
const GLYPHS = {
  check: 'M-4.2 0.2L-1.3 3.1L4.4 -3.2',
  cross: 'M-3.4 -3.4L3.4 3.4M3.4 -3.4L-3.4 3.4',
  bang: 'M0 -4.2V1.2M0 3.6V3.7',
  question: 'M-2.6 -2.2A2.7 2.7 0 1 1 0.6 0.4C0 0.8 0 1.4 0 2M0 4.2V4.3',
};
const STANCE_GLYPHS = { supports: 'check', contradicts: 'cross', related: null };
const VERDICT_GLYPHS = { supported: 'check', contradicted: 'cross', disputed: 'bang', no_evidence: 'question' };

/** A 1em icon: the shape filled with the current colour, its glyph cut out in the background colour. */
function icon(shape, glyph, hollow) {
  const svg = svgEl('svg', { viewBox: '-8 -8 16 16', class: 'cc-icon', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(svgEl('path', hollow
    ? { d: shapePath(shape, 5.5), fill: 'none', stroke: 'currentColor', 'stroke-width': 1.8 }
    : { d: shapePath(shape, 7.2), fill: 'currentColor' }));
  if (glyph) {
    svg.append(svgEl('path', {
      d: GLYPHS[glyph], fill: 'none', 'stroke-width': 1.9, 'stroke-linecap': 'round', 'stroke-linejoin': 'round',
      stroke: 'currentColor', class: hollow ? '' : 'cc-icon-glyph',
    }));
  }
  return svg;
}

export function stanceIcon(stance) {
  return icon(STANCE_SHAPES[stance] || 'diamond', STANCE_GLYPHS[stance], stance === 'related');
}

export function verdictIcon(verdict) {
  return icon(VERDICT_SHAPES[verdict] || 'circle', VERDICT_GLYPHS[verdict], verdict === 'no_evidence');
}
