import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkVersionBump, diffDefinitions, requiredBump, type DefinitionChange, type FormDefinition } from '../../engine/index.ts';
import { clone, makeDefinition } from './makeDefinition.ts';

type Props = Record<string, Record<string, unknown>>;
const base = makeDefinition({
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['antragsteller', 'art'],
    properties: {
      antragsteller: { $ref: '#/$defs/person' },
      art: { type: 'string', enum: ['hund', 'katze'] },
      rasse: { type: 'string', title: 'Rasse', oneOf: [{ const: 'dackel', title: 'Dackel' }, { const: 'pudel', title: 'Pudel' }] },
      anzahl: { type: 'integer', minimum: 1, maximum: 5 },
      bemerkung: { type: 'string', minLength: 2, maxLength: 500 },
      plz: { type: 'string', pattern: '^[0-9]{5}$', maxLength: 5 },
      email: { type: 'string', format: 'email', maxLength: 200 },
      halter: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'string', maxLength: 50 } },
      firma: { type: 'string', maxLength: 100 },
    },
    if: { properties: { art: { const: 'hund' } }, required: ['art'] },
    then: { required: ['rasse'] },
    $defs: {
      person: {
        type: 'object',
        additionalProperties: false,
        required: ['vorname'],
        properties: { vorname: { type: 'string', maxLength: 50 }, nachname: { type: 'string', maxLength: 50 } },
      },
    },
  },
  uiSchema: { bemerkung: { 'ui:widget': 'textarea', 'ui:help': 'Freiwillig.' } },
});

function props(definition: FormDefinition): Props {
  return definition.schema.properties as Props;
}
function person(definition: FormDefinition): Record<string, unknown> {
  return (definition.schema.$defs as Record<string, Record<string, unknown>>).person!;
}
function change(edit: (next: FormDefinition) => void): FormDefinition {
  const next = clone(base);
  next.version = '9.0.0';
  edit(next);
  return next;
}

