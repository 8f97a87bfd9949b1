import { POSTAL_CODE_PATTERN, type FieldKind } from './fieldKinds.ts';
import type { DraftDefinition, EditorField, FieldCondition, JsonObject } from './editorTypes.ts';
import { conditionEntries, isObject, orderedNames, findProperty, type ObjectLevel } from './objectLevel.ts';

/** Tells the editor kind of a property schema (+ its uiSchema node). */
export function detectKind(schema: JsonObject, ui: JsonObject): FieldKind | 'group' | 'unknown' {
  switch (schema.type) {
    case 'object':
      return 'group';
    case 'boolean':
      return 'yesNo';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'array':
      return isObject(schema.items) && Array.isArray(schema.items.enum) ? 'multiChoice' : 'unknown';
    case 'string':
      if (Array.isArray(schema.enum)) return 'choice';
      if (schema.format === 'date') return 'date';
      if (schema.format === 'email') return 'email';
      if (schema.format === 'data-url') return 'file';
      if (schema.format === 'de-phone') return 'phone';
      if (schema.format === 'iban') return 'iban';
      if (schema.pattern === POSTAL_CODE_PATTERN && schema.format === undefined) return 'postalCode';
      if (schema.format !== undefined || schema.pattern !== undefined) return 'unknown';
      return ui['ui:widget'] === 'textarea' ? 'longText' : 'text';
    default:
      return 'unknown';
  }
}

function listIn(holder: unknown, key: string): unknown[] {
  return isObject(holder) && Array.isArray(holder[key]) ? (holder[key] as unknown[]) : [];
}

/** The condition governing `name`, if it has the editor's shape (one sibling tested with `const`). */
function readCondition(level: ObjectLevel, name: string): { condition?: FieldCondition; requiredWhenShown: boolean } {
  for (const entry of conditionEntries(level.schema)) {
    const test = entry.if as JsonObject;
    const testedProps = isObject(test.properties) ? Object.entries(test.properties) : [];
    const [tested] = testedProps;
    if (testedProps.length !== 1 || !tested || !isObject(tested[1]) || !('const' in tested[1])) continue;
    const equals = tested[1].const;
    if (typeof equals !== 'string' && typeof equals !== 'number' && typeof equals !== 'boolean') continue;
    const thenRequired = listIn(entry.then, 'required');
    const shown = isObject(entry.else) && isObject(entry.else.properties) && entry.else.properties[name] === false;
    if (shown) return { condition: { field: tested[0], equals, effect: 'show' }, requiredWhenShown: thenRequired.includes(name) };
    if (thenRequired.includes(name)) return { condition: { field: tested[0], equals, effect: 'require' }, requiredWhenShown: false };
  }
  return { requiredWhenShown: false };
}

function readLevel(level: ObjectLevel, path: string[]): EditorField[] {
  const required = Array.isArray(level.schema.required) ? (level.schema.required as unknown[]) : [];
  return orderedNames(level).map((name) => {
    const schema = findProperty(level.schema, name) ?? {};
    const ui = isObject(level.ui[name]) ? (level.ui[name] as JsonObject) : {};
    const kind = detectKind(schema, ui);
    const { condition, requiredWhenShown } = readCondition(level, name);
    const choiceSource = kind === 'multiChoice' && isObject(schema.items) ? schema.items.enum : schema.enum;
    const field: EditorField = {
      name,
      path: [...path, name],
      kind,
      label: typeof schema.title === 'string' ? schema.title : name,
      help: typeof ui['ui:help'] === 'string' ? ui['ui:help'] : '',
      required: required.includes(name) || requiredWhenShown,
      choices: Array.isArray(choiceSource) ? choiceSource.map(String) : [],
      choiceWidget: ui['ui:widget'] === 'select' ? 'select' : 'radio',
      children: kind === 'group' ? readLevel({ schema, ui }, [...path, name]) : [],
    };
    for (const key of ['minLength', 'maxLength', 'minimum', 'maximum'] as const) {
      if (typeof schema[key] === 'number') field[key] = schema[key];
    }
    if (condition) field.condition = condition;
    return field;
  });
}

/** Reads the field tree the visual editor shows from a definition's schema and uiSchema (never mutates it). */
export function readEditorModel(definition: DraftDefinition): EditorField[] {
  const schema = isObject(definition.schema) ? definition.schema : {};
  const ui = isObject(definition.uiSchema) ? definition.uiSchema : {};
  return readLevel({ schema, ui }, []);
}
