import { ImportRefusal, isPlainObject, pointerToken, type ImportReporter } from './ImportReport.ts';

export type JsonSchema = Record<string, unknown>;
export type UiNode = Record<string, unknown>;

/** Longest text when nothing limits it (a line of text) and for a multi-line text (textarea). */
export const DEFAULT_MAX_LENGTH = 200;
export const DEFAULT_TEXTAREA_MAX_LENGTH = 2000;
/** Most entries of a list when nothing limits it. */
export const DEFAULT_MAX_ITEMS = 50;
/** Largest attachment as a data URL (about 5 MB of file), as in the catalogue's own forms. */
export const FILE_MAX_LENGTH = 7_000_000;
export const FILE_PATTERN = '^data:(application/pdf|image/jpeg|image/png);name=[^;,]{1,200};base64,[A-Za-z0-9+/=]+$';

/** Length limits that fit a format better than the general one. */
const FORMAT_MAX_LENGTH: Readonly<Record<string, number>> = {
  email: 254,
  date: 10,
  'past-date': 10,
  time: 30,
  'date-time': 40,
  uri: 2000,
  url: 2000,
  'uri-reference': 2000,
  uuid: 36,
  ipv4: 15,
  ipv6: 45,
  hostname: 253,
  iban: 34,
  'steuer-id': 11,
  'de-phone': 30,
  'data-url': FILE_MAX_LENGTH,
};
/** String formats the engine knows (ajv-formats and the German formats). */
const KNOWN_FORMATS = new Set([
  ...Object.keys(FORMAT_MAX_LENGTH),
  'duration', 'uri-template', 'regex', 'json-pointer', 'json-pointer-uri-fragment', 'relative-json-pointer',
  'iso-time', 'iso-date-time', 'byte', 'int32', 'int64', 'float', 'double', 'password', 'binary',
]);
/** Formats of other tools with an equivalent here. */
const FORMAT_ALIASES: Readonly<Record<string, string>> = { datetime: 'date-time', 'date-only': 'date', phone: 'de-phone', tel: 'de-phone' };

const ANNOTATIONS = ['title', 'description', '$comment', 'default', 'examples', 'readOnly', 'writeOnly', 'deprecated'];
const VALIDATION = [
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength',
  'pattern', 'format', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains', 'maxProperties', 'minProperties',
  'required', 'dependentRequired', 'contentMediaType', 'contentEncoding',
];
const APPLICATORS_SINGLE = ['items', 'contains', 'not', 'if', 'then', 'else', 'additionalProperties', 'propertyNames'];
const APPLICATORS_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const HANDLED = new Set([
  ...ANNOTATIONS, ...VALIDATION, ...APPLICATORS_SINGLE, ...APPLICATORS_LIST,
  'properties', 'dependentSchemas', 'dependencies', '$ref', '$schema', '$id', 'definitions', '$defs', 'enumNames', 'additionalItems',
]);
/** Same-instance branches whose `properties` belong to the enclosing object. */
const BRANCHES = ['allOf', 'anyOf', 'oneOf', 'then', 'else', 'if', 'not'] as const;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
/** Most `$ref`s inlined in one import. */
const MAX_REF_EXPANSIONS = 2000;

interface WalkState {
  /** Inside `if`, `not` or `contains`: only tests data, stays open. */
  assertion: boolean;
  /** uiSchema node at this place (for textarea limits). */
  ui: UiNode | undefined;
  /** Ref targets being expanded (cycle detection). */
  refStack: readonly string[];
  /** Report nothing (re-walks of copies). */
  silent: boolean;
  /** The root of the data schema. */
  isRoot?: boolean;
  /** A same-instance branch (allOf, anyOf, oneOf, if, then, else, not, dependentSchemas): property names of the enclosing object. */
  enclosing?: ReadonlySet<string>;
}

/** What a walk needs besides the node: the source root (for $refs) and the report. */
export interface NormalizeContext {
  root: JsonSchema;
  report: ImportReporter;
  /** Label of a dropped vendor keyword, e.g. DigiWF's `x-props`; default: "„k“ ist kein JSON-Schema-Schlüsselwort". */
  describeKeyword?: (keyword: string) => string | undefined;
  /** Inlined references so far (a budget against schemas that expand exponentially). */
  expansions?: number;
  /** Source paths of the root's properties when the schema was built from another format (Form.io, SurveyJS, DigiWF). */
  propertyPaths?: Readonly<Record<string, string>>;
}

