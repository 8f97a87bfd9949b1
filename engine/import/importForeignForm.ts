import { checkDefinition, type DefinitionProblem } from '../checkDefinition.ts';
import type { FormDefinition } from '../generated/FormDefinition.ts';
import { toSlug } from '../fim/toSlug.ts';
import { codePointLength, truncateText } from '../fim/truncateText.ts';
import { todayInGermany } from '../todayInGermany.ts';
import { convertDigiwf } from './convertDigiwf.ts';
import { convertFormio } from './convertFormio.ts';
import { convertSurveyjs } from './convertSurveyjs.ts';
import { detectFormKind, FOREIGN_FORM_KINDS, type ForeignFormKind } from './detectFormKind.ts';
import { settleSteps } from './FormBuilder.ts';
import { ImportRefusal, ImportReporter, isPlainObject, type ImportReportEntry } from './ImportReport.ts';
import { cleanUiSchema, mapJsonFormsUiSchema, settleUiOrder } from './mapUiSchema.ts';
import { normalizeSchema, type JsonSchema } from './normalizeSchema.ts';
import type { RawForm } from './RawForm.ts';

export type { ImportReportCode, ImportReportEntry } from './ImportReport.ts';
export { detectFormKind, FOREIGN_FORM_KINDS, type ForeignFormKind } from './detectFormKind.ts';

export interface ImportForeignFormOptions {
  /** The source family; detected when not given. */
  from?: ForeignFormKind;
  /** Id (slug) of the new definition; derived from the source's title or name when not given. */
  id?: string;
  /** Date of the changelog entry (YYYY-MM-DD); defaults to today in Germany. */
  today?: string;
  /** Name of the source (e.g. the file name without extension): title and id when the form names itself nowhere. */
  sourceName?: string;
}

export type ImportForeignFormErrorCode = 'IMPORT_NOT_A_FORM' | 'IMPORT_CIRCULAR_REF' | 'IMPORT_TOO_DEEP' | 'IMPORT_TOO_LARGE' | 'IMPORT_BAD_ID' | 'IMPORT_BAD_KIND';

export type ImportForeignFormResult =
  | {
      ok: true;
      kind: ForeignFormKind;
      definition: FormDefinition;
      /** Every change made and everything not carried over, with its source path (German messages). */
      report: ImportReportEntry[];
      /** What `checkDefinition` still finds in the draft (empty when it is ready for `forms validate`). */
      problems: DefinitionProblem[];
    }
  | { ok: false; kind?: ForeignFormKind; code: ImportForeignFormErrorCode; path: string; message: string; report: ImportReportEntry[] };

const KIND_LABELS: Readonly<Record<ForeignFormKind, string>> = {
  jsonschema: 'JSON Schema (react-jsonschema-form / JSON Forms)',
  digiwf: 'DigiWF (vjsf)',
  formio: 'Form.io',
  surveyjs: 'SurveyJS',
};
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where the uiSchema sits in the source file, for report paths. */
function wrappedUiPath(source: Record<string, unknown>): string {
  return isPlainObject(source.uischema) ? '/uischema' : isPlainObject(source.uiSchema) ? '/uiSchema' : '';
}

function convertJsonSchema(source: Record<string, unknown>, report: ImportReporter): RawForm {
  const wrapped = isPlainObject(source.schema);
  const schema = (wrapped ? source.schema : source) as JsonSchema;
  let uiSchema = {};
  let steps: RawForm['steps'] = [];
  if (wrapped && isPlainObject(source.uischema)) {
    const mapped = mapJsonFormsUiSchema(source.uischema, '/uischema', report);
    uiSchema = mapped.uiSchema;
    steps = mapped.steps;
  } else if (wrapped && isPlainObject(source.uiSchema)) {
    uiSchema = cleanUiSchema(source.uiSchema, '/uiSchema', report);
  }
  if (wrapped && 'formData' in source) report.add('/formData', 'setting-dropped', 'Die Beispieldaten („formData“) wurden nicht übernommen.');
  return {
    title: typeof schema.title === 'string' ? schema.title : typeof source.title === 'string' ? source.title : undefined,
    description: typeof schema.description === 'string' ? schema.description : undefined,
    sourceId: typeof schema.$id === 'string' ? schema.$id : undefined,
    schema,
    schemaPath: wrapped ? '/schema' : '',
    uiSchema,
    steps,
  };
}

/**
 * Imports a form of another system as a DRAFT definition (version 0.1.0, lead Kreis, marked as imported in
 * `source`): react-jsonschema-form and JSON Forms schemas, DigiWF (vjsf) forms, Form.io and SurveyJS JSON. Each
 * family is converted to a JSON Schema with uiSchema and steps, then made safe by `normalizeSchema` (closed objects,
 * limits, inlined refs ...). Every change and everything left out is in `report` (German, with the source path);
 * what `checkDefinition` still finds is in `problems`. A circular `$ref` or a file that is no form is refused.
 * Pure: the caller reads and parses the file.
 */
