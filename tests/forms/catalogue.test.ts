import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compare } from 'semver';
import { describe, expect, it } from 'vitest';
import { catalogueProblems, formatProblem, loadCatalogue } from '../../server/catalogue/loadCatalogue.ts';
import { createFormValidator, type FormDefinition } from '../../engine/index.ts';
import { findUploadRefs, sampleFileFor } from '../helpers/uploadSamples.ts';

/**
 * Data-driven: every service under forms/ with its fixtures. A valid fixture is the data object itself;
 * an invalid one is { description, version?, expect: [{ pointer, keyword? }], data }. Fixtures apply to the
 * service's latest version unless they name one. A valid fixture's file (x-upload) is the reference a portal sends,
 * describing one of the sample files in tests/fixtures/uploads, which browser and API tests then upload.
 */
const FORMS_DIR = 'forms';

interface InvalidFixture {
  description: string;
  version?: string;
  expect: { pointer: string; keyword?: string }[];
  data: unknown;
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

const catalogue = await loadCatalogue(FORMS_DIR);
const services = new Map<string, FormDefinition[]>();
for (const file of catalogue.files) {
  const definition = file.definition as FormDefinition;
  services.set(definition.id, [...(services.get(definition.id) ?? []), definition]);
}
for (const versions of services.values()) versions.sort((a, b) => compare(a.version, b.version));

const fixtureCases: { service: string; kind: 'valid' | 'invalid'; name: string; path: string }[] = [];
for (const service of [...services.keys()].sort()) {
  for (const kind of ['valid', 'invalid'] as const) {
    for (const name of await jsonFiles(join(FORMS_DIR, service, 'fixtures', kind))) {
      fixtureCases.push({ service, kind, name, path: join(FORMS_DIR, service, 'fixtures', kind, name) });
    }
  }
}

describe('catalogue forms/', () => {
  const validator = createFormValidator();

  it('passes checkCatalogue (definitions, lock, version bumps)', () => {
    expect(catalogueProblems(catalogue).map(formatProblem)).toEqual([]);
  });

  it.each([...services.keys()].sort())('%s has at least one valid and one invalid fixture', (service) => {
    expect(fixtureCases.filter((c) => c.service === service && c.kind === 'valid').length).toBeGreaterThan(0);
    expect(fixtureCases.filter((c) => c.service === service && c.kind === 'invalid').length).toBeGreaterThan(0);
  });

  it.each(fixtureCases.map((c) => [`${c.service} ${c.kind}/${c.name}`, c] as const))('%s', async (_name, fixture) => {
    const versions = services.get(fixture.service)!;
    const content = JSON.parse(await readFile(fixture.path, 'utf8')) as unknown;
    if (fixture.kind === 'valid') {
      const definition = versions[versions.length - 1]!;
      expect(validator.validate(definition, content).errors).toEqual([]);
      for (const { ref } of findUploadRefs(content)) expect(() => sampleFileFor(ref)).not.toThrow();
      return;
    }
    const invalid = content as InvalidFixture;
    expect(invalid.description, 'invalid fixtures need a description').toBeTypeOf('string');
    expect(invalid.expect.length, 'invalid fixtures need expected errors').toBeGreaterThan(0);
    const definition = invalid.version ? versions.find((d) => d.version === invalid.version) : versions[versions.length - 1];
    expect(definition, `version ${invalid.version} of ${fixture.service}`).toBeDefined();
    const result = validator.validate(definition!, invalid.data);
    expect(result.valid).toBe(false);
    for (const expected of invalid.expect) {
      expect(result.errors, `${invalid.description}: expected an error at ${expected.pointer}`).toContainEqual(
        expect.objectContaining(expected.keyword ? { pointer: expected.pointer, keyword: expected.keyword } : { pointer: expected.pointer }),
      );
    }
    for (const error of result.errors) expect(error.message).toMatch(/[a-zäöüß]{3}/i);
  });
});
