import { isPlainObject, pointerToken, RESERVED_NAMES, type ImportReporter } from './ImportReport.ts';
import type { ImportedStep, UiSchema } from './mapUiSchema.ts';
import { FILE_MAX_LENGTH, FILE_PATTERN, type JsonSchema } from './normalizeSchema.ts';
import type { RawForm } from './RawForm.ts';

const LAYOUT_KEYWORDS: Readonly<Record<string, string>> = {
  'x-props': '„x-props“ (Vuetify-Darstellung) wurde nicht übernommen',
  'x-options': '„x-options“ (Spaltenbreiten, CSS-Klassen) wurde nicht übernommen',
  'x-rules': '„x-rules“ wurde als Pflichtfeld-Angabe übernommen',
  'x-display': '„x-display“ wurde als Eingabeelement übernommen, soweit es eines gibt',
  fieldType: '„fieldType“ (Feldart des DigiWF-Formulareditors) wurde über den Typ übernommen',
  key: '„key“ (Kennung im DigiWF-Formulareditor) wurde nicht übernommen',
  containerType: '„containerType“ (Gruppe) wurde als Abschnitt übernommen',
  filePath: '„filePath“ (Ablageort im DigiWF-Dokumentenspeicher) wurde nicht übernommen',
};

function blank(text: unknown): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

/**
 * DigiWF (Munich's vjsf forms): `schema.allOf` sections, each with `allOf` groups of `properties`. All fields become
 * top-level properties; sections (or, with one section, groups) become steps; `x-rules: ["required"]` becomes
 * `required`; `x-display` maps to a widget (textarea, date, time, switch) or is reported; markdown fields are
 * display text and are reported; file inputs (kept in DigiWF's S3 store) become attachments as data URLs.
 */
