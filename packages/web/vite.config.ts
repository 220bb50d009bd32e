import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zc, gzip } from 'node:zlib';
import { earlyScript, type EarlyPlan } from './src/api/early';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.CADRE_API ?? 'http://127.0.0.1:3000';

/**
 * Writes `<file>.br` and `<file>.gz` next to every compressible build file, once at build time; the
 * server sends them as they are (packages/server/src/http/static.ts, `preCompressed`).
 */
function precompress(): Plugin {
  const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|wasm|txt|map)$/;
  const MIN_BYTES = 1024;
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  let outDir = '';
  return {
    name: 'cadre:precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    async closeBundle() {
      const files: string[] = [];
      const walk = async (dir: string) => {
        for (const e of await readdir(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) await walk(p);
          else if (COMPRESSIBLE.test(e.name)) files.push(p);
        }
      };
      await walk(outDir);
      await Promise.all(
        files.map(async (f) => {
          if ((await stat(f)).size < MIN_BYTES) return;
          const data = await readFile(f);
          // brotli quality 11 is slow on multi-MB files (the HiGHS wasm): 9 is within ~3 % of it there
          const quality = data.length > 1_000_000 ? 9 : 11;
          const [b, g] = await Promise.all([
            br(data, { params: { [zc.BROTLI_PARAM_QUALITY]: quality, [zc.BROTLI_PARAM_SIZE_HINT]: data.length } }),
            gz(data, { level: 9 }),
          ]);
          // only keep an encoding that saves something
          if (b.length < data.length * 0.95) await writeFile(`${f}.br`, b);
          if (g.length < data.length * 0.95) await writeFile(`${f}.gz`, g);
        }),
      );
    },
  };
}

/**
 * Start-up hints in index.html (src/api/early.ts): on a full page load the session check, the code
 * lists and — on /cadres — the first roster page are requested while the JS is still downloading,
 * and the roster page's chunks are preloaded (on /login: prefetched at idle priority for after the login).
 */
function earlyHints(): Plugin {
  return {
    name: 'cadre:early-hints',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        // everything the entry loads statically is already in the page
        const inEntry = new Set<string>();
        const addStatic = (file: string, into: Set<string>) => {
          if (into.has(file)) return;
          into.add(file);
          for (const i of byName.get(file)?.imports ?? []) addStatic(i, into);
        };
        if (entry) addStatic(entry.fileName, inEntry);
        const pageChunks = (src: string): string[] => {
          const page = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(src));
          if (!page) return [];
          const files = new Set<string>();
          addStatic(page.fileName, files);
          return [...files].filter((f) => !inEntry.has(f)).map((f) => `/${f}`);
        };
        const plan: EarlyPlan = { rosterChunks: pageChunks('/src/pages/Roster.tsx') };
        const script = `<script>${earlyScript(plan)}</script>`;
        // right after <meta charset>, before the stylesheet: an inline script after a stylesheet waits for it
        const charset = /<meta charset=[^>]*>/i.exec(html);
        if (!charset) return { html, tags: [{ tag: 'script', children: earlyScript(plan), injectTo: 'head-prepend' }] };
        const at = charset.index + charset[0].length;
        return html.slice(0, at) + '\n    ' + script + html.slice(at);
      },
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), earlyHints(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Heavy chart library: only pulled in by lazily loaded pages (profile).
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            // antd is deliberately NOT one group: left to automatic splitting, the roster/login pages only
            // load the antd modules they use (Table, Form …) and the profile's extra components load with it.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
