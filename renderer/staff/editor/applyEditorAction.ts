import { getFieldKind } from './fieldKinds.ts';
import type { DraftDefinition, EditorAction, FieldChanges, FieldCondition, JsonObject } from './editorTypes.ts';
import {
  conditionEntries,
  findProperty,
  isObject,
  orderedNames,
  propertiesOf,
  removeRequired,
  requiredOf,
  resolveLevel,
  uiOf,
  writeOrder,
  type ObjectLevel,
} from './objectLevel.ts';
import { detectKind } from './readEditorModel.ts';

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A property name (camelCase ASCII) derived from a German label, unique among `taken`. */
export function createPropertyName(label: string, taken: readonly string[]): string {
  const words = label
    .toLowerCase()
    .replace(/[äöüß]/g, (char) => UMLAUTS[char] ?? char)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let base = words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
  if (!/^[a-z]/.test(base)) base = `feld${base ? base[0]!.toUpperCase() + base.slice(1) : ''}`;
  base = base.slice(0, 60);
  let name = base;
  for (let counter = 2; taken.includes(name); counter += 1) name = `${base}${counter}`;
  return name;
}

function requireLevel(definition: DraftDefinition, path: readonly string[]): ObjectLevel {
  const level = resolveLevel(definition, path);
  if (!level) throw new Error(`No group at "${path.join('/')}"`);
  return level;
}

function splitPath(path: readonly string[]): { parent: string[]; name: string } {
  const name = path[path.length - 1];
  if (name === undefined) throw new Error('Empty field path');
  return { parent: path.slice(0, -1), name };
}

/** The `required` list of an entry's `then`, or an empty list. */
function thenRequired(entry: JsonObject): unknown[] {
  return isObject(entry.then) && Array.isArray(entry.then.required) ? entry.then.required : [];
}

/** Whether an entry shows `name` only when its condition holds (`else: { properties: { name: false } }`). */
function isShowEntry(entry: JsonObject, name: string): boolean {
  return isObject(entry.else) && isObject(entry.else.properties) && entry.else.properties[name] === false;
}

/** Removes every condition that shows or requires `name`; a shown field becomes unconditional (and keeps `required`). */
function clearCondition(level: ObjectLevel, name: string): void {
  const remaining: unknown[] = [];
  for (const entry of Array.isArray(level.schema.allOf) ? (level.schema.allOf as unknown[]) : []) {
    if (!isObject(entry) || !isObject(entry.if) || !isObject(entry.then)) {
      remaining.push(entry);
      continue;
    }
    const then = entry.then;
    const shown = isShowEntry(entry, name);
    if (shown && thenRequired(entry).includes(name)) requiredOf(level.schema).push(name);
    removeRequired(then, name);
    if (isObject(then.properties)) {
      delete then.properties[name];
      if (Object.keys(then.properties).length === 0) delete then.properties;
    }
    if (shown && isObject(entry.else) && isObject(entry.else.properties)) {
      delete entry.else.properties[name];
      if (Object.keys(entry.else.properties).length === 0) delete entry.else;
    }
    if (Object.keys(then).length > 0 || entry.else !== undefined) remaining.push(entry);
  }
  if (remaining.length > 0) level.schema.allOf = remaining;
  else delete level.schema.allOf;
}

/** Removes the conditions that test `name` (the tested field is gone); the fields they governed stay, optional. */
function clearConditionsOn(level: ObjectLevel, name: string): void {
  if (!Array.isArray(level.schema.allOf)) return;
  const remaining = (level.schema.allOf as unknown[]).filter((entry) => {
    const test = isObject(entry) && isObject(entry.if) ? entry.if : undefined;
    return !(test && isObject(test.properties) && name in test.properties);
  });
  if (remaining.length > 0) level.schema.allOf = remaining;
  else delete level.schema.allOf;
}

/**
 * Writes "show / require `name` when `condition.field` equals `condition.equals`" as an `allOf` entry. A shown
 * field stays declared in `properties` (the engine requires it); `else: { properties: { name: false } }` forbids it
 * otherwise, and rjsf leaves out a property whose resolved schema is `false`, so the portal hides it.
 */
/** `{ properties: { name: {} }, required: [name] }`: Ajv's strict mode wants required names declared alongside. */
function requiring(name: string): JsonObject {
  return { properties: { [name]: {} }, required: [name] };
}

