import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, checkCatalogue, lockKey, lockValue, type CatalogueFile } from '../../engine/index.ts';
import { clone, makeDefinition } from './makeDefinition.ts';

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');
const v1 = makeDefinition();
const v11 = (() => {
  const d = clone(v1);
  d.version = '1.1.0';
  (d.schema.properties as Record<string, unknown>).telefon = { type: 'string', maxLength: 30 };
  return d;
})();
const file = (definition: unknown, path?: string): CatalogueFile => {
  const d = definition as { id: string; version: string };
  return { path: path ?? `forms/${d.id}/${d.version}.json`, definition };
};
const lockOf = (...definitions: { id: string; version: string }[]): Record<string, string> =>
  Object.fromEntries(definitions.map((d) => [lockKey(d.id, d.version), lockValue(d, hash)]));

describe('checkCatalogue', () => {
  it('accepts consistent files and lock', () => {
    expect(checkCatalogue({ files: [file(v1), file(v11)], lock: lockOf(v1, v11), hash })).toEqual([]);
  });

  it('hashes the canonical JSON with a sha256: prefix', () => {
    expect(lockValue(v1, hash)).toBe(`sha256:${createHash('sha256').update(canonicalJson(v1)).digest('hex')}`);
    expect(lockValue(v1, (t) => `sha256:${hash(t)}`)).toBe(lockValue(v1, hash));
  });

  it('accepts a reformatted published file (same canonical content)', () => {
    const reordered = Object.fromEntries(Object.entries(clone(v1)).reverse());
    expect(checkCatalogue({ files: [file(reordered, 'forms/test-antrag/1.0.0.json')], lock: lockOf(v1), hash })).toEqual([]);
  });

  it('rejects a changed published version, naming the file', () => {
    const changed = clone(v1);
    changed.title = 'Geänderter Titel';
    const problems = checkCatalogue({ files: [file(changed)], lock: lockOf(v1), hash });
    expect(problems).toEqual([expect.objectContaining({ file: 'forms/test-antrag/1.0.0.json', code: 'published-changed' })]);
    expect(problems[0]!.message).toContain('forms/test-antrag/1.0.0.json changed after test-antrag@1.0.0 was published');
  });

  it.each([
    ['a file in the wrong folder', [file(v1, 'forms/anderer/1.0.0.json')], {}, 'path-mismatch', 'forms/anderer/1.0.0.json'],
    ['a file with the wrong version name', [file(v1, 'forms/test-antrag/1.0.1.json')], {}, 'path-mismatch', 'forms/test-antrag/1.0.1.json'],
    ['a published version without file', [], lockOf(v1), 'published-missing', 'forms/forms.lock.json'],
    ['a malformed lock value', [file(v1)], { 'test-antrag@1.0.0': 'md5:abc' }, 'lock-invalid', 'forms/forms.lock.json'],
    ['an invalid definition', [file({ ...clone(v1), retentionDays: 0 })], {}, 'meta-schema', 'forms/test-antrag/1.0.0.json'],
    ['the same version twice', [file(v1), file(v1, 'forms/test-antrag/1.0.0.json')], {}, 'duplicate-version', 'forms/test-antrag/1.0.0.json'],
  ])('reports %s', (_name, files, lock, code, path) => {
    expect(checkCatalogue({ files, lock, hash })).toContainEqual(expect.objectContaining({ code, file: path }));
  });

  it('compares the versions of one service consecutively in semver order', () => {
    const v2 = clone(v11);
    v2.version = '1.10.0';
    delete (v2.schema.properties as Record<string, unknown>).bemerkung;
    // Files out of order: 1.10.0 must be compared with 1.1.0, not with 1.0.0 and not as a string.
    const problems = checkCatalogue({ files: [file(v2), file(v1), file(v11)], lock: {}, hash });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'forms/test-antrag/1.10.0.json', code: 'version-bump-too-small' }),
    ]);
    expect(problems[0]!.message).toContain('compared with forms/test-antrag/1.1.0.json');
    expect(problems[0]!.message).toContain('property "bemerkung" removed');
  });
});