function typesOf(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return [];
}

function resolveLocal(root: JsonSchema, ref: string): unknown {
  let target: string;
  try {
    target = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (target === '') return root;
  if (!target.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const raw of target.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

/** The type of a list of choice values, when they share one. */
function typeOfValues(values: readonly unknown[]): string | undefined {
  const types = new Set(values.map((value) => (value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value)));
  if (types.size === 1) {
    const [only] = types;
    return only === 'integer' ? 'integer' : only === 'number' || only === 'string' || only === 'boolean' || only === 'null' ? only : undefined;
  }
  if ([...types].every((type) => type === 'integer' || type === 'number')) return 'number';
  return undefined;
}

function inferType(node: JsonSchema): string | undefined {
  if (isPlainObject(node.properties) || Array.isArray(node.required) || 'additionalProperties' in node || isPlainObject(node.dependentRequired)) return 'object';
  if ('items' in node || 'prefixItems' in node || 'minItems' in node || 'maxItems' in node || 'uniqueItems' in node) return 'array';
  if ('minLength' in node || 'maxLength' in node || 'pattern' in node || 'format' in node) return 'string';
  if ('minimum' in node || 'maximum' in node || 'multipleOf' in node || 'exclusiveMinimum' in node || 'exclusiveMaximum' in node) return 'number';
  if (Array.isArray(node.enum)) return typeOfValues(node.enum);
  if ('const' in node) return typeOfValues([node.const]);
  const choices = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined;
  if (choices && choices.length > 0 && choices.every((choice) => isPlainObject(choice) && 'const' in choice)) {
    return typeOfValues(choices.map((choice) => (choice as JsonSchema).const));
  }
  return undefined;
}

function isChoice(node: JsonSchema): boolean {
  if (Array.isArray(node.enum) || 'const' in node) return true;
  const choices = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined;
  return !!choices && choices.length > 0 && choices.every((choice) => isPlainObject(choice) && 'const' in choice);
}

function uiChild(ui: UiNode | undefined, key: string): UiNode | undefined {
  const child = ui?.[key];
  return isPlainObject(child) ? child : undefined;
}

/** Property names that same-instance branches of `node` name, with the first schema given for each (non-assertion first). */
function branchProperties(node: JsonSchema): Map<string, { schema: unknown; fromAssertion: boolean }> {
  const found = new Map<string, { schema: unknown; fromAssertion: boolean }>();
  const visit = (branch: unknown, assertion: boolean): void => {
    if (!isPlainObject(branch)) return;
    if (isPlainObject(branch.properties)) {
      for (const [name, schema] of Object.entries(branch.properties)) {
        const existing = found.get(name);
        if (!existing || (existing.fromAssertion && !assertion)) found.set(name, { schema, fromAssertion: assertion });
      }
    }
    for (const keyword of BRANCHES) {
      const value = branch[keyword];
      const nested = keyword === 'if' || keyword === 'not' || assertion;
      if (Array.isArray(value)) value.forEach((child) => visit(child, nested));
      else visit(value, nested);
    }
    if (isPlainObject(branch.dependentSchemas)) for (const child of Object.values(branch.dependentSchemas)) visit(child, assertion);
  };
  for (const keyword of BRANCHES) {
    const value = node[keyword];
    const assertion = keyword === 'if' || keyword === 'not';
    if (Array.isArray(value)) value.forEach((child) => visit(child, assertion));
    else visit(value, assertion);
  }
  if (isPlainObject(node.dependentSchemas)) for (const child of Object.values(node.dependentSchemas)) visit(child, false);
  return found;
}

/**
 * Turns a foreign JSON Schema (draft 4 to 2020-12, as rjsf, JSON Forms or DigiWF write it) into one the engine
 * accepts, keeping its meaning: local `$ref`s inlined (circular ones refused with their path), `dependencies`
 * split into `dependentRequired`/`dependentSchemas`, `enumNames` into `oneOf` choices, draft-4 boolean exclusive
 * bounds into numbers, every object closed, branch-only properties declared, missing types inferred, lengths and
 * item counts limited, unknown formats and keywords dropped. Every change is reported with its source path.
 */
export function normalizeSchema(node: unknown, path: string, context: NormalizeContext, ui?: UiNode): JsonSchema {
  const result = walk(node, path, context, { assertion: false, ui, refStack: [], silent: false, isRoot: true });
  return isPlainObject(result) ? result : { type: 'object', additionalProperties: false, properties: {} };
}

function walk(input: unknown, path: string, context: NormalizeContext, state: WalkState): JsonSchema | boolean {
  if (typeof input === 'boolean') return input;
  const { report } = context;
  const say = (code: Parameters<ImportReporter['add']>[1], message: string, at = path): void => {
    if (!state.silent) report.add(at, code, message);
  };
  if (!isPlainObject(input)) {
    say('schema-problem', 'Kein gültiges Schema; als freies Textfeld übernommen.');
    return { type: 'string', maxLength: DEFAULT_MAX_LENGTH };
  }
  if (state.refStack.length > 24) throw new ImportRefusal('IMPORT_TOO_DEEP', path, `Die Verweise ($ref) bei ${path || '/'} sind zu tief verschachtelt.`);
  let node: JsonSchema = input;
  let refStack = state.refStack;
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    const { $ref: _ref, ...siblings } = node;
    if (!ref.startsWith('#')) {
      say('ref-remote-dropped', `Der Verweis auf ein fremdes Schema „${ref}“ kann nicht aufgelöst werden; dieses Feld hat keine Vorgaben daraus.`, `${path}/$ref`);
      node = siblings;
    } else {
      if (refStack.includes(ref)) {
        throw new ImportRefusal(
          'IMPORT_CIRCULAR_REF',
          `${path}/$ref`,
          `Der Verweis „${ref}“ bei ${path}/$ref ist zirkulär (verweist auf sich selbst zurück). Rekursive Formulare sind nicht möglich; lösen Sie die Rekursion im Quellschema auf (z. B. feste Tiefe) und importieren Sie erneut.`,
        );
      }
      const target = resolveLocal(context.root, ref);
      if (!isPlainObject(target) && typeof target !== 'boolean') {
        say('ref-remote-dropped', `Der Verweis „${ref}“ zeigt ins Leere und wurde entfernt.`, `${path}/$ref`);
        node = siblings;
      } else {
        context.expansions = (context.expansions ?? 0) + 1;
        if (context.expansions > MAX_REF_EXPANSIONS) {
          throw new ImportRefusal('IMPORT_TOO_LARGE', `${path}/$ref`, `Die Verweise ($ref) ergäben aufgelöst mehr als ${MAX_REF_EXPANSIONS} eingesetzte Schemas; so große Formulare sind nicht möglich.`);
        }
        say('ref-inlined', `Der Verweis „${ref}“ wurde durch das Schema ersetzt, auf das er zeigt.`, `${path}/$ref`);
        if (typeof target === 'boolean') return target;
        node = { ...target, ...siblings };
        refStack = [...refStack, ref];
      }
    }
  }
  const next = (key: string, patch: Partial<WalkState> = {}): WalkState => ({ ...state, isRoot: false, refStack, ui: uiChild(state.ui, key), ...patch });
  const out: JsonSchema = {};

  for (const [keyword, value] of Object.entries(node)) {
    if (HANDLED.has(keyword)) continue;
    if (state.silent) continue;
    const label = context.describeKeyword?.(keyword) ?? `„${keyword}“ ist kein JSON-Schema-Schlüsselwort und wurde nicht übernommen`;
    if (/^x-|^ui:/.test(keyword) || context.describeKeyword?.(keyword)) report.addAggregated(`keyword:${keyword}`, `${path}/${pointerToken(keyword)}`, 'keyword-dropped', label);
    else report.add(`${path}/${pointerToken(keyword)}`, 'keyword-dropped', `${label}: ${JSON.stringify(value).slice(0, 80)}`);
  }
  if (path === '' && ('$schema' in node || '$id' in node)) say('keyword-dropped', 'Die Angaben „$schema“/„$id“ gelten für das Quellsystem und wurden entfernt; kreisform nutzt JSON Schema 2020-12.');
  if ('definitions' in node || '$defs' in node) {
    say('ref-inlined', 'Die Definitionen („definitions“/„$defs“) wurden an den Stellen eingesetzt, die auf sie verweisen, und dann entfernt.', `${path}/${'$defs' in node ? '$defs' : 'definitions'}`);
  }

  for (const keyword of [...ANNOTATIONS, ...VALIDATION]) {
    if (keyword in node) out[keyword] = structuredClone(node[keyword]);
  }
  if (path !== '' && out.readOnly === true) delete out.readOnly;

  // draft 4: boolean exclusive bounds.
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[exclusive] === 'boolean') {
      if (out[exclusive] === true && typeof out[bound] === 'number') {
        out[exclusive] = out[bound];
        delete out[bound];
      } else delete out[exclusive];
      say('keyword-dropped', `„${exclusive}: true/false“ (draft 4) wurde in die heutige Schreibweise umgesetzt.`, `${path}/${exclusive}`);
    }
  }
  // rjsf: enum + enumNames -> oneOf [{const, title}].
  if (Array.isArray(node.enumNames) && Array.isArray(node.enum)) {
    const names = node.enumNames;
    out.oneOf = node.enum.map((value, index) => ({ const: value, title: typeof names[index] === 'string' ? names[index] : String(value) }));
    delete out.enum;
    say('choices-converted', 'Die Auswahl mit „enumNames“ wurde als „oneOf“ mit „const“ und „title“ übernommen.', `${path}/enumNames`);
  }
  // A bare choice entry ({ const, title }) needs no type of its own; its parent has one.
  const bareChoice = 'const' in out && Object.keys(out).every((key) => key === 'const' || key === 'title' || key === 'description');
  if (out.type === undefined && !bareChoice && !state.enclosing) {
    const inferred = inferType({ ...node, ...out });
    if (inferred) {
      out.type = inferred;
      if (!state.assertion) say('type-inferred', `Der fehlende Typ wurde aus den übrigen Angaben als „${inferred}“ ergänzt.`);
    }
  }
  if (node.nullable === true) {
    say('keyword-dropped', '„nullable“ (OpenAPI) wurde nicht übernommen; ein leeres Feld bleibt leer.', `${path}/nullable`);
  }

  // dependencies -> dependentRequired / dependentSchemas.
  if (isPlainObject(node.dependencies)) {
    const dependentRequired: Record<string, unknown> = isPlainObject(out.dependentRequired) ? { ...out.dependentRequired } : {};
    const dependentSchemas: Record<string, unknown> = {};
    for (const [name, dependency] of Object.entries(node.dependencies)) {
      if (Array.isArray(dependency)) dependentRequired[name] = dependency.filter((entry) => typeof entry === 'string');
      else dependentSchemas[name] = dependency;
    }
    if (Object.keys(dependentRequired).length > 0) out.dependentRequired = dependentRequired;
    if (Object.keys(dependentSchemas).length > 0) node = { ...node, dependentSchemas: { ...(isPlainObject(node.dependentSchemas) ? node.dependentSchemas : {}), ...dependentSchemas } };
    say('dependencies-converted', '„dependencies“ wurde in „dependentRequired“ (Pflichtfelder) und „dependentSchemas“ (abhängige Regeln) aufgeteilt.', `${path}/dependencies`);
  }

  // Format: known, alias or dropped.
  if (typeof out.format === 'string') {
    const alias = FORMAT_ALIASES[out.format];
    if (alias) {
      say('format-mapped', `Das Format „${out.format}“ wurde als „${alias}“ übernommen.`, `${path}/format`);
      out.format = alias;
    } else if (!KNOWN_FORMATS.has(out.format)) {
      say('format-dropped', `Das Format „${out.format}“ ist hier unbekannt und wurde entfernt.`, `${path}/format`);
      delete out.format;
    }
  } else if ('format' in out) delete out.format;

  // Sub-schemas.
  if (isPlainObject(node.properties)) {
    const properties: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(node.properties)) {
      const childPath = (state.isRoot ? context.propertyPaths?.[name] : undefined) ?? `${path}/properties/${pointerToken(name)}`;
      if (RESERVED.has(name)) {
        say('keyword-dropped', `Das Feld „${name}“ hat einen unzulässigen Namen und wurde nicht übernommen.`, childPath);
        continue;
      }
      properties[name] = walk(child, childPath, context, next(name));
    }
    out.properties = properties;
  }
  for (const keyword of APPLICATORS_SINGLE) {
    if (!(keyword in node)) continue;
    const value = node[keyword];
    if (keyword === 'items' && Array.isArray(value)) {
      out.prefixItems = value.map((child, index) => walk(child, `${path}/items/${index}`, context, next('items')));
      if (node.additionalItems === false) out.items = false;
      else if (isPlainObject(node.additionalItems)) out.items = walk(node.additionalItems, `${path}/additionalItems`, context, next('items'));
      say('keyword-dropped', 'Die Tupel-Schreibweise „items: [...]“ wurde in „prefixItems“ umgesetzt.', `${path}/items`);
      continue;
    }
    if (keyword === 'additionalProperties') continue; // decided when closing below
    const assertion = state.assertion || keyword === 'if' || keyword === 'not' || keyword === 'contains';
    const sameInstance = keyword === 'if' || keyword === 'then' || keyword === 'else' || keyword === 'not';
    out[keyword] = walk(
      value,
      `${path}/${keyword}`,
      context,
      keyword === 'items' || keyword === 'contains' || keyword === 'propertyNames'
        ? next(keyword === 'items' ? 'items' : keyword, { assertion, enclosing: undefined })
        : { ...state, refStack, assertion, ...(sameInstance ? { enclosing: enclosingOf(out, state) } : {}) },
    );
  }
  for (const keyword of APPLICATORS_LIST) {
    if (!Array.isArray(node[keyword])) continue;
    out[keyword] = (node[keyword] as unknown[]).map((child, index) =>
      walk(child, `${path}/${keyword}/${index}`, context, keyword === 'prefixItems' ? next('items', { enclosing: undefined }) : { ...state, refStack, enclosing: enclosingOf(out, state) }),
    );
  }
  if (isPlainObject(node.dependentSchemas)) {
    out.dependentSchemas = Object.fromEntries(
      Object.entries(node.dependentSchemas).map(([name, child]) => [name, walk(child, `${path}/dependentSchemas/${pointerToken(name)}`, context, { ...state, refStack, enclosing: enclosingOf(out, state) })]),
    );
  }
  // anyOf of plain choices (DigiWF, JSON Forms) -> oneOf, the catalogue's choice convention.
  if (Array.isArray(out.anyOf) && !out.oneOf && out.anyOf.length > 0 && out.anyOf.every((choice) => isPlainObject(choice) && 'const' in choice)) {
    const values = out.anyOf.map((choice) => JSON.stringify((choice as JsonSchema).const));
    if (new Set(values).size === values.length) {
      out.oneOf = out.anyOf;
      delete out.anyOf;
      say('choices-converted', 'Die Auswahl („anyOf“ mit festen Werten) wurde als „oneOf“ übernommen.', `${path}/anyOf`);
    }
  }

  const types = typesOf(out);
  if (state.enclosing) {
    // A branch tests the enclosing object: it stays open (closing it would reject the object's other fields).
    if (out.type === 'object') delete out.type;
    if (Array.isArray(out.required)) {
      const known = new Set([...state.enclosing, ...Object.keys(isPlainObject(out.properties) ? out.properties : {})]);
      const kept = out.required.filter((name): name is string => typeof name === 'string' && known.has(name));
      for (const name of out.required) if (!kept.includes(name as string)) say('required-unknown-dropped', `Das Pflichtfeld „${String(name)}“ ist nirgends deklariert und wurde aus „required“ entfernt.`, `${path}/required`);
      if (kept.length > 0) out.required = kept;
      else delete out.required;
    }
  } else if (types.includes('object') || isPlainObject(out.properties)) {
    closeObject(node, out, path, context, state, say);
  }
  if (!state.assertion && (types.includes('string') || (types.length === 0 && ('pattern' in out || 'format' in out)))) {
    limitString(out, state, say);
  }
  if (!state.assertion && types.includes('array') && typeof out.maxItems !== 'number') {
    out.maxItems = Math.max(DEFAULT_MAX_ITEMS, typeof out.minItems === 'number' ? out.minItems : 0);
    say('max-items-added', `Die Liste hatte keine Höchstzahl an Einträgen; höchstens ${String(out.maxItems)} Einträge ergänzt.`);
  }
  if (!state.assertion && out.uniqueItems === true && typeof out.maxItems !== 'number') out.maxItems = DEFAULT_MAX_ITEMS;
  return out;
}

