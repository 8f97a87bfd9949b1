import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Packages a server process needs only for some requests or jobs; `npm start` must not load them at start. */
const LOADED_ON_FIRST_USE = ['pdfkit', 'nodemailer', 'pg', 'otplib', 'jose', 'yazl', 'file-type', '@rjsf/utils', 'ajv/dist/standalone/index.js'];

/**
 * The packages an output file loads before its code runs: its static imports and, transitively, those of the chunks
 * it imports statically (dynamic import() is left out: it loads on first use).
 */
function collectStartupPackages(metafile: Metafile, entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) packages.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(entry);
  return packages;
}

describe('server start-up', () => {
  it('When the server is bundled as npm start runs it, then rarely used packages load on first use, not at start', async () => {
    // The options of `npm run build:server`, written to memory only.
    const result = await build({
      entryPoints: [join(ROOT, 'server/main.ts'), join(ROOT, 'server/worker.ts')],
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outbase: ROOT,
      outdir: join(ROOT, 'dist-server'),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const entry = Object.keys(result.metafile.outputs).find((output) => output.endsWith('server/main.js'))!;
    const atStart = collectStartupPackages(result.metafile, entry);
    expect(atStart).toContain('express');
    expect(atStart).toContain('sqlite3');
    for (const name of LOADED_ON_FIRST_USE) expect(atStart, name).not.toContain(name);
    const dynamic = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((imported) => imported.kind === 'dynamic-import').map((imported) => imported.path));
    for (const name of ['pdfkit', 'nodemailer', 'pg', 'otplib', 'jose', 'yazl', 'file-type']) expect(dynamic, name).toContain(name);
  });
});
