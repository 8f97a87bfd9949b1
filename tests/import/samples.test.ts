import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as validate } from '../../cli/commands/validate.ts';
import { checkDefinition } from '../../engine/checkDefinition.ts';
import { createFormValidator } from '../../engine/createFormValidator.ts';
import { importForeignForm } from '../../engine/import/importForeignForm.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';
import { buildValidData } from './buildValidData.ts';
import { loadSamples, REFUSED_SAMPLES, writeImportedCatalogue } from './importSamples.ts';

const samples = loadSamples();

describe('import of the collected real forms', () => {
  let server: StartedServer;
  let dir: string;
  let formsDir: string;

  beforeAll(async () => {
    // The imported drafts become the catalogue of a real server; Erkelenz offers each of them.
    dir = await mkdtemp(join(tmpdir(), 'kreisform-import-samples-'));
    const catalogue = await writeImportedCatalogue(dir);
    formsDir = catalogue.formsDir;
    server = await startServer({ config: { formsDir, enablementsFile: catalogue.enablementsFile } });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('When the imported drafts form a catalogue, then npm run forms -- validate accepts it', async () => {
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await validate(['--dir', formsDir])).toBe(0);
      expect(errors.mock.calls).toEqual([]);
    } finally {
      logs.mockRestore();
      errors.mockRestore();
    }
  });

  it('has at least 12 forms across the four families', () => {
    const families = new Set(samples.map((sample) => sample.family));
    expect(samples.length).toBeGreaterThanOrEqual(12);
    expect([...families].sort()).toEqual(['digiwf', 'formio', 'jsonschema', 'surveyjs']);
  });

  it.each(samples.map((sample) => [`${sample.family}/${sample.file}`, sample] as const))(
    'When %s is imported, then it is refused with a reason or passes checkDefinition, and a valid submission built from its schema is accepted by the server',
    async (name, sample) => {
      const result = importForeignForm(sample.source, { id: sample.id, today: '2026-12-07' });
      const refusal = REFUSED_SAMPLES[name];
      if (refusal) {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.code).toBe(refusal);
          expect(result.path).toMatch(/\/\$ref$/);
          expect(result.message).toContain(result.path);
        }
        return;
      }
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.kind).toBe(sample.family);
      expect(checkDefinition(result.definition)).toEqual([]);
      expect(result.problems).toEqual([]);
      expect(result.definition.source?.kind).toBe(sample.family);
      expect(result.report.length).toBeGreaterThan(0);
      for (const entry of result.report) expect(entry.message).toMatch(/[a-zäöüß]/);

      const data = buildValidData(result.definition.schema);
      const local = createFormValidator().validate(result.definition, data);
      expect(local.valid ? [] : local.errors).toEqual([]);
      const response = await fetch(`${server.baseUrl}/api/v1/tenants/erkelenz/services/${sample.id}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(data),
      });
      const body = await response.text();
      expect({ status: response.status, body: response.status === 201 ? '' : body }).toEqual({ status: 201, body: '' });
    },
  );
});
