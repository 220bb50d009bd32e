#!/usr/bin/env node
/**
 * Gzip size of the JS a browser loads for the login page + the roster (干部名册):
 * the entry chunk and its static imports, plus the lazily imported Roster chunk and its static imports.
 * Usage: node packages/web/scripts/bundle-size.mjs [--json]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = readdirSync(assets).filter((f) => f.endsWith('.js'));

/** static imports of a chunk (import … from "./x.js" and bare side-effect imports) */
function staticImports(file) {
  const src = readFileSync(join(assets, file), 'utf8');
  const out = new Set();
  for (const m of src.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) out.add(m[1]);
  return [...out];
}

function closure(start) {
  const seen = new Set();
  const stack = [...start];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...staticImports(f));
  }
  return seen;
}

const entries = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
const login = closure(entries);
const roster = files.find((f) => /^Roster-/.test(f));
const withRoster = closure([...login, roster]);
const gz = (f) => gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
const sum = (set) => [...set].reduce((s, f) => s + gz(f), 0);
const result = {
  loginKB: +(sum(login) / 1024).toFixed(1),
  loginPlusRosterKB: +(sum(withRoster) / 1024).toFixed(1),
  chunks: Object.fromEntries([...withRoster].map((f) => [f, +(gz(f) / 1024).toFixed(1)])),
  allJsKB: +(files.reduce((s, f) => s + gz(f), 0) / 1024).toFixed(1),
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else {
  for (const [f, k] of Object.entries(result.chunks)) console.log(`${String(k).padStart(8)} KB  ${f}`);
  console.log(`login: ${result.loginKB} KB gzip; login + roster: ${result.loginPlusRosterKB} KB gzip (target ≤ 600); all JS: ${result.allJsKB} KB`);
}