function setCondition(level: ObjectLevel, name: string, condition: FieldCondition): void {
  clearCondition(level, name);
  if (!findProperty(level.schema, condition.field) || condition.field === name) {
    throw new Error(`Condition of "${name}" tests unknown field "${condition.field}"`);
  }
  const test = { properties: { [condition.field]: { const: condition.equals } }, required: [condition.field] };
  let entry: JsonObject;
  if (condition.effect === 'show') {
    const wasRequired = Array.isArray(level.schema.required) && level.schema.required.includes(name);
    removeRequired(level.schema, name);
    entry = { if: test, then: wasRequired ? requiring(name) : {}, else: { properties: { [name]: false } } };
  } else {
    entry = { if: test, then: requiring(name) };
  }
  if (!Array.isArray(level.schema.allOf)) level.schema.allOf = [];
  (level.schema.allOf as unknown[]).push(entry);
}

function setRequired(level: ObjectLevel, name: string, required: boolean): void {
  const shownBy = conditionEntries(level.schema).find((entry) => isShowEntry(entry, name));
  if (!shownBy) {
    removeRequired(level.schema, name);
    if (required) requiredOf(level.schema).push(name);
    return;
  }
  // Required only while shown: the requirement lives in the condition's `then`.
  const then = shownBy.then as JsonObject;
  removeRequired(then, name);
  if (isObject(then.properties)) delete then.properties[name];
  if (isObject(then.properties) && Object.keys(then.properties).length === 0) delete then.properties;
  if (required) Object.assign(then, { properties: { ...(isObject(then.properties) ? then.properties : {}), [name]: {} }, required: [...requiredOf(then), name] });
}

function applyKind(schema: JsonObject, ui: JsonObject, kind: FieldChanges['kind'] & string): void {
  const info = getFieldKind(kind);
  for (const key of ['type', 'format', 'pattern', 'enum', 'items', 'uniqueItems', 'maxItems', 'minLength', 'maxLength', 'minimum', 'maximum']) {
    delete schema[key];
  }
  Object.assign(schema, structuredClone(info.schema));
  delete ui['ui:widget'];
  delete ui['ui:options'];
  Object.assign(ui, structuredClone(info.ui));
}

function setChoices(schema: JsonObject, choices: string[]): void {
  const unique = [...new Set(choices.map((choice) => choice.trim()).filter(Boolean))];
  if (schema.type === 'array' && isObject(schema.items)) {
    schema.items.enum = unique;
    schema.maxItems = Math.max(unique.length, 1);
  } else {
    schema.enum = unique;
  }
}

function setLimit(schema: JsonObject, key: 'minLength' | 'maxLength' | 'minimum' | 'maximum', value: number | null): void {
  if (value === null || Number.isNaN(value)) delete schema[key];
  else schema[key] = value;
}

function updateField(definition: DraftDefinition, path: readonly string[], changes: FieldChanges): void {
  const { parent, name } = splitPath(path);
  const level = requireLevel(definition, parent);
  const schema = findProperty(level.schema, name);
  if (!schema) throw new Error(`No field at "${path.join('/')}"`);
  const ui = uiOf(level, name);
  if (changes.label !== undefined) schema.title = changes.label;
  if (changes.help !== undefined) {
    if (changes.help.trim()) ui['ui:help'] = changes.help;
    else delete ui['ui:help'];
  }
  const previousKind = detectKind(schema, ui);
  if (changes.kind !== undefined && changes.kind !== previousKind) {
    const choices = previousKind === 'multiChoice' && isObject(schema.items) ? schema.items.enum : schema.enum;
    applyKind(schema, ui, changes.kind);
    // Switching between single and multiple choice keeps the choices.
    if ((changes.kind === 'choice' || changes.kind === 'multiChoice') && Array.isArray(choices)) setChoices(schema, choices.map(String));
  }
  if (changes.choices !== undefined) setChoices(schema, changes.choices);
  if (changes.choiceWidget !== undefined && schema.type === 'string' && Array.isArray(schema.enum)) ui['ui:widget'] = changes.choiceWidget;
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum'] as const) {
    const value = changes[key];
    if (value !== undefined) setLimit(schema, key, value);
  }
  if (changes.condition === null) clearCondition(level, name);
  else if (changes.condition !== undefined) setCondition(level, name, changes.condition);
  if (changes.required !== undefined) setRequired(level, name, changes.required);
  if (Object.keys(ui).length === 0) delete level.ui[name];
}

