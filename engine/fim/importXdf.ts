import type { FormDefinition, Step } from '../generated/FormDefinition.ts';
import { todayInGermany } from '../germanFormats.ts';
import { convertField, type ConvertedElement } from './convertField.ts';
import type { ElementInfo, ImportContext, ImportStats, ImportWarning, JsonSchema, UiSchema } from './ImportContext.ts';
import { parseGenericode } from './parseGenericode.ts';
import { readElementInfo } from './readElementInfo.ts';
import { toPropertyName } from './toPropertyName.ts';
import { toSlug } from './toSlug.ts';
import { codePointLength, truncateText } from './truncateText.ts';
import { XmlElement } from './XmlElement.ts';

export type { ImportStats, ImportWarning, ImportWarningCode } from './ImportContext.ts';

/** Options of {@link importXdf}. */
export interface ImportXdfOptions {
  /** Genericode code lists by file name (the name may carry the code list's kennung, e.g. `..._C00000020_...xml`). */
  codeLists?: Readonly<Record<string, string>>;
  /** Date of the changelog entry (YYYY-MM-DD); defaults to today in Germany. */
  today?: string;
}

export type ImportXdfErrorCode = 'XDF_NOT_XML' | 'XDF_NOT_XDATENFELDER' | 'XDF_VERSION_UNSUPPORTED' | 'XDF_MESSAGE_UNSUPPORTED';

export type ImportXdfResult =
  | { ok: true; definition: FormDefinition; warnings: ImportWarning[]; stats: ImportStats }
  | { ok: false; code: ImportXdfErrorCode; message: string };

const NAMESPACE_PREFIX = 'urn:xoev-de:fim:standard:xdatenfelder_';
const DEFAULT_MAX_ITEMS = 100;
const TRIVIAL_SCRIPT = /^function\s+script\s*\(\s*\)\s*\{\s*\}$/;

interface ConvertedChildren {
  properties: Record<string, JsonSchema>;
  required: string[];
  uiSchema: UiSchema;
  order: { name: string; isGroup: boolean; title: string }[];
}

function collectRules(element: XmlElement, context: ImportContext): void {
  for (const rule of element.children('regel')) {
    const info = readElementInfo(rule);
    const key = `${info.id}@${info.version}`;
    if (context.rules.has(key)) continue;
    const prose = [rule.childText('definition'), rule.childText('freitextRegel'), rule.childText('beschreibung')].find(
      (text) => text && text !== '-',
    );
    const script = rule.childText('script') || rule.childText('skript');
    const parts = [prose, script && !TRIVIAL_SCRIPT.test(script) ? `Skript:\n${script}` : ''].filter(Boolean);
    context.rules.set(key, {
      id: truncateText(info.version ? `${info.id} ${info.version}` : info.id || 'ohne-id', 100),
      name: truncateText(info.name, 500),
      text: truncateText(parts.join('\n\n') || info.name || '(ohne Text)', 20000),
    });
  }
}

function parseCardinality(text: string, elementId: string, context: ImportContext): { min: number; max: number | '*' } {
  const match = /^\s*([0-9]+)\s*:\s*([0-9]+|\*)\s*$/.exec(text);
  const min = match ? Number(match[1]) : NaN;
  const max = match ? (match[2] === '*' ? '*' : Number(match[2])) : NaN;
  if (!match || (max !== '*' && (max < 1 || max < min))) {
    context.warnings.push({
      code: 'cardinality-invalid',
      elementId,
      message: `Cardinality "${text}" is not "min:max"; imported as optional (0:1).`,
    });
    return { min: 0, max: 1 };
  }
  return { min, max };
}

function groupSchema(group: XmlElement, info: ElementInfo, context: ImportContext): ConvertedElement {
  context.stats.groups += 1;
  const children = convertChildren(group, context);
  const schema: JsonSchema = {
    type: 'object',
    title: truncateText(info.label, 500),
    ...(info.help ? { description: info.help } : {}),
    $comment: info.reference,
    properties: children.properties,
    ...(children.required.length > 0 ? { required: children.required } : {}),
    additionalProperties: false,
  };
  return { schema, ui: children.uiSchema, fillable: true };
}

