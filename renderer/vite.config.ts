import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { purgeUnusedKernRules } from './purgeUnusedKernRules.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The HTML entry pages of the renderer (multi-page build). Add a page with one line: name -> file in renderer/.
 * A listed page whose file does not exist yet is skipped, so the build works while it is being written.
 */
const PAGES: Record<string, string> = {
  portal: 'portal.html',
  staff: 'staff.html',
};

// RENDERER_PAGES=portal builds only some pages (e.g. while another page is being written).
const only = process.env.RENDERER_PAGES?.split(',').filter(Boolean);

const input = Object.fromEntries(
  Object.entries(PAGES)
    .filter(([name]) => !only || only.includes(name))
    .map(([name, file]) => [name, `${root}${file}`] as const)
    .filter(([, path]) => existsSync(path)),
);

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    // rjsf's markdown rendering is replaced by plain text (see shared/kern/PlainMarkdown.tsx).
    alias: { 'markdown-to-jsx/react': `${root}shared/kern/PlainMarkdown.tsx` },
  },
  // Only the KERN rules that can match our markup (the stylesheet's size costs the first paint, see the plugin).
  css: { postcss: { plugins: [purgeUnusedKernRules([root])] } },
  publicDir: `${root}public`,
  build: {
    // RENDERER_OUT_DIR builds elsewhere (e.g. a private copy for a benchmark); default dist/renderer.
    outDir: process.env.RENDERER_OUT_DIR ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // No data: URIs: every asset is a file (the CSP allows data: only for KERN's CSS mask icons).
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
    // .vite/manifest.json: the server preloads the form page's lazily loaded chunks on the form route.
    manifest: true,
    rollupOptions: { input },
  },
});