function addProperty(definition: DraftDefinition, parent: readonly string[], label: string, schema: JsonObject, ui: JsonObject): void {
  const level = requireLevel(definition, parent);
  const names = orderedNames(level);
  const name = createPropertyName(label, names);
  propertiesOf(level.schema)[name] = { title: label, ...schema };
  if (Object.keys(ui).length > 0) level.ui[name] = ui;
  writeOrder(level, [...names, name]);
  if (parent.length === 0 && Array.isArray(definition.steps) && definition.steps.length > 0) {
    definition.steps[definition.steps.length - 1]!.properties.push(name);
  }
}

function removeField(definition: DraftDefinition, path: readonly string[]): void {
  const { parent, name } = splitPath(path);
  const level = requireLevel(definition, parent);
  clearConditionsOn(level, name);
  clearCondition(level, name);
  if (isObject(level.schema.properties)) delete level.schema.properties[name];
  removeRequired(level.schema, name);
  delete level.ui[name];
  writeOrder(level, orderedNames(level).filter((entry) => entry !== name));
  if (parent.length === 0 && Array.isArray(definition.steps)) {
    for (const step of definition.steps) step.properties = step.properties.filter((entry) => entry !== name);
    definition.steps = definition.steps.filter((step) => step.properties.length > 0);
    if (definition.steps.length === 0) delete definition.steps;
  }
}

function moveField(definition: DraftDefinition, path: readonly string[], offset: -1 | 1): void {
  const { parent, name } = splitPath(path);
  const level = requireLevel(definition, parent);
  const names = orderedNames(level);
  const from = names.indexOf(name);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= names.length) return;
  names.splice(from, 1);
  names.splice(to, 0, name);
  writeOrder(level, names);
  if (parent.length === 0 && Array.isArray(definition.steps)) {
    for (const step of definition.steps) step.properties = names.filter((entry) => step.properties.includes(entry));
  }
}

function topLevelNames(definition: DraftDefinition): string[] {
  return orderedNames(requireLevel(definition, []));
}

function addStep(definition: DraftDefinition, title: string): void {
  if (!Array.isArray(definition.steps) || definition.steps.length === 0) {
    // The first step takes every field so "every top-level property appears in exactly one step" holds.
    definition.steps = [{ title, properties: topLevelNames(definition) }];
    return;
  }
  definition.steps.push({ title, properties: [] });
}

function removeStep(definition: DraftDefinition, index: number): void {
  const steps = definition.steps;
  const removed = steps?.[index];
  if (!steps || !removed) return;
  steps.splice(index, 1);
  const target = steps[Math.max(0, index - 1)];
  if (target) target.properties.push(...removed.properties);
  if (steps.length === 0) delete definition.steps;
}

function assignStep(definition: DraftDefinition, property: string, index: number): void {
  const steps = definition.steps;
  if (!steps?.[index]) return;
  for (const step of steps) step.properties = step.properties.filter((entry) => entry !== property);
  const order = topLevelNames(definition);
  steps[index].properties = order.filter((entry) => entry === property || steps[index]!.properties.includes(entry));
}

/**
 * Applies one visual-editor action to a definition and returns the changed copy (the input is never mutated).
 * The definition's schema and uiSchema are the only model: the field tree is read back with `readEditorModel`,
 * so edits in the JSON view and in the visual editor always agree.
 */
export function applyEditorAction(definition: DraftDefinition, action: EditorAction): DraftDefinition {
  const next = structuredClone(definition);
  if (!isObject(next.schema)) next.schema = { type: 'object', properties: {} };
  switch (action.type) {
    case 'addField': {
      const info = getFieldKind(action.kind);
      addProperty(next, action.parent, action.label, structuredClone(info.schema), structuredClone(info.ui));
      break;
    }
    case 'addGroup':
      addProperty(next, action.parent, action.label, { type: 'object', additionalProperties: false, properties: {} }, {});
      break;
    case 'removeField':
      removeField(next, action.path);
      break;
    case 'moveField':
      moveField(next, action.path, action.offset);
      break;
    case 'updateField':
      updateField(next, action.path, action.changes);
      break;
    case 'addStep':
      addStep(next, action.title);
      break;
    case 'removeStep':
      removeStep(next, action.index);
      break;
    case 'renameStep':
      if (next.steps?.[action.index]) next.steps[action.index]!.title = action.title;
      break;
    case 'assignStep':
      assignStep(next, action.property, action.index);
      break;
  }
  return next;
}