/** Converts one element of a `struktur` (with its cardinality) and adds it as a property of `result`. */
function addElement(result: ConvertedChildren, taken: Set<string>, element: XmlElement, anzahl: string, context: ImportContext): void {
  const isGroup = element.name === 'datenfeldgruppe';
  const info = readElementInfo(element);
  collectRules(element, context);
  const converted = isGroup ? groupSchema(element, info, context) : convertField(element, info, context);
  if (!converted) return;
  const name = toPropertyName(info.name || info.label, info.id, taken);
  const cardinality = parseCardinality(anzahl, info.id, context);
  const { schema, ui, fillable } = converted;
  if (cardinality.min > 0 && !fillable) {
    context.warnings.push({
      code: 'required-dropped',
      elementId: info.id,
      message: `Hidden or read-only field without content is required (${anzahl}); imported as optional.`,
    });
    cardinality.min = 0;
  }
  if (cardinality.max === '*' || cardinality.max > 1) {
    const { title, $comment, ...items } = schema;
    if (cardinality.max === '*') {
      context.warnings.push({
        code: 'array-max-default',
        elementId: info.id,
        message: `Cardinality ${cardinality.min}:* has no upper bound; limited to ${DEFAULT_MAX_ITEMS} entries.`,
      });
    }
    result.properties[name] = {
      type: 'array',
      title,
      $comment,
      items: { title, ...items },
      ...(cardinality.min > 0 ? { minItems: cardinality.min } : {}),
      maxItems: cardinality.max === '*' ? Math.max(DEFAULT_MAX_ITEMS, cardinality.min) : cardinality.max,
    };
    if (Object.keys(ui).length > 0) result.uiSchema[name] = { items: ui };
  } else {
    result.properties[name] = schema;
    if (Object.keys(ui).length > 0) result.uiSchema[name] = ui;
  }
  if (cardinality.min >= 1) result.required.push(name);
  result.order.push({ name, isGroup, title: String(schema.title) });
}

function createChildren(): ConvertedChildren {
  return { properties: {}, required: [], uiSchema: {}, order: [] };
}

function convertChildren(container: XmlElement, context: ImportContext): ConvertedChildren {
  collectRules(container, context);
  const result = createChildren();
  const taken = new Set<string>();
  for (const structure of container.children('struktur')) {
    const contains = structure.child('enthaelt');
    const element = contains?.child('datenfeldgruppe') ?? contains?.child('datenfeld');
    if (element) addElement(result, taken, element, structure.childText('anzahl'), context);
  }
  return result;
}

function buildSteps(order: ConvertedChildren['order'], context: ImportContext): Step[] | undefined {
  if (order.filter((entry) => entry.isGroup).length <= 3) return undefined;
  const steps: Step[] = [];
  for (const entry of order) {
    const last = steps.at(-1);
    // A group opens a step; the fields after it stay on its page (leading fields get their own first page).
    if (entry.isGroup || !last) steps.push({ title: truncateText(entry.isGroup ? entry.title : 'Allgemeine Angaben', 120), properties: [entry.name] });
    else last.properties.push(entry.name);
  }
  if (steps.length > 20 || steps.some((step) => step.properties.length > 200)) {
    context.warnings.push({
      code: 'steps-omitted',
      message: `${steps.length} pages would exceed the limit of 20; the draft has no steps.`,
    });
    return undefined;
  }
  return steps;
}

function loadCodeLists(codeLists: Readonly<Record<string, string>>, context: ImportContext): void {
  for (const [fileName, text] of Object.entries(codeLists).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parseGenericode(text);
    if (parsed.ok) context.codeLists.push({ ...parsed.codeList, fileName });
    else context.warnings.push({ code: 'codelist-unreadable', message: `${fileName}: ${parsed.message}` });
  }
}

const MESSAGE_KINDS = {
  stammdatenschema: 'Stammdatenschema',
  datenfeldgruppe: 'Datenfeldgruppe',
  datenfeld: 'Datenfeld',
} as const;

/**
 * Converts a FIM XDatenfelder 2 or 3 message into a DRAFT form definition (version 0.1.0, lead Kreis).
 * A Stammdatenschema becomes the whole form; a Datenfeldgruppe message becomes a form of the group's
 * children and a Datenfeld message a form of that one field. Groups become nested objects, fields typed
 * properties, cardinalities required/array, `praezisierung` length/pattern/range keywords, selects enums of
 * the given genericode code lists; rules are kept as text in `source.rules`. XDatenfelder 1 is refused.
 * Pure: no I/O; the caller reads the files. Problems of the input are returned as data, never thrown.
 */