type Case = [string, (next: FormDefinition) => void, DefinitionChange['kind'], string, RegExp];
const cases: Case[] = [
  // breaking
  ['property removed', (d) => delete props(d).bemerkung, 'breaking', '/schema/properties/bemerkung', /property "bemerkung" removed/],
  ['property renamed', (d) => { props(d).hinweis = props(d).bemerkung!; delete props(d).bemerkung; }, 'breaking', '/schema/properties/hinweis', /renamed: "bemerkung" -> "hinweis"/],
  ['nested property removed ($defs)', (d) => delete (person(d).properties as Props).nachname, 'breaking', '/schema/$defs/person/properties/nachname', /removed/],
  ['type changed', (d) => { props(d).anzahl!.type = 'string'; delete props(d).anzahl!.minimum; delete props(d).anzahl!.maximum; props(d).anzahl!.maxLength = 3; }, 'breaking', '/schema/properties/anzahl/type', /type changed/],
  ['type narrowed number -> integer', (d) => { props(d).bemerkung = { type: 'string', maxLength: 500 }; props(d).anzahl!.type = 'integer'; props(d).firma = { type: 'integer' }; }, 'breaking', '/schema/properties/firma/type', /type changed/],
  ['new required property', (d) => { props(d).geburtsdatum = { type: 'string', format: 'date', maxLength: 10 }; (d.schema.required as string[]).push('geburtsdatum'); }, 'breaking', '/schema/properties/geburtsdatum', /new required property/],
  ['optional property became required', (d) => (d.schema.required as string[]).push('firma'), 'breaking', '/schema/properties/firma', /became required/],
  ['nested property became required', (d) => (person(d).required as string[]).push('nachname'), 'breaking', '/schema/$defs/person/properties/nachname', /became required/],
  ['enum value removed', (d) => { props(d).art!.enum = ['hund']; }, 'breaking', '/schema/properties/art/enum', /enum value "katze" removed/],
  ['option (oneOf const) removed', (d) => { props(d).rasse!.oneOf = [{ const: 'pudel', title: 'Pudel' }]; }, 'breaking', '/schema/properties/rasse/oneOf/0', /option "dackel" removed/],
  ['maxLength narrowed', (d) => { props(d).bemerkung!.maxLength = 100; }, 'breaking', '/schema/properties/bemerkung/maxLength', /narrowed: maxLength 500 -> 100/],
  ['minLength narrowed', (d) => { props(d).bemerkung!.minLength = 10; }, 'breaking', '/schema/properties/bemerkung/minLength', /narrowed/],
  ['minLength added', (d) => { props(d).firma!.minLength = 2; }, 'breaking', '/schema/properties/firma/minLength', /narrowed: minLength 2 added/],
  ['pattern changed', (d) => { props(d).plz!.pattern = '^5[0-9]{4}$'; }, 'breaking', '/schema/properties/plz/pattern', /constraint changed: pattern/],
  ['pattern added', (d) => { props(d).firma!.pattern = '^[A-Z]'; }, 'breaking', '/schema/properties/firma/pattern', /narrowed: pattern/],
  ['minimum narrowed', (d) => { props(d).anzahl!.minimum = 2; }, 'breaking', '/schema/properties/anzahl/minimum', /narrowed: minimum 1 -> 2/],
  ['maximum narrowed', (d) => { props(d).anzahl!.maximum = 4; }, 'breaking', '/schema/properties/anzahl/maximum', /narrowed: maximum 5 -> 4/],
  ['maxItems narrowed', (d) => { props(d).halter!.maxItems = 2; }, 'breaking', '/schema/properties/halter/maxItems', /narrowed/],
  ['minItems narrowed', (d) => { props(d).halter!.minItems = 2; }, 'breaking', '/schema/properties/halter/minItems', /narrowed/],
  ['array items narrowed', (d) => { (props(d).halter!.items as Record<string, unknown>).maxLength = 20; }, 'breaking', '/schema/properties/halter/items/maxLength', /narrowed/],
  ['format changed', (d) => { props(d).email!.format = 'idn-email'; }, 'breaking', '/schema/properties/email/format', /constraint changed: format/],
  ['format added', (d) => { props(d).firma!.format = 'email'; }, 'breaking', '/schema/properties/firma/format', /narrowed: format/],
  ['const added', (d) => { props(d).firma!.const = 'ACME'; }, 'breaking', '/schema/properties/firma/const', /narrowed: const/],
  ['multipleOf added', (d) => { props(d).anzahl!.multipleOf = 2; }, 'breaking', '/schema/properties/anzahl/multipleOf', /narrowed/],
  ['uniqueItems added', (d) => { props(d).halter!.uniqueItems = true; }, 'breaking', '/schema/properties/halter/uniqueItems', /narrowed/],
  ['additionalProperties loosened', (d) => { person(d).additionalProperties = { type: 'string', maxLength: 5 }; }, 'compatible', '/schema/$defs/person/additionalProperties', /additionalProperties loosened/],
  ['if/then adds a requirement', (d) => { (d.schema.then as Record<string, unknown>).required = ['rasse', 'firma']; }, 'breaking', '/schema/then/required', /"firma" became required/],
  ['if/then removed', (d) => { delete d.schema.if; delete d.schema.then; }, 'compatible', '/schema/if', /conditional requirement \(if\/then\/else\) removed/],
  ['if/then added (nested)', (d) => { person(d).if = { properties: { vorname: { const: 'X' } }, required: ['vorname'] }; person(d).then = { required: ['nachname'] }; }, 'breaking', '/schema/$defs/person/if', /conditional requirement \(if\/then\/else\) added/],
  ['if condition changed', (d) => { d.schema.if = { properties: { art: { const: 'katze' } }, required: ['art'] }; }, 'breaking', '/schema/if', /condition \(if\) changed/],
  ['if condition extended to an existing value', (d) => { d.schema.if = { properties: { art: { enum: ['hund', 'katze'] } }, required: ['art'] }; }, 'breaking', '/schema/if', /condition \(if\) changed/],
  ['$ref target replaced by a narrower inline schema', (d) => { props(d).antragsteller = { ...person(d), required: ['vorname', 'nachname'] }; }, 'breaking', '/schema/properties/antragsteller/properties/nachname', /became required/],
  ['service id changed', (d) => { d.id = 'anderer-antrag'; }, 'breaking', '/id', /id changed/],
  // compatible
  ['optional property added', (d) => { props(d).telefon = { type: 'string', format: 'de-phone', maxLength: 30 }; }, 'compatible', '/schema/properties/telefon', /optional property "telefon" added/],
  ['required property became optional', (d) => { d.schema.required = ['antragsteller']; }, 'compatible', '/schema/properties/art', /became optional/],
  ['title changed', (d) => { props(d).rasse!.title = 'Hunderasse'; }, 'compatible', '/schema/properties/rasse/title', /text changed: title/],
  ['description changed', (d) => { props(d).firma!.description = 'Name laut Handelsregister'; }, 'compatible', '/schema/properties/firma/description', /text changed: description/],
  ['option title changed', (d) => { (props(d).rasse!.oneOf as Record<string, unknown>[])[0]!.title = 'Dachshund'; }, 'compatible', '/schema/properties/rasse/oneOf/0/title', /text changed/],
  ['enum value added', (d) => { props(d).art!.enum = ['hund', 'katze', 'pferd']; }, 'compatible', '/schema/properties/art/enum', /enum value "pferd" added/],
  ['option inserted in the middle', (d) => { props(d).rasse!.oneOf = [{ const: 'dackel', title: 'Dackel' }, { const: 'mops', title: 'Mops' }, { const: 'pudel', title: 'Pudel' }]; }, 'compatible', '/schema/properties/rasse/oneOf/1', /option "mops" added/],
  ['maxLength widened', (d) => { props(d).bemerkung!.maxLength = 1000; }, 'compatible', '/schema/properties/bemerkung/maxLength', /widened/],
  ['minLength removed', (d) => { delete props(d).bemerkung!.minLength; }, 'compatible', '/schema/properties/bemerkung/minLength', /widened/],
  ['pattern removed', (d) => { delete props(d).plz!.pattern; }, 'compatible', '/schema/properties/plz/pattern', /widened/],
  ['maximum widened', (d) => { props(d).anzahl!.maximum = 10; }, 'compatible', '/schema/properties/anzahl/maximum', /widened/],
  ['type widened integer -> number', (d) => { props(d).anzahl!.type = 'number'; }, 'compatible', '/schema/properties/anzahl/type', /type widened/],
  ['if condition extended to a new value', (d) => { props(d).art!.enum = ['hund', 'katze', 'wolfshund']; d.schema.if = { properties: { art: { enum: ['hund', 'wolfshund'] } }, required: ['art'] }; }, 'compatible', '/schema/if', /extended to values the previous version did not allow/],
  ['uiSchema-only change', (d) => { d.uiSchema = { bemerkung: { 'ui:widget': 'textarea', 'ui:help': 'Bitte kurz.' } }; }, 'compatible', '/uiSchema/bemerkung/ui:help', /uiSchema changed/],
  ['metadata change', (d) => { d.retentionDays = 365; }, 'compatible', '/retentionDays', /metadata changed/],
  ['title of the service changed', (d) => { d.title = 'Neuer Titel'; }, 'compatible', '/title', /metadata changed/],
  ['steps changed', (d) => { d.steps = [{ title: 'Alles', properties: Object.keys(props(d)) }]; }, 'compatible', '/steps', /metadata changed/],
];

