import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FormDefinition } from '../../engine/generated/FormDefinition.ts';
import { importForeignForm } from '../../engine/import/importForeignForm.ts';

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

/**
 * Imports every sample that imports and writes the drafts as a catalogue (forms/<id>/<version>.json, an empty lock)
 * plus an enablements file in which Erkelenz offers each of them; returns the definitions.
 */
export async function writeImportedCatalogue(dir: string): Promise<{ formsDir: string; enablementsFile: string; definitions: FormDefinition[] }> {
  const definitions: FormDefinition[] = [];
  for (const sample of loadSamples()) {
    const result = importForeignForm(sample.source, { id: sample.id, today: '2026-12-07' });
    if (result.ok) definitions.push(result.definition);
  }
  const formsDir = join(dir, 'forms');
  await mkdir(formsDir, { recursive: true });
  await writeFile(join(formsDir, 'forms.lock.json'), '{}\n');
  for (const definition of definitions) {
    await mkdir(join(formsDir, definition.id), { recursive: true });
    await writeFile(join(formsDir, definition.id, `${definition.version}.json`), JSON.stringify(definition, null, 2));
  }
  const enablementsFile = join(dir, 'enablements.json');
  const enablements = definitions.map((definition) => ({ tenant: 'erkelenz', service: definition.id, versionPolicy: definition.version, agreedOn: '2026-12-01' }));
  await writeFile(enablementsFile, JSON.stringify(enablements));
  return { formsDir, enablementsFile, definitions };
}