export function convertDigiwf(source: Record<string, unknown>, report: ImportReporter): RawForm {
  const wrapped = isPlainObject(source.schema);
  const root = (wrapped ? source.schema : source) as JsonSchema;
  const base = wrapped ? '/schema' : '';
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const paths: Record<string, string> = {};
  const uiSchema: UiSchema = {};
  const texts: string[] = [];
  const sections: { title: string; groups: ImportedStep[] }[] = [];

  const addField = (name: string, field: unknown, at: string, group: ImportedStep): void => {
    if (!isPlainObject(field)) return;
    if (RESERVED_NAMES.has(name)) {
      report.add(at, 'component-dropped', `Der Feldname „${name}“ ist nicht zulässig; das Feld wurde nicht übernommen.`);
      return;
    }
    if (Object.prototype.hasOwnProperty.call(properties, name)) {
      report.add(at, 'name-duplicate', `Das Feld „${name}“ kommt mehrfach vor; nur das erste wurde übernommen.`);
      return;
    }
    const display = field['x-display'];
    const fieldType = field.fieldType;
    if (display === 'markdown' || fieldType === 'markdown') {
      const text = typeof field.default === 'string' ? field.default : '';
      report.add(at, 'display-text-dropped', `Der Anzeigetext „${String(field.title ?? name)}“ ist kein Eingabefeld; sein Text wurde in die Beschreibung des Formulars übernommen.`);
      if (text.trim()) texts.push(text.trim());
      return;
    }
    let schema: JsonSchema = { ...field };
    const ui: Record<string, unknown> = {};
    if (display === 'textarea' || fieldType === 'textarea') ui['ui:widget'] = 'textarea';
    else if (display === 'custom-date-input' || fieldType === 'date') schema.format = 'date';
    else if (display === 'custom-time-input' || fieldType === 'time') schema.format = 'time';
    else if (display === 'switch') ui['ui:widget'] = 'checkbox';
    else if (display === 'custom-multi-file-input' || fieldType === 'file') {
      const maxFiles = typeof field.maxFiles === 'number' && field.maxFiles > 0 ? field.maxFiles : 10;
      schema = {
        type: 'array',
        ...(typeof field.title === 'string' ? { title: field.title } : {}),
        ...(typeof field.description === 'string' ? { description: field.description } : {}),
        items: { type: 'string', format: 'data-url', maxLength: FILE_MAX_LENGTH, pattern: FILE_PATTERN },
        maxItems: maxFiles,
      };
      report.add(at, 'file-mapped', `Der Datei-Upload (DigiWF-Dokumentenspeicher) wurde als Anhang übernommen: höchstens ${maxFiles} Dateien (PDF, JPEG, PNG), je Datei bis etwa 5 MB.`);
    } else if (typeof display === 'string' && display.trim() && display !== 'textarea') {
      const what = display === 'custom-user-input' || display === 'custom-multi-user-input' ? 'die Benutzerauswahl aus dem Verzeichnis der Stadtverwaltung' : `„${display}“`;
      report.add(`${at}/x-display`, 'widget-dropped', `Das Eingabeelement ${what} gibt es hier nicht; das Feld ist ein einfaches Eingabefeld.`);
    }
    const rules = Array.isArray(field['x-rules']) ? field['x-rules'] : [];
    if (rules.includes('required') || rules.includes('requiredObject')) {
      required.push(name);
      // A required upload or multi-select needs at least one entry, not just an empty list.
      if (schema.type === 'array' && typeof schema.minItems !== 'number') schema.minItems = 1;
    }
    for (const rule of rules) {
      if (rule !== 'required' && rule !== 'requiredObject') {
        report.add(`${at}/x-rules`, 'validator-dropped', `Die Prüfregel „${String(rule)}“ wurde nicht übernommen.`);
        report.keepRule(`${at}/x-rules`, `DigiWF-Regel von ${name}`, String(rule));
      }
    }
    if (field.readOnly === true) {
      ui['ui:readonly'] = true;
    }
    properties[name] = schema;
    paths[name] = at;
    if (Object.keys(ui).length > 0) uiSchema[name] = ui;
    group.properties.push(name);
  };

  const readGroup = (group: unknown, at: string, section: { title: string; groups: ImportedStep[] }): void => {
    if (!isPlainObject(group)) return;
    const step: ImportedStep = { title: blank(group.title) ? section.title : String(group.title).trim(), properties: [] };
    if (isPlainObject(group.properties)) {
      for (const [name, field] of Object.entries(group.properties)) addField(name, field, `${at}/properties/${pointerToken(name)}`, step);
    }
    if (Array.isArray(group.allOf)) group.allOf.forEach((child, index) => readGroup(child, `${at}/allOf/${index}`, section));
    if (step.properties.length === 0 && !blank(group.description)) {
      texts.push(String(group.description).trim());
      report.add(at, 'display-text-dropped', `Die Gruppe „${String(group.title ?? '')}“ enthält nur einen Hinweistext; er wurde in die Beschreibung des Formulars übernommen.`);
    }
    if (step.properties.length > 0) section.groups.push(step);
  };

  const topSections = Array.isArray(root.allOf) ? root.allOf : [root];
  topSections.forEach((section, index) => {
    if (!isPlainObject(section)) return;
    const entry = { title: blank(section.title) ? `Abschnitt ${index + 1}` : String(section.title).trim(), groups: [] as ImportedStep[] };
    readGroup(section, Array.isArray(root.allOf) ? `${base}/allOf/${index}` : base, entry);
    sections.push(entry);
  });
  if (isPlainObject(root.properties) && Array.isArray(root.allOf)) {
    const extra = { title: 'Weitere Angaben', groups: [] as ImportedStep[] };
    readGroup({ properties: root.properties }, base, extra);
    sections.push(extra);
  }

  const filled = sections.filter((section) => section.groups.length > 0);
  let steps: ImportedStep[] = [];
  if (filled.length > 1) {
    steps = filled.map((section) => ({ title: section.title, properties: section.groups.flatMap((group) => group.properties) }));
  } else if (filled.length === 1 && filled[0]!.groups.length > 1) {
    steps = filled[0]!.groups;
  }
  if (steps.length > 0) report.add(base, 'steps-created', `Die ${steps.length} Abschnitte/Gruppen des DigiWF-Formulars wurden Schritte.`);
  const title = !blank(source.title)
    ? String(source.title)
    : (sections.find((section) => !section.title.startsWith('Abschnitt '))?.title ?? filled[0]?.groups.find((group) => !group.title.startsWith('Abschnitt '))?.title);
  return {
    title,
    description: texts.length > 0 ? texts.join('\n\n') : undefined,
    sourceId: typeof source.key === 'string' ? source.key : typeof root.key === 'string' ? root.key : undefined,
    schema: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) },
    schemaPath: base,
    propertyPaths: paths,
    uiSchema,
    steps,
    describeKeyword: (keyword) => LAYOUT_KEYWORDS[keyword] ?? (['maxFiles', 'maxFileSize', 'maxTotalSize', 'accept'].includes(keyword) ? `„${keyword}“ (DigiWF-Dateiupload) wurde durch die Anhang-Grenzen ersetzt` : undefined),
  };
}
