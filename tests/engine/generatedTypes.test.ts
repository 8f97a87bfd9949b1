import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { definitionTypePath, generateDefinitionType } from '../../cli/generateDefinitionType.ts';
import { run as runTypes } from '../../cli/commands/types.ts';
import { generateTypes, typeNameOf } from '../../engine/generateTypes.ts';
import { makeDefinition } from './makeDefinition.ts';

describe('generated types', () => {
  it('engine/generated/FormDefinition.ts matches the meta-schema (run `npm run gen:types` when this fails)', async () => {
    expect(await readFile(definitionTypePath, 'utf8')).toBe(await generateDefinitionType());
  });

  it('types/ matches every definition in forms/ (run `npm run forms -- types` when this fails)', async () => {
    expect(await runTypes(['--check'])).toBe(0);
  });

  it.each([
    ['hundesteuer-anmeldung', 'HundesteuerAnmeldung'],
    ['sperrmuell-anmeldung', 'SperrmuellAnmeldung'],
    ['123-test', 'Form123Test'],
  ])('names the type of %s %s', (id, name) => {
    expect(typeNameOf(id)).toBe(name);
  });

  it('keeps field titles as documentation instead of type aliases', async () => {
    const source = await generateTypes(makeDefinition());
    expect(source).toContain('export interface TestAntrag');
    expect(source).toMatch(/\/\*\*\s+\* Vorname\s+\*\/\s+vorname: string;/);
    expect(source).not.toContain('export type Vorname');
    expect(source).toContain('bemerkung?: string;');
  });

  it('When a definition has a file field (x-upload), then its type is the file reference, not an empty object', async () => {
    const definition = makeDefinition();
    const properties = (definition.schema as { properties: Record<string, unknown> }).properties;
    properties.nachweis = { type: 'object', title: 'Nachweis', 'x-upload': { maxBytes: 1024, types: ['application/pdf', 'image/png'] } };
    const source = await generateTypes(definition);
    expect(source).toMatch(
      /\* Nachweis\s+\*\/\s+nachweis\?: \{\s+token\?: string;\s+id\?: string;\s+name: string;\s+type: 'application\/pdf' \| 'image\/png';\s+size: number;\s+sha256: string;\s+\};/,
    );
    expect(source).not.toContain('[k: string]: unknown');
  });
});
