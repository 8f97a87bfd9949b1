import { describe, expect, it } from 'vitest';
import { applyEditorAction } from '../../renderer/staff/editor/applyEditorAction.ts';
import { createPropertyName } from '../../renderer/staff/editor/applyEditorAction.ts';
import { readEditorModel } from '../../renderer/staff/editor/readEditorModel.ts';
import type { DraftDefinition, EditorAction } from '../../renderer/staff/editor/editorTypes.ts';
import { FIELD_KINDS } from '../../renderer/staff/editor/fieldKinds.ts';

function emptyDefinition(): DraftDefinition {
  return { id: 'test-dienst', version: '1.0.0', schema: { type: 'object', additionalProperties: false, properties: {} }, uiSchema: {} };
}

function run(actions: EditorAction[], start = emptyDefinition()): DraftDefinition {
  return actions.reduce(applyEditorAction, start);
}

describe('createPropertyName', () => {
  it.each([
    ['Vorname', [], 'vorname'],
    ['Straße und Hausnummer', [], 'strasseUndHausnummer'],
    ['Größe (m²)', [], 'groesseM2'],
    ['Vorname', ['vorname'], 'vorname2'],
    ['123', [], 'feld123'],
    ['', [], 'feld'],
  ])('When the label is %j and %j are taken, then the name is %j', (label, taken, expected) => {
    expect(createPropertyName(label, taken)).toBe(expected);
  });
});

describe('applyEditorAction', () => {
  it.each(FIELD_KINDS.map((info) => info.kind))('When a %s field is added, then it reads back as the same kind', (kind) => {
    const definition = run([{ type: 'addField', parent: [], kind, label: 'Feld' }]);
    const [field] = readEditorModel(definition);
    expect(field?.kind).toBe(kind);
    expect(field?.label).toBe('Feld');
    expect(definition.uiSchema['ui:order']).toEqual(['feld']);
  });

  it('does not mutate its input', () => {
    const start = emptyDefinition();
    const copy = structuredClone(start);
    applyEditorAction(start, { type: 'addField', parent: [], kind: 'text', label: 'Name' });
    expect(start).toEqual(copy);
  });

  it('adds fields into groups, reorders and removes them', () => {
    let definition = run([
      { type: 'addGroup', parent: [], label: 'Antragsteller' },
      { type: 'addField', parent: ['antragsteller'], kind: 'text', label: 'Vorname' },
      { type: 'addField', parent: ['antragsteller'], kind: 'text', label: 'Nachname' },
      { type: 'moveField', path: ['antragsteller', 'nachname'], offset: -1 },
    ]);
    let [group] = readEditorModel(definition);
    expect(group?.kind).toBe('group');
    expect(group?.children.map((child) => child.name)).toEqual(['nachname', 'vorname']);
    definition = applyEditorAction(definition, { type: 'removeField', path: ['antragsteller', 'nachname'] });
    [group] = readEditorModel(definition);
    expect(group?.children.map((child) => child.name)).toEqual(['vorname']);
  });

  it('sets label, help, required, limits, choices and kind', () => {
    const definition = run([
      { type: 'addField', parent: [], kind: 'text', label: 'Name' },
      { type: 'updateField', path: ['name'], changes: { label: 'Ihr Name', help: 'Wie im Ausweis', required: true, minLength: 2, maxLength: 80 } },
      { type: 'addField', parent: [], kind: 'choice', label: 'Art' },
      { type: 'updateField', path: ['art'], changes: { choices: ['Hund', 'Katze', ' ', 'Hund'], choiceWidget: 'select' } },
      { type: 'addField', parent: [], kind: 'text', label: 'Anzahl' },
      { type: 'updateField', path: ['anzahl'], changes: { kind: 'integer', minimum: 1, maximum: 5 } },
    ]);
    const [name, art, anzahl] = readEditorModel(definition);
    expect(name).toMatchObject({ label: 'Ihr Name', help: 'Wie im Ausweis', required: true, minLength: 2, maxLength: 80 });
    expect(art).toMatchObject({ kind: 'choice', choices: ['Hund', 'Katze'], choiceWidget: 'select' });
    expect(anzahl).toMatchObject({ kind: 'integer', minimum: 1, maximum: 5 });
    expect(definition.schema.properties).toMatchObject({ anzahl: { type: 'integer', minimum: 1, maximum: 5 } });
    expect(definition.schema.required).toEqual(['name']);
  });

  it('When a choice becomes a multiple choice, then the choices are kept', () => {
    const definition = run([
      { type: 'addField', parent: [], kind: 'choice', label: 'Tier' },
      { type: 'updateField', path: ['tier'], changes: { choices: ['Hund', 'Katze', 'Pferd'] } },
      { type: 'updateField', path: ['tier'], changes: { kind: 'multiChoice' } },
    ]);
    expect(readEditorModel(definition)[0]).toMatchObject({ kind: 'multiChoice', choices: ['Hund', 'Katze', 'Pferd'] });
    expect(definition.schema.properties).toMatchObject({ tier: { type: 'array', maxItems: 3, uniqueItems: true } });
  });

  it.each([
    ['show', { if: { properties: { befreiung: { const: true } }, required: ['befreiung'] }, then: { properties: { grund: {} }, required: ['grund'] }, else: { properties: { grund: false } } }],
    ['require', { if: { properties: { befreiung: { const: true } }, required: ['befreiung'] }, then: { properties: { grund: {} }, required: ['grund'] } }],
  ] as const)('When a %s condition is set, then it is written as if/then and read back', (effect, expected) => {
    const definition = run([
      { type: 'addField', parent: [], kind: 'yesNo', label: 'Befreiung' },
      { type: 'addField', parent: [], kind: 'text', label: 'Grund' },
      { type: 'updateField', path: ['grund'], changes: { required: effect === 'show' } },
      { type: 'updateField', path: ['grund'], changes: { condition: { field: 'befreiung', equals: true, effect } } },
    ]);
    const allOf = definition.schema.allOf as Array<Record<string, unknown>>;
    expect(allOf).toEqual([expected]);
    expect(Object.keys(definition.schema.properties as object)).toEqual(['befreiung', 'grund']);
    expect(definition.schema.required).toBeUndefined();
    const grund = readEditorModel(definition).find((field) => field.name === 'grund');
    expect(grund?.condition).toEqual({ field: 'befreiung', equals: true, effect });
    expect(grund?.required).toBe(effect === 'show');
    const cleared = applyEditorAction(definition, { type: 'updateField', path: ['grund'], changes: { condition: null } });
    expect(cleared.schema.allOf).toBeUndefined();
    expect(Object.keys(cleared.schema.properties as object)).toContain('grund');
    expect(readEditorModel(cleared).find((field) => field.name === 'grund')?.required).toBe(effect === 'show');
  });

  it('When the tested field is removed, then the condition goes and the shown field stays', () => {
    const definition = run([
      { type: 'addField', parent: [], kind: 'yesNo', label: 'Befreiung' },
      { type: 'addField', parent: [], kind: 'text', label: 'Grund' },
      { type: 'updateField', path: ['grund'], changes: { condition: { field: 'befreiung', equals: true, effect: 'show' } } },
      { type: 'removeField', path: ['befreiung'] },
    ]);
    expect(definition.schema.allOf).toBeUndefined();
    expect(readEditorModel(definition).map((field) => field.name)).toEqual(['grund']);
  });

  it('keeps steps consistent: every top-level field in exactly one step', () => {
    let definition = run([
      { type: 'addField', parent: [], kind: 'text', label: 'Name' },
      { type: 'addStep', title: 'Person' },
      { type: 'addStep', title: 'Hund' },
      { type: 'addField', parent: [], kind: 'text', label: 'Rasse' },
      { type: 'addField', parent: [], kind: 'date', label: 'Geburtsdatum' },
      { type: 'assignStep', property: 'geburtsdatum', index: 0 },
    ]);
    expect(definition.steps).toEqual([
      { title: 'Person', properties: ['name', 'geburtsdatum'] },
      { title: 'Hund', properties: ['rasse'] },
    ]);
    definition = applyEditorAction(definition, { type: 'removeStep', index: 1 });
    expect(definition.steps).toEqual([{ title: 'Person', properties: ['name', 'geburtsdatum', 'rasse'] }]);
    definition = applyEditorAction(definition, { type: 'removeField', path: ['rasse'] });
    expect(definition.steps).toEqual([{ title: 'Person', properties: ['name', 'geburtsdatum'] }]);
  });

  it('reads a schema it cannot model as unknown and keeps it', () => {
    const definition = emptyDefinition();
    definition.schema.properties = { odd: { type: 'string', pattern: '^x+$' } };
    const model = readEditorModel(definition);
    expect(model[0]?.kind).toBe('unknown');
    const next = applyEditorAction(definition, { type: 'updateField', path: ['odd'], changes: { label: 'Seltsam' } });
    expect(next.schema.properties).toEqual({ odd: { type: 'string', pattern: '^x+$', title: 'Seltsam' } });
  });
});

