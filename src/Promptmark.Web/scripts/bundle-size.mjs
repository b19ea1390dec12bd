// Reports the JavaScript the browser loads first (index.html's entry and its static imports) and in total, gzipped.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static imports only: `import ... from "./x.js"` / `import "./x.js"` (dynamic import() chunks load later).
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
};
entry.forEach(visit);
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const first = [...seen].reduce((t, f) => t + gz(f), 0);
const total = all.reduce((t, f) => t + gz(f), 0);
console.log(`first load: ${seen.size} JS files, ${kb(first)} gzip`);
console.log(`total:      ${all.length} JS files, ${kb(total)} gzip`);
for (const f of seen) console.log(`  ${f}  ${kb(gz(f))}`);
if (first > 300 * 1024) { console.error('first load is over the 300 KB gzip budget'); process.exit(1); }
