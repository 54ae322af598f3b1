// The scripts page: fetches each listed file again and shows the SHA-384 digest of what this browser
// received beside the digest the pages demand, so that a person can see the two agree.

import { toBase64 } from './der.js';

for (const cell of document.querySelectorAll('[data-path]')) {
  const shown = document.querySelector(`[data-loaded-for="${CSS.escape(cell.dataset.path)}"]`);
  fetch(cell.dataset.path, { cache: 'force-cache' })
    .then((r) => r.arrayBuffer())
    .then((body) => crypto.subtle.digest('SHA-384', body))
    .then((d) => {
      const received = `sha384-${toBase64(new Uint8Array(d))}`;
      shown.textContent = received === cell.dataset.integrity ? `${received} (the same)` : `${received} (DIFFERENT)`;
    })
    .catch(() => {
      shown.textContent = 'could not be fetched';
    });
}
