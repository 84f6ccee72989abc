// Progress while a bundle loads, shared by the reader page and the widget: a <progress>
// bar (role progressbar, its value also given as text) with the bytes or the count
// beside it, and the phase ("Downloading the bundle…", "Preparing 100,000
// statements…") written to the caller's role=status element, which announces each phase
// once — the byte counts change many times a second and are not announced.

import { el } from './format.js';

const numbers = new Intl.NumberFormat('en');

/** "23.5 MB", "880 KB". */
export function formatBytes(n) {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1e3))} KB`;
}

export class LoadProgress {
  /** @param {HTMLElement} status the role=status element the phase goes into */
  constructor(status) {
    this.status = status;
    this.bar = el('progress', 'cc-progress-bar');
    this.bar.setAttribute('aria-label', 'Loading the bundle');
    this.detail = el('span', 'cc-progress-detail');
    this.node = el('div', 'cc-progress', this.bar, this.detail);
    this.node.hidden = true;
  }

  /** @param {{phase: 'download', loaded: number, total: number|null} | {phase: 'prepare', statements: number|null}} p */
  update(p) {
    this.node.hidden = false;
    let phase;
    let detail;
    if (p.phase === 'download') {
      phase = 'Downloading the bundle…';
      if (p.total) {
        this.bar.max = p.total;
        this.bar.value = p.loaded;
        detail = `${formatBytes(p.loaded)} of ${formatBytes(p.total)}`;
      } else {
        this.bar.removeAttribute('value'); // indeterminate
        detail = `${formatBytes(p.loaded)}`;
      }
    } else {
      phase = p.statements ? `Preparing ${numbers.format(p.statements)} statements…` : 'Preparing the bundle…';
      this.bar.removeAttribute('value');
      detail = '';
    }
    if (this.status.textContent !== phase) this.status.textContent = phase;
    this.detail.textContent = detail;
    if (detail) this.bar.setAttribute('aria-valuetext', detail);
    else this.bar.removeAttribute('aria-valuetext');
  }

  hide() {
    this.node.hidden = true;
    this.bar.removeAttribute('value');
    this.detail.textContent = '';
  }
}