describe('definitions built with the visual editor', () => {
  it('When every field kind, a group, conditions and steps are used, then the engine accepts the definition', async () => {
    const { checkDefinition } = await import('../../engine/checkDefinition.ts');
    const actions: EditorAction[] = [
      ...FIELD_KINDS.map((info): EditorAction => ({ type: 'addField', parent: [], kind: info.kind, label: info.label })),
      { type: 'addGroup', parent: [], label: 'Anschrift' },
      { type: 'addField', parent: ['anschrift'], kind: 'text', label: 'Straße' },
      { type: 'addField', parent: ['anschrift'], kind: 'postalCode', label: 'PLZ' },
      { type: 'updateField', path: ['anschrift', 'strasse'], changes: { required: true } },
      { type: 'updateField', path: ['textEinzeilig'], changes: { required: true, condition: { field: 'jaNein', equals: true, effect: 'show' } } },
      { type: 'updateField', path: ['iban'], changes: { condition: { field: 'auswahlEine', equals: 'Option 1', effect: 'require' } } },
      { type: 'addStep', title: 'Alles' },
      { type: 'addStep', title: 'Adresse' },
      { type: 'assignStep', property: 'anschrift', index: 1 },
    ];
    const definition = run(actions, {
      ...emptyDefinition(),
      title: 'Testdienst',
      description: 'Ein Dienst nur für Tests.',
      lead: { kind: 'kreis' },
      retentionDays: 90,
      changelog: { date: '2026-11-25', summary: 'Erste Fassung' },
    });
    expect(checkDefinition(definition)).toEqual([]);
    expect(readEditorModel(definition).map((field) => field.kind)).toEqual([...FIELD_KINDS.map((info) => info.kind), 'group']);
  });
});