/** Names a same-instance branch of `out` may use: its own properties, branch-only ones and the enclosing object's. */
function enclosingOf(out: JsonSchema, state: WalkState): ReadonlySet<string> {
  const names = new Set<string>(state.enclosing ?? []);
  if (isPlainObject(out.properties)) for (const name of Object.keys(out.properties)) names.add(name);
  for (const name of branchProperties(out).keys()) names.add(name);
  return names;
}

function closeObject(
  node: JsonSchema,
  out: JsonSchema,
  path: string,
  context: NormalizeContext,
  state: WalkState,
  say: (code: Parameters<ImportReporter['add']>[1], message: string, at?: string) => void,
): void {
  const properties = isPlainObject(out.properties) ? out.properties : {};
  // Declare what only branches name, so that closing the object keeps them.
  for (const [name, found] of branchProperties(out)) {
    if (name in properties || RESERVED.has(name)) continue;
    let schema = found.schema;
    if (found.fromAssertion || state.assertion) {
      schema = walk(structuredClone(schema), `${path}/properties/${pointerToken(name)}`, context, { assertion: false, ui: undefined, refStack: [], silent: true });
    }
    properties[name] = structuredClone(schema);
    say('branch-property-declared', `Das Feld „${name}“ kam nur in einer Bedingung oder Variante vor und wurde im Objekt deklariert.`, `${path}/properties/${pointerToken(name)}`);
  }
  out.properties = properties;
  if (!state.assertion) {
    if (node.additionalProperties !== undefined && node.additionalProperties !== false) {
      say('additional-properties-closed', 'Freie Zusatzfelder („additionalProperties“) sind nicht erlaubt; es werden nur die deklarierten Felder angenommen.', `${path}/additionalProperties`);
    } else if (node.additionalProperties === undefined) {
      say('object-closed', Object.keys(properties).length === 0 ? 'Ein Objekt ohne Felder wurde geschlossen; es nimmt keine Angaben an.' : 'Das Objekt wurde geschlossen („additionalProperties: false“): nur die deklarierten Felder werden angenommen.');
    }
    out.additionalProperties = false;
  } else if (node.additionalProperties === false) {
    out.additionalProperties = false;
  }
  if (Array.isArray(out.required)) {
    const known = new Set(Object.keys(properties));
    const kept = out.required.filter((name) => typeof name === 'string' && (known.has(name) || state.assertion));
    for (const name of out.required) {
      if (!kept.includes(name)) say('required-unknown-dropped', `Das Pflichtfeld „${String(name)}“ ist nirgends deklariert und wurde aus „required“ entfernt.`, `${path}/required`);
    }
    if (kept.length > 0) out.required = [...new Set(kept)];
    else delete out.required;
  }
  if (!out.type) out.type = 'object';
}

function limitString(
  out: JsonSchema,
  state: WalkState,
  say: (code: Parameters<ImportReporter['add']>[1], message: string, at?: string) => void,
): void {
  if (typeof out.maxLength === 'number') return;
  const format = typeof out.format === 'string' ? out.format : undefined;
  // A closed choice needs no limit, unless it carries a pattern or format.
  if (isChoice(out) && !format && !('pattern' in out)) return;
  const textarea = state.ui?.['ui:widget'] === 'textarea';
  const limit = (format ? FORMAT_MAX_LENGTH[format] : undefined) ?? (textarea ? DEFAULT_TEXTAREA_MAX_LENGTH : DEFAULT_MAX_LENGTH);
  out.maxLength = Math.max(limit, typeof out.minLength === 'number' ? out.minLength : 0);
  say(
    'max-length-added',
    `Keine Höchstlänge angegeben; ${String(out.maxLength)} Zeichen ergänzt${format ? ` (passend zum Format „${format}“)` : textarea ? ' (mehrzeiliger Text)' : ''}.`,
  );
}