export function importXdf(xml: string, options: ImportXdfOptions = {}): ImportXdfResult {
  const parsed = XmlElement.parse(xml);
  if (!parsed.ok) return { ok: false, code: 'XDF_NOT_XML', message: parsed.message };
  const { root } = parsed;
  const namespace = Object.values(root.namespaces).find((uri) => uri.startsWith(NAMESPACE_PREFIX));
  if (!namespace) {
    return {
      ok: false,
      code: 'XDF_NOT_XDATENFELDER',
      message: `<${root.name}> is not an XDatenfelder message (no namespace ${NAMESPACE_PREFIX}...).`,
    };
  }
  const standardVersion = namespace.slice(NAMESPACE_PREFIX.length);
  if (!/^(2|3)(\.|$)/.test(standardVersion)) {
    return {
      ok: false,
      code: 'XDF_VERSION_UNSUPPORTED',
      message: `XDatenfelder ${standardVersion} is not supported; only XDatenfelder 2 and 3 can be imported. Export the schema from the FIM repository as XDatenfelder 2 or 3.`,
    };
  }
  const kind = (Object.keys(MESSAGE_KINDS) as (keyof typeof MESSAGE_KINDS)[]).find((name) => root.has(name));
  const element = kind && root.child(kind);
  if (!kind || !element) {
    return {
      ok: false,
      code: 'XDF_MESSAGE_UNSUPPORTED',
      message: `<${root.name}> holds no Stammdatenschema, Datenfeldgruppe or Datenfeld; nothing to import.`,
    };
  }

  const context: ImportContext = {
    warnings: [],
    codeLists: [],
    stats: { fields: 0, groups: 0, labels: 0, rules: 0 },
    rules: new Map(),
  };
  loadCodeLists(options.codeLists ?? {}, context);
  const info = readElementInfo(element);
  let children: ConvertedChildren;
  if (kind === 'datenfeld') {
    // A single field becomes the only, required property of the form.
    children = createChildren();
    addElement(children, new Set(), element, '1:1', context);
  } else {
    children = convertChildren(element, context);
  }

  const kindLabel = MESSAGE_KINDS[kind];
  const schemaName = info.name || info.label || info.id;
  const fimReference = `${kindLabel} ${info.id}${info.version ? ` Version ${info.version}` : ''}`;
  const description = [element.childText('beschreibung'), element.childText('definition')].find(
    (text) => codePointLength(text) >= 10 && text !== '-',
  );
  const legalBasis = element
    .children('bezug')
    .map((reference) => reference.text())
    .filter((text) => text && text !== '-')
    .join('; ');
  const title = codePointLength(info.label) >= 3 ? info.label : `FIM-Import ${schemaName}`;
  const steps = buildSteps(children.order, context);
  context.stats.rules = context.rules.size;

  const definition: FormDefinition = {
    id: toSlug(schemaName, info.id),
    version: '0.1.0',
    title: truncateText(title, 200),
    description: truncateText(description ?? `Entwurf aus dem FIM-${fimReference} „${schemaName}“.`, 5000),
    lead: { kind: 'kreis' },
    ...(legalBasis ? { legalBasis: truncateText(legalBasis, 500) } : {}),
    retentionDays: 365,
    schema: {
      type: 'object',
      $comment: info.reference,
      properties: children.properties,
      ...(children.required.length > 0 ? { required: children.required } : {}),
      additionalProperties: false,
    },
    uiSchema: children.uiSchema,
    ...(steps ? { steps } : {}),
    changelog: {
      date: options.today ?? todayInGermany(),
      summary: `Import aus FIM-${fimReference} „${truncateText(schemaName, 300)}“ (Entwurf, XDatenfelder ${standardVersion}).`,
    },
    source: {
      kind: 'fim-xdf',
      schemaId: truncateText(info.id, 100),
      schemaVersion: truncateText(info.version, 40),
      rules: [...context.rules.values()].slice(0, 500),
    },
  };
  if (context.rules.size > 500) {
    context.warnings.push({ code: 'rules-truncated', message: `Only the first 500 of ${context.rules.size} rules are kept.` });
  }
  // A field used in several groups would repeat the same warning; report it once.
  const seen = new Set<string>();
  const warnings = context.warnings.filter((warning) => {
    const key = `${warning.code}|${warning.elementId ?? ''}|${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: true, definition, warnings, stats: context.stats };
}
