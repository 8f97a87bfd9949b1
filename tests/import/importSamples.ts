import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SAMPLES_DIR = resolve(import.meta.dirname, 'samples');

export interface Sample {
  family: string;
  file: string;
  /** A definition id unique among the samples, e.g. 'import-formio-formwithselectboxes'. */
  id: string;
  source: unknown;
}

/** Every collected sample form (tests/import/samples/<family>/<file>.json). */
export function loadSamples(): Sample[] {
  const samples: Sample[] = [];
  for (const family of readdirSync(SAMPLES_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    for (const file of readdirSync(join(SAMPLES_DIR, family)).filter((name) => name.endsWith('.json')).sort()) {
      const slug = file.replace(/\.json$/, '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      samples.push({ family, file, id: `import-${family}-${slug}`.slice(0, 64).replace(/-+$/, ''), source: JSON.parse(readFileSync(join(SAMPLES_DIR, family, file), 'utf8')) });
    }
  }
  return samples;
}

/** Samples that must be refused, with the reason (the rest must import and pass checkDefinition). */
export const REFUSED_SAMPLES: Readonly<Record<string, string>> = {
  'jsonschema/jsonforms-oneOf-recursive.json': 'IMPORT_CIRCULAR_REF',
  'jsonschema/rjsf-references.json': 'IMPORT_CIRCULAR_REF',
};
