import { codePointLength, truncateText } from './truncateText.ts';
import { escapeRegExp } from './escapeRegExp.ts';
import type { ElementInfo, ImportContext, JsonSchema, UiSchema } from './ImportContext.ts';
import { parsePraezisierung, type Praezisierung } from './parsePraezisierung.ts';
import { resolveCodeList } from './resolveCodeList.ts';
import type { XmlElement } from './XmlElement.ts';

const DEFAULT_MAX_LENGTH = 1000;
const DEFAULT_FILE_KILOBYTES = 5 * 1024;
const DEFAULT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const STRING_FORMATS: Readonly<Record<string, JsonSchema>> = {
  date: { format: 'date', maxLength: 10 },
  // A wall-clock time as the browser's time input gives it ("14:30" or "14:30:00"). JSON Schema's `time` format
  // (RFC 3339 full-time) demands a UTC offset that no citizen enters, so a pattern is used instead.
  time: { pattern: '^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?$', maxLength: 8 },
  datetime: { format: 'date-time', maxLength: 40 },
};

function toAnchoredPattern(pattern: string, elementId: string, context: ImportContext): string | undefined {
  // XSD patterns match the whole value; JSON Schema patterns match anywhere, so anchor them. Some FIM patterns
  // already carry ^...$ (regex habit); those outer anchors are dropped before wrapping.
  const body = pattern.replace(/^\^/, '').replace(/(?<!\\)((?:\\\\)*)\$$/, '$1');
  const anchored = `^(?:${body})$`;
  try {
    new RegExp(anchored, 'u');
    return anchored;
  } catch {
    context.warnings.push({
      code: 'pattern-invalid',
      elementId,
      message: `Pattern "${truncateText(pattern, 200)}" is not a valid regular expression; left out.`,
    });
    return undefined;
  }
}

function applyLengths(schema: JsonSchema, constraints: Praezisierung, info: ElementInfo, context: ImportContext): void {
  let { minLength, maxLength } = constraints;
  if (minLength !== undefined && maxLength !== undefined && maxLength < minLength) {
    context.warnings.push({
      code: 'praezisierung-invalid',
      elementId: info.id,
      message: `maxLength ${maxLength} is below minLength ${minLength}; minLength left out.`,
    });
    minLength = undefined;
  }
  if (maxLength === undefined || maxLength < 1) maxLength = Math.max(DEFAULT_MAX_LENGTH, minLength ?? 0);
  if (minLength !== undefined && minLength > 0) schema.minLength = minLength;
  schema.maxLength = maxLength;
  if (constraints.pattern) {
    const pattern = toAnchoredPattern(constraints.pattern, info.id, context);
    if (pattern) schema.pattern = pattern;
  }
}

function applyValueRange(schema: JsonSchema, constraints: Praezisierung, info: ElementInfo, context: ImportContext): void {
  for (const [key, keyword] of [
    ['minValue', 'minimum'],
    ['maxValue', 'maximum'],
  ] as const) {
    const value = constraints[key];
    if (value === undefined) continue;
    const number = Number(value.replace(',', '.'));
    if (value !== '' && Number.isFinite(number)) schema[keyword] = number;
    else {
      context.warnings.push({
        code: 'praezisierung-invalid',
        elementId: info.id,
        message: `${key} "${value}" is not a number; left out.`,
      });
    }
  }
}

function warnValueRangeIgnored(constraints: Praezisierung, info: ElementInfo, datatype: string, context: ImportContext): void {
  if (constraints.minValue === undefined && constraints.maxValue === undefined) return;
  context.warnings.push({
    code: 'value-range-ignored',
    elementId: info.id,
    message: `Value range ${constraints.minValue ?? ''}..${constraints.maxValue ?? ''} of a ${datatype} field has no JSON Schema keyword here; model it by hand.`,
  });
}

