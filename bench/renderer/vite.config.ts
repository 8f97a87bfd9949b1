import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { purgeUnusedKernRules } from '../../renderer/purgeUnusedKernRules.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const page = process.env.BENCH_PAGE === 'bare' ? 'bare' : 'kern';

/** The two benchmark pages: the kreisform form (KernForm, precompiled validator) and a bare @rjsf/core form. */
export default defineConfig({
  root,
  plugins: [react()],
  // The kreisform page is built like the portal (markdown-to-jsx replaced); the bare page keeps stock rjsf.
  resolve: page === 'kern' ? { alias: { 'markdown-to-jsx/react': `${root}../../renderer/shared/kern/PlainMarkdown.tsx` } } : {},
  // Like the portal: only the KERN rules that can match the markup of the renderer (and of this page).
  css: page === 'kern' ? { postcss: { plugins: [purgeUnusedKernRules([`${root}../../renderer`, root])] } } : {},
  build: {
    outDir: process.env.BENCH_OUT_DIR ?? fileURLToPath(new URL('../../dist/bench-renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
    // The kreisform page's server preloads its lazily loaded validation runtime, as the portal's form route does.
    manifest: true,
    // One page per build (BENCH_PAGE=kern|bare), so each page's bundle is measured alone.
    rollupOptions: { input: { [page]: `${root}${page}.html` } },
  },
});