describe('diffDefinitions', () => {
  it.each(cases)('classifies "%s"', (_name, edit, kind, pointer, description) => {
    const changes = diffDefinitions(base, change(edit));
    expect(changes).toContainEqual(expect.objectContaining({ kind, pointer, description: expect.stringMatching(description) }));
  });

  it.each([
    ['false', false],
    ['a schema', { type: 'string', maxLength: 5 }],
  ])('classifies additionalProperties tightened to %s as breaking', (_name, tightened) => {
    const open = change((d) => { person(d).additionalProperties = true; });
    const closed = change((d) => { person(d).additionalProperties = tightened; });
    expect(diffDefinitions(open, closed)).toContainEqual(
      expect.objectContaining({ kind: 'breaking', pointer: '/schema/$defs/person/additionalProperties', description: expect.stringMatching(/tightened|narrowed/) }),
    );
  });

  it('reports nothing for the changelog and version alone', () => {
    const next = change((d) => { d.changelog = { date: '2027-01-01', summary: 'Nichts geändert.' }; });
    expect(diffDefinitions(base, next)).toEqual([]);
  });

  it('reports each change of a shared $def once, under $defs', () => {
    const next = change((d) => {
      props(d).partner = { $ref: '#/$defs/person' };
      (person(d).properties as Props).vorname!.maxLength = 10;
    });
    const narrowed = diffDefinitions(base, next).filter((c) => c.description.includes('maxLength'));
    expect(narrowed).toEqual([expect.objectContaining({ pointer: '/schema/$defs/person/properties/vorname/maxLength', kind: 'breaking' })]);
  });

  it('finds nothing between a definition and itself or a reordered copy (property)', () => {
    const defArbitrary = fc.record({
      fields: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.record({ maxLength: fc.integer({ min: 1, max: 99 }), title: fc.string() }), { maxKeys: 6 }),
    });
    fc.assert(
      fc.property(defArbitrary, ({ fields }) => {
        const properties = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { type: 'string', ...v }]));
        const definition = makeDefinition({ schema: { type: 'object', additionalProperties: false, properties } });
        const reordered = makeDefinition({ schema: { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.entries(properties).reverse()) } });
        expect(diffDefinitions(definition, clone(definition))).toEqual([]);
        expect(diffDefinitions(definition, reordered)).toEqual([]);
      }),
    );
  });

  it('never calls an added optional property breaking (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }).filter((n) => !(n in props(base))), (name) => {
        const next = change((d) => { props(d)[name] = { type: 'string', maxLength: 10 }; });
        expect(requiredBump(diffDefinitions(base, next))).toBe('minor');
      }),
    );
  });
});