/** The accepted media types of a file field: XDF3 `mediaType` elements, else PDF, JPEG and PNG. */
function mediaTypesOf(field: XmlElement): string[] {
  const mediaTypes = field
    .children('mediaType')
    .map((element) => element.text().toLowerCase())
    .filter((type) => /^[a-z0-9!#$&^_.+-]+\/(\*|[a-z0-9!#$&^_.+-]+)$/.test(type));
  return mediaTypes.length > 0 ? mediaTypes : DEFAULT_MEDIA_TYPES;
}

function fileSchema(field: XmlElement, info: ElementInfo, context: ImportContext): JsonSchema {
  const types = mediaTypesOf(field);
  const alternatives = types.map((type) =>
    type.endsWith('/*') ? `${escapeRegExp(type.slice(0, -2))}/[a-z0-9!#$&^_.+-]+` : escapeRegExp(type),
  );
  const maxSizeText = field.childText('maxSize');
  let kilobytes = Number(maxSizeText);
  if (!maxSizeText || !Number.isInteger(kilobytes) || kilobytes < 1) {
    kilobytes = DEFAULT_FILE_KILOBYTES;
    context.warnings.push({
      code: 'file-size-default',
      elementId: info.id,
      message: `File field without a maximum size; limited to ${DEFAULT_FILE_KILOBYTES} KB (${types.join(', ')}).`,
    });
  }
  // Base64 needs 4 characters per 3 bytes; the prefix holds the media type and the file name.
  const maxLength = Math.ceil((kilobytes * 1024) / 3) * 4 + 512;
  return {
    type: 'string',
    format: 'data-url',
    maxLength,
    pattern: `^data:(?:${alternatives.join('|')});name=[^;,]+;base64,`,
  };
}

function selectSchema(field: XmlElement, info: ElementInfo, context: ImportContext): { schema: JsonSchema; comment: string } {
  const codeList = resolveCodeList(field, info, context);
  if (!codeList) {
    return { schema: { type: 'string', maxLength: DEFAULT_MAX_LENGTH }, comment: 'Auswahlfeld ohne Codeliste: freier Text' };
  }
  const seen = new Set<string>();
  const options: JsonSchema[] = [];
  for (const entry of codeList.entries) {
    if (seen.has(entry.code)) {
      context.warnings.push({
        code: 'codelist-duplicate-code',
        elementId: info.id,
        message: `Code "${entry.code}" occurs twice in ${codeList.label}; the second entry is left out.`,
      });
      continue;
    }
    seen.add(entry.code);
    options.push({ const: entry.code, title: entry.name });
  }
  const maxLength = Math.max(...codeList.entries.map((entry) => entry.code.length));
  return { schema: { type: 'string', maxLength, oneOf: options }, comment: `Codeliste ${codeList.label}` };
}

function isValidText(content: string, schema: JsonSchema): boolean {
  if (Array.isArray(schema.oneOf)) return schema.oneOf.some((option: JsonSchema) => option.const === content);
  if (schema.format) return false;
  const length = codePointLength(content);
  if (length > (schema.maxLength as number) || length < ((schema.minLength as number | undefined) ?? 0)) return false;
  return typeof schema.pattern !== 'string' || new RegExp(schema.pattern, 'u').test(content);
}

function toDefault(content: string, schema: JsonSchema): unknown {
  if (!content) return undefined;
  switch (schema.type) {
    case 'string':
      return isValidText(content, schema) ? content : undefined;
    case 'boolean':
      return content === 'true' ? true : content === 'false' ? false : undefined;
    case 'number':
    case 'integer': {
      const number = Number(content);
      const inRange =
        (typeof schema.minimum !== 'number' || number >= schema.minimum) && (typeof schema.maximum !== 'number' || number <= schema.maximum);
      return Number.isFinite(number) && inRange && (schema.type === 'number' || Number.isInteger(number)) ? number : undefined;
    }
    default:
      return undefined;
  }
}

/** A converted field or group: its JSON Schema, its uiSchema and whether a citizen can fill it. */
export interface ConvertedElement {
  schema: JsonSchema;
  ui: UiSchema;
  /** False for hidden or read-only fields without a default: nobody could fill them, so they cannot be required. */
  fillable: boolean;
}

/**
 * Converts a FIM data field into a JSON Schema property (title, type, constraints, default, `$comment` with the
 * FIM id) and its uiSchema (help, widget). Labels (static text) give undefined. Problems become warnings.
 */
export function convertField(field: XmlElement, info: ElementInfo, context: ImportContext): ConvertedElement | undefined {
  const feldart = field.childCode('feldart') || 'input';
  let datatype = field.childCode('datentyp') || 'text';
  if (feldart === 'label') {
    context.stats.labels += 1;
    const text = field.childText('inhalt') || info.label;
    context.warnings.push({
      code: 'label-skipped',
      elementId: info.id,
      message: `Label field (static text, no data) left out: "${truncateText(text, 300)}".`,
    });
    return undefined;
  }
  if (!['input', 'select', 'hidden', 'locked'].includes(feldart)) {
    context.warnings.push({ code: 'feldart-unknown', elementId: info.id, message: `Field kind "${feldart}" unknown; imported as input.` });
  }
  const parsed = parsePraezisierung(field.child('praezisierung'));
  for (const problem of parsed.problems) context.warnings.push({ code: 'praezisierung-invalid', elementId: info.id, message: problem });
  const constraints = parsed.praezisierung;

  let schema: JsonSchema;
  let comment = '';
  if (feldart === 'select') {
    ({ schema, comment } = selectSchema(field, info, context));
  } else {
    if (datatype === 'obj') datatype = 'file';
    switch (datatype) {
      case 'text':
      case 'text_latin':
        schema = { type: 'string' };
        applyLengths(schema, constraints, info, context);
        warnValueRangeIgnored(constraints, info, datatype, context);
        break;
      case 'date':
      case 'time':
      case 'datetime': {
        schema = { type: 'string', ...STRING_FORMATS[datatype] };
        warnValueRangeIgnored(constraints, info, datatype, context);
        break;
      }
      case 'bool':
        // Ja/Nein radio buttons: an unticked checkbox could not tell "no" from "not answered".
        schema = { type: 'boolean', oneOf: [{ const: true, title: 'Ja' }, { const: false, title: 'Nein' }] };
        break;
      case 'num':
      case 'num_int':
      case 'num_currency':
        schema = { type: datatype === 'num_int' ? 'integer' : 'number' };
        if (datatype === 'num_currency') schema.multipleOf = 0.01;
        applyValueRange(schema, constraints, info, context);
        break;
      case 'file':
        schema = fileSchema(field, info, context);
        break;
      default:
        context.warnings.push({
          code: 'datatype-unknown',
          elementId: info.id,
          message: `Data type "${datatype}" unknown; imported as text.`,
        });
        schema = { type: 'string' };
        applyLengths(schema, constraints, info, context);
    }
  }
  const content = field.childText('inhalt');
  const defaultValue = toDefault(content, schema);
  if (defaultValue !== undefined) schema.default = defaultValue;
  else if (content) {
    context.warnings.push({
      code: 'default-ignored',
      elementId: info.id,
      message: `Content "${truncateText(content, 200)}" does not fit the field's type; not used as default.`,
    });
  }
  const ui: UiSchema = {};
  if (info.help) ui['ui:help'] = info.help;
  if (feldart === 'hidden') ui['ui:widget'] = 'hidden';
  if (feldart === 'locked') ui['ui:readonly'] = true;
  if (schema.type === 'boolean' && feldart !== 'hidden') ui['ui:widget'] = 'radio';
  if (datatype === 'time' && (feldart === 'input' || feldart === 'locked')) ui['ui:widget'] = 'time';
  if (schema.format === 'data-url') ui['ui:options'] = { accept: mediaTypesOf(field).join(',') };
  context.stats.fields += 1;
  const fillable = !['hidden', 'locked'].includes(feldart) || schema.default !== undefined;
  return { schema: { title: truncateText(info.label, 500), ...schema, $comment: [info.reference, comment].filter(Boolean).join('; ') }, ui, fillable };
}