export function importForeignForm(source: unknown, options: ImportForeignFormOptions = {}): ImportForeignFormResult {
  const report = new ImportReporter();
  if (options.from !== undefined && !FOREIGN_FORM_KINDS.includes(options.from)) {
    return { ok: false, code: 'IMPORT_BAD_KIND', path: '', message: `Unbekannte Quellart „${String(options.from)}“; möglich sind ${FOREIGN_FORM_KINDS.join(', ')}.`, report: [] };
  }
  if (options.id !== undefined && (!ID_PATTERN.test(options.id) || options.id.length < 3 || options.id.length > 64)) {
    return { ok: false, code: 'IMPORT_BAD_ID', path: '', message: 'Die Kennung muss 3 bis 64 Zeichen lang sein und aus Kleinbuchstaben, Ziffern und Bindestrichen bestehen.', report: [] };
  }
  const detected = detectFormKind(source);
  const kind = options.from ?? detected;
  if (!kind || !isPlainObject(source)) {
    return {
      ok: false,
      code: 'IMPORT_NOT_A_FORM',
      path: '',
      message: 'Die Datei ist kein Formular der unterstützten Arten (JSON Schema, react-jsonschema-form, JSON Forms, DigiWF, Form.io, SurveyJS).',
      report: [],
    };
  }
  report.add('', 'kind-detected', options.from ? `Als ${KIND_LABELS[kind]} importiert (vorgegeben).` : `Als ${KIND_LABELS[kind]} erkannt.`);
  let raw: RawForm;
  let schema: JsonSchema;
  try {
    raw = kind === 'formio' ? convertFormio(source, report) : kind === 'surveyjs' ? convertSurveyjs(source, report) : kind === 'digiwf' ? convertDigiwf(source, report) : convertJsonSchema(source, report);
    const { title: _title, description: _description, ...dataSchema } = raw.schema;
    if (dataSchema.type !== undefined && dataSchema.type !== 'object') {
      return { ok: false, kind, code: 'IMPORT_NOT_A_FORM', path: `${raw.schemaPath}/type`, message: `Das Schema beschreibt kein Objekt (Typ „${String(dataSchema.type)}“); ein Formular braucht Felder.`, report: report.entries };
    }
    schema = normalizeSchema(dataSchema, raw.schemaPath, {
      root: raw.schema,
      report,
      ...(raw.describeKeyword ? { describeKeyword: raw.describeKeyword } : {}),
      ...(raw.propertyPaths ? { propertyPaths: raw.propertyPaths } : {}),
    }, raw.uiSchema);
  } catch (error) {
    if (error instanceof ImportRefusal) return { ok: false, kind, code: error.code, path: error.path, message: error.message, report: report.entries };
    throw error;
  }
  if (!raw.sourceId && options.sourceName?.trim()) raw.sourceId = options.sourceName.trim().slice(0, 100);
  const names = Object.keys(isPlainObject(schema.properties) ? schema.properties : {});
  if (names.length === 0) report.add(raw.schemaPath, 'no-fields', 'Das Formular hat keine Eingabefelder; legen Sie sie im Editor an.');
  const steps = settleSteps(raw.steps, names, report, raw.schemaPath);
  settleUiOrder(raw.uiSchema, schema, wrappedUiPath(source), report);

  const title = raw.title && codePointLength(raw.title.trim()) >= 3 ? raw.title.trim() : `Import ${raw.sourceId ?? KIND_LABELS[kind]}`;
  const id = options.id ?? toSlug(raw.title ?? raw.sourceId ?? '', `import-${kind}`);
  const description = raw.description && codePointLength(raw.description.trim()) >= 10
    ? raw.description.trim()
    : `Entwurf aus dem importierten ${KIND_LABELS[kind]}-Formular „${title}“.`;
  const definition: FormDefinition = {
    id: ID_PATTERN.test(id) && id.length >= 3 ? id.slice(0, 64).replace(/-+$/, '') : `import-${kind}`,
    version: '0.1.0',
    title: truncateText(title, 200),
    description: truncateText(description, 5000),
    lead: { kind: 'kreis' },
    retentionDays: 365,
    schema: schema as FormDefinition['schema'],
    uiSchema: raw.uiSchema,
    ...(steps.length > 0 ? { steps } : {}),
    changelog: {
      date: options.today ?? todayInGermany(),
      summary: truncateText(`Import aus ${KIND_LABELS[kind]}${raw.sourceId ? ` „${raw.sourceId}“` : ''} (Entwurf): ${report.entries.length} Hinweise im Importbericht.`, 2000),
    },
    source: {
      kind,
      ...(raw.sourceId ? { schemaId: truncateText(raw.sourceId, 100) } : {}),
      ...(report.rules.length > 0 ? { rules: report.rules } : {}),
    },
  };
  const problems = checkDefinition(definition);
  for (const problem of problems) {
    report.add(problem.pointer, 'schema-problem', `Noch zu klären, bevor der Entwurf veröffentlicht werden kann: ${problem.message}`);
  }
  return { ok: true, kind, definition, report: report.entries, problems };
}
