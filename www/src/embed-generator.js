// The embed generator (dist/embed.html): a newsroom writes a claim, picks compact, colours,
// heading level and a report address, sees the <claim-check> widget live, and copies the
// snippet, with the Subresource Integrity hash of this build's claim-check.js (baked in
// by scripts/build-web.mjs), or the pym.js iframe embed.

const WIDGET_INTEGRITY = __WIDGET_INTEGRITY__;

const $ = (id) => document.getElementById(id);
const fields = ['embed-claim', 'embed-base', 'embed-compact', 'embed-theme', 'embed-accent', 'embed-heading', 'embed-report'];
$('embed-base').value = new URL('./', location.href).href;

/** Text as an HTML attribute value. */
function attribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function options() {
  let base = $('embed-base').value.trim() || new URL('./', location.href).href;
  if (!base.endsWith('/')) base += '/';
  return {
    claim: $('embed-claim').value.trim(),
    base,
    compact: $('embed-compact').checked,
    theme: $('embed-theme').value,
    accent: $('embed-accent').value,
    heading: $('embed-heading').value,
    report: $('embed-report').value.trim(),
  };
}

/** The element's style: the accent (and focus ring) colour, and a fixed colour scheme if chosen. */
function styleOf({ accent, theme }) {
  const parts = [];
  if (accent.toLowerCase() !== '#0a58ca') parts.push(`--cc-accent: ${accent}`, `--cc-focus: ${accent}`);
  if (theme !== 'auto') parts.push(`color-scheme: ${theme}`);
  return parts.join('; ');
}

function widgetSnippet(o) {
  const attributes = [`claim="${attribute(o.claim)}"`];
  if (o.compact) attributes.push('compact');
  if (o.heading !== '2') attributes.push(`heading-level="${o.heading}"`);
  if (o.report) attributes.push(`report-url="${attribute(o.report)}"`);
  const style = styleOf(o);
  if (style) attributes.push(`style="${attribute(style)}"`);
  return `<script type="module" src="${attribute(o.base)}claim-check.js" integrity="${WIDGET_INTEGRITY}" crossorigin="anonymous"></script>\n`
    + `<claim-check ${attributes.join(' ')}></claim-check>`;
}

function pymSnippet(o) {
  const page = `${o.base}index.html#claim=${encodeURIComponent(o.claim)}`;
  return `<div id="claimcheck" data-pym-src="${attribute(page)}"><a href="${attribute(page)}">Check this claim with claimcheck</a></div>\n`
    + `<script src="${attribute(o.base)}vendor/pym.v1.min.js"></script>`;
}

function preview(o) {
  let widget = $('embed-preview').querySelector('claim-check');
  if (!widget) {
    widget = document.createElement('claim-check');
    $('embed-preview').append(widget);
  }
  widget.toggleAttribute('compact', o.compact);
  widget.setAttribute('heading-level', o.heading);
  if (o.report) widget.setAttribute('report-url', o.report);
  else widget.removeAttribute('report-url');
  // Set property by property: a CSP without 'unsafe-inline' for styles still allows these.
  widget.style.removeProperty('--cc-accent');
  widget.style.removeProperty('--cc-focus');
  widget.style.removeProperty('color-scheme');
  if (o.accent.toLowerCase() !== '#0a58ca') {
    widget.style.setProperty('--cc-accent', o.accent);
    widget.style.setProperty('--cc-focus', o.accent);
  }
  if (o.theme !== 'auto') widget.style.setProperty('color-scheme', o.theme);
  if (widget.getAttribute('claim') !== o.claim) widget.setAttribute('claim', o.claim);
}

let timer;
function update() {
  const o = options();
  $('snippet-widget').value = widgetSnippet(o);
  $('snippet-pym').value = pymSnippet(o);
  clearTimeout(timer);
  timer = setTimeout(() => preview(o), 250);
}

for (const id of fields) {
  $(id).addEventListener('input', update);
  $(id).addEventListener('change', update);
}
for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const field = $(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(field.value);
      $('embed-copy-status').textContent = 'Copied.';
    } catch {
      field.focus();
      field.select();
      $('embed-copy-status').textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
}
update();
preview(options());