describe('requiredBump', () => {
  it.each<[Pick<DefinitionChange, 'kind' | 'bump'>[], string]>([
    [[], 'patch'],
    [[{ kind: 'compatible', bump: 'patch' }], 'patch'],
    [[{ kind: 'compatible', bump: 'patch' }, { kind: 'compatible', bump: 'minor' }], 'minor'],
    [[{ kind: 'compatible', bump: 'minor' }, { kind: 'breaking', bump: 'major' }], 'major'],
  ])('%j needs %s', (changes, bump) => {
    expect(requiredBump(changes)).toBe(bump);
  });
});

describe('checkVersionBump', () => {
  const narrowed = (version: string) => change((d) => { d.version = version; props(d).bemerkung!.maxLength = 100; });
  const added = (version: string) => change((d) => { d.version = version; props(d).telefon = { type: 'string', maxLength: 30 }; });
  const retitled = (version: string) => change((d) => { d.version = version; d.title = 'Anderer Titel'; });

  it.each<[string, FormDefinition, string | undefined]>([
    ['a narrowing change with a major bump', narrowed('2.0.0'), undefined],
    ['a narrowing change with a minor bump', narrowed('1.1.0'), 'version-bump-too-small'],
    ['a narrowing change with a patch bump', narrowed('1.0.1'), 'version-bump-too-small'],
    ['an optional field with a minor bump', added('1.1.0'), undefined],
    ['an optional field with a patch bump', added('1.0.1'), 'version-bump-too-small'],
    ['a text change with a patch bump', retitled('1.0.1'), undefined],
    ['a lower version', retitled('0.9.0'), 'version-not-increasing'],
    ['the same version', retitled('1.0.0'), 'version-not-increasing'],
  ])('%s', (_name, next, code) => {
    const problems = checkVersionBump(base, next);
    if (code === undefined) expect(problems).toEqual([]);
    else expect(problems).toEqual([expect.objectContaining({ pointer: '/version', code })]);
  });

  it('lists the changes that need the bigger bump', () => {
    const [problem] = checkVersionBump(base, narrowed('1.1.0'));
    expect(problem!.message).toContain('minor bump, but the changes need a major bump');
    expect(problem!.message).toContain('breaking /schema/properties/bemerkung/maxLength: constraint narrowed: maxLength 500 -> 100');
  });
});
