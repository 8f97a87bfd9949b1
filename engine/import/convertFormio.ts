import { choicesToOneOf, choiceType, fileSchema, ObjectBuilder, type SimpleCondition } from './FormBuilder.ts';
import { isPlainObject, type ImportReporter } from './ImportReport.ts';
import type { ImportedStep, UiSchema } from './mapUiSchema.ts';
import { DEFAULT_MAX_ITEMS, type JsonSchema } from './normalizeSchema.ts';
import type { RawForm } from './RawForm.ts';

type Component = Record<string, unknown>;

const LAYOUTS = new Set(['panel', 'fieldset', 'well', 'columns', 'table', 'tabs', 'form']);
const DISPLAY_ONLY = new Set(['htmlelement', 'content']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A declarative Form.io condition (`{show, when, eq}` or `{show, conjunction, conditions: [one isEqual]}`), if it is one. */
function readCondition(conditional: unknown): SimpleCondition | 'none' | 'complex' {
  if (!isPlainObject(conditional)) return 'none';
  const show = conditional.show === true || conditional.show === 'true';
  if (typeof conditional.when === 'string' && conditional.when !== '') {
    return show ? { when: conditional.when, value: conditional.eq } : 'complex';
  }
  if (Array.isArray(conditional.conditions) && conditional.conditions.length > 0) {
    const [only] = conditional.conditions;
    if (show && conditional.conditions.length === 1 && isPlainObject(only) && typeof only.component === 'string' && only.operator === 'isEqual') {
      return { when: only.component.split('.').pop()!, value: only.value };
    }
    return 'complex';
  }
  return 'none';
}

function childLists(component: Component): { list: unknown[]; path: string }[] {
  const lists: { list: unknown[]; path: string }[] = [];
  if (Array.isArray(component.components)) lists.push({ list: component.components, path: 'components' });
  if (Array.isArray(component.columns)) {
    component.columns.forEach((column, index) => {
      if (isPlainObject(column) && Array.isArray(column.components)) lists.push({ list: column.components, path: `columns/${index}/components` });
    });
  }
  if (Array.isArray(component.rows)) {
    component.rows.forEach((row, rowIndex) => {
      if (!Array.isArray(row)) return;
      row.forEach((cell, cellIndex) => {
        if (isPlainObject(cell) && Array.isArray(cell.components)) lists.push({ list: cell.components, path: `rows/${rowIndex}/${cellIndex}/components` });
      });
    });
  }
  return lists;
}

/**
 * Form.io JSON (`components` with `type`): inputs become typed properties (textfield, textarea, number, currency,
 * email, phoneNumber, url, datetime, day, time, select, radio, selectboxes, checkbox, file, tags), containers
 * nested objects, data grids lists of objects; panels, columns and other layouts are flattened (in a wizard the
 * top-level panels become steps). `validate` limits and a declarative `conditional` on a required field are kept;
 * custom JavaScript (validate.custom, calculateValue, customConditional, logic) is reported and kept as text.
 */
export function convertFormio(source: Record<string, unknown>, report: ImportReporter): RawForm {
  const root = new ObjectBuilder(report);
  const steps: ImportedStep[] = [];
  const wizard = source.display === 'wizard';

  const convertList = (list: unknown[], at: string, target: ObjectBuilder, step: ImportedStep | undefined, top: boolean): void => {
    list.forEach((component, index) => convert(component, `${at}/${index}`, target, step, top));
  };

  const convert = (input: unknown, at: string, target: ObjectBuilder, step: ImportedStep | undefined, top: boolean): void => {
    if (!isPlainObject(input)) return;
    const component: Component = input;
    const type = typeof component.type === 'string' ? component.type : '';
    const label = text(component.label) ?? text(component.title);
    const key = text(component.key);
    for (const [keyword, name] of [['calculateValue', 'Berechneter Wert'], ['customConditional', 'Bedingung (JavaScript)'], ['customDefaultValue', 'Vorbelegung (JavaScript)']] as const) {
      if (text(component[keyword])) {
        report.add(`${at}/${keyword}`, keyword === 'customConditional' ? 'condition-dropped' : 'calculation-dropped', `${name} von „${key ?? label ?? type}“ ist JavaScript und wurde nicht übernommen; der Code ist bei den Regeln festgehalten.`);
        report.keepRule(`${at}/${keyword}`, `${name} von ${key ?? type}`, String(component[keyword]));
      }
    }
    if (Array.isArray(component.logic) && component.logic.length > 0) {
      report.add(`${at}/logic`, 'rule-dropped', `Die Logik-Regeln von „${key ?? label ?? type}“ wurden nicht übernommen; sie sind bei den Regeln festgehalten.`);
      report.keepRule(`${at}/logic`, `Logik von ${key ?? type}`, JSON.stringify(component.logic));
    }
    const condition = readCondition(component.conditional);

    if (LAYOUTS.has(type)) {
      let pageStep = step;
      if (top && wizard && type === 'panel') {
        pageStep = { title: label ?? `Seite ${steps.length + 1}`, properties: [] };
        steps.push(pageStep);
      } else if (type === 'form') {
        report.add(at, 'layout-flattened', `Das eingebettete Formular „${label ?? key ?? ''}“ wurde mit seinen Feldern übernommen; es ist kein eigenes Formular mehr.`);
      } else if (label && type !== 'columns' && type !== 'table') {
        report.addAggregated(`layout:${type}`, at, 'layout-flattened', `Layout-Elemente wie „${type}“ (z. B. „${label}“) werden ohne eigenen Rahmen dargestellt; ihre Felder wurden übernommen`);
      }
      if (condition !== 'none') report.add(`${at}/conditional`, 'condition-dropped', `Die Bedingung, unter der „${label ?? key ?? type}“ angezeigt wird, wurde nicht übernommen; die Felder werden immer angezeigt.`);
      for (const { list, path } of childLists(component)) convertList(list, `${at}/${path}`, target, pageStep, top && type !== 'form' ? false : top);
      return;
    }
    if (DISPLAY_ONLY.has(type)) {
      report.add(at, 'display-text-dropped', 'Ein reiner Anzeigetext (HTML/Inhalt) wurde nicht übernommen.');
      return;
    }
    if (type === 'button') {
      report.addAggregated('button', at, 'component-dropped', 'Schaltflächen (z. B. „Absenden“) stellt das Portal selbst bereit; sie wurden nicht übernommen');
      return;
    }
    if (!key) {
      report.add(at, 'component-unknown', `Das Element „${type}“ hat keinen Schlüssel und wurde nicht übernommen.`);
      return;
    }
    if (component.input === false && type !== 'container') {
      report.add(at, 'component-dropped', `„${label ?? key}“ nimmt keine Eingabe an und wurde nicht übernommen.`);
      return;
    }
    const validate = isPlainObject(component.validate) ? component.validate : {};
    const ui: UiSchema = {};
    let schema: JsonSchema | undefined;
    const values = (list: unknown): { value: unknown; label: string }[] =>
      Array.isArray(list) ? list.filter(isPlainObject).map((entry) => ({ value: entry.value, label: String(entry.label ?? entry.value ?? '') })) : [];

    switch (type) {
      case 'textfield':
      case 'password':
        schema = { type: 'string' };
        if (type === 'password') ui['ui:widget'] = 'password';
        break;
      case 'textarea':
        schema = { type: 'string' };
        ui['ui:widget'] = 'textarea';
        break;
      case 'number':
      case 'currency':
        schema = { type: component.decimalLimit === 0 ? 'integer' : 'number' };
        if (typeof validate.min === 'number' || (typeof validate.min === 'string' && validate.min !== '')) schema.minimum = Number(validate.min);
        if (typeof validate.max === 'number' || (typeof validate.max === 'string' && validate.max !== '')) schema.maximum = Number(validate.max);
        break;
      case 'email':
        schema = { type: 'string', format: 'email' };
        break;
      case 'phoneNumber':
        schema = { type: 'string', format: 'de-phone' };
        report.add(at, 'format-mapped', `„${label ?? key}“ wird als deutsche Telefonnummer geprüft (Format „de-phone“).`);
        break;
      case 'url':
        schema = { type: 'string', format: 'uri' };
        break;
      case 'datetime': {
        const withTime = component.enableTime !== false && !(isPlainObject(component.widget) && component.widget.enableTime === false);
        schema = { type: 'string', format: withTime ? 'date-time' : 'date' };
        if (!withTime) ui['ui:widget'] = 'date';
        break;
      }
      case 'day':
        schema = { type: 'string', format: 'date' };
        ui['ui:widget'] = 'date';
        break;
      case 'time':
        schema = { type: 'string', format: 'time' };
        break;
      case 'select': {
        const source = typeof component.dataSrc === 'string' ? component.dataSrc : 'values';
        const data = isPlainObject(component.data) ? component.data : {};
        const choices = source === 'values' ? choicesToOneOf(values(data.values)) : [];
        if (choices.length === 0) {
          report.add(at, 'choices-dynamic', `Die Auswahlliste von „${label ?? key}“ wird zur Laufzeit geladen (${source}); das Feld ist ein Textfeld. Tragen Sie die Auswahl im Editor nach.`);
          schema = { type: 'string' };
        } else {
          schema = { type: choiceType(choices), oneOf: choices };
        }
        if (component.multiple === true) {
          const { title: _title, ...items } = schema;
          schema = { type: 'array', items, uniqueItems: true, maxItems: choices.length || DEFAULT_MAX_ITEMS };
          if (choices.length > 0) ui['ui:widget'] = 'checkboxes';
        }
        break;
      }
      case 'radio': {
        const choices = choicesToOneOf(values(component.values));
        schema = choices.length > 0 ? { type: choiceType(choices), oneOf: choices } : { type: 'string' };
        ui['ui:widget'] = 'radio';
        break;
      }
      case 'selectboxes': {
        const choices = choicesToOneOf(values(component.values));
        schema = { type: 'array', items: { type: choiceType(choices), oneOf: choices }, uniqueItems: true, maxItems: Math.max(choices.length, 1) };
        ui['ui:widget'] = 'checkboxes';
        report.add(at, 'choices-converted', `„${label ?? key}“ (Mehrfachauswahl) liefert eine Liste der gewählten Werte statt eines Objekts mit true/false je Wert.`);
        break;
      }
      case 'checkbox':
        schema = { type: 'boolean' };
        if (component.inputType === 'radio') report.add(at, 'component-dropped', `„${label ?? key}“ ist ein Kontrollkästchen in einer Radio-Gruppe „${String(component.name ?? '')}“; übernommen als einzelnes Ja/Nein-Feld.`);
        break;
      case 'file':
        schema = fileSchema(undefined, component.multiple === true);
        report.add(at, 'file-mapped', `Der Datei-Upload „${label ?? key}“ (Speicher ${String(component.storage ?? 'unbekannt')}) wurde als Anhang übernommen (PDF, JPEG, PNG, je Datei bis etwa 5 MB).`);
        break;
      case 'tags':
        schema = { type: 'array', items: { type: 'string' } };
        break;
      case 'container': {
        const nested = new ObjectBuilder(report);
        for (const { list, path } of childLists(component)) convertList(list, `${at}/${path}`, nested, undefined, false);
        schema = nested.toSchema();
        if (Object.keys(nested.ui).length > 0) Object.assign(ui, nested.ui);
        break;
      }
      case 'datagrid':
      case 'editgrid': {
        const nested = new ObjectBuilder(report);
        for (const { list, path } of childLists(component)) convertList(list, `${at}/${path}`, nested, undefined, false);
        schema = { type: 'array', items: nested.toSchema() };
        if (Object.keys(nested.ui).length > 0) ui.items = nested.ui;
        break;
      }
      default:
        report.add(at, 'component-unknown', `Die Form.io-Komponente „${type}“ („${label ?? key}“) gibt es hier nicht; sie wurde nicht übernommen.`);
        return;
    }
    if (label) schema.title = label;
    const help = text(component.description) ?? text(component.tooltip);
    if (help) schema.description = help;
    if (text(component.placeholder)) ui['ui:placeholder'] = component.placeholder;
    if (schema.type === 'string') {
      if (typeof validate.minLength === 'number' || (typeof validate.minLength === 'string' && validate.minLength !== '')) schema.minLength = Number(validate.minLength);
      if (typeof validate.maxLength === 'number' || (typeof validate.maxLength === 'string' && validate.maxLength !== '')) schema.maxLength = Number(validate.maxLength);
      if (text(validate.pattern)) schema.pattern = validate.pattern;
    }
    if (text(validate.custom) || isPlainObject(validate.json) || text(validate.json)) {
      report.add(`${at}/validate`, 'validator-dropped', `Die eigene Prüfung von „${label ?? key}“ (JavaScript/JSON-Logic) wurde nicht übernommen; sie ist bei den Regeln festgehalten.`);
      report.keepRule(`${at}/validate`, `Prüfung von ${key}`, text(validate.custom) ?? JSON.stringify(validate.json));
    }
    const fallback = component.defaultValue;
    if (fallback !== undefined && fallback !== null && fallback !== '' && !(Array.isArray(fallback) && fallback.length === 0)) {
      const fits = (schema.type === 'string' && typeof fallback === 'string') || (schema.type === 'boolean' && typeof fallback === 'boolean') || ((schema.type === 'number' || schema.type === 'integer') && typeof fallback === 'number');
      if (fits && !(schema.type === 'boolean' && fallback === false)) schema.default = fallback;
    }
    if (component.hidden === true) report.add(at, 'component-dropped', `„${label ?? key}“ ist in Form.io verborgen; hier wird es angezeigt.`);
    if (component.disabled === true) ui['ui:readonly'] = true;
    if (!target.add(key, schema, ui, at)) return;
    if (step) step.properties.push(key);
    const required = validate.required === true;
    if (condition === 'complex') {
      report.add(`${at}/conditional`, 'condition-dropped', `Die Bedingung von „${label ?? key}“ ist nicht einfach (mehrere Bedingungen oder Ausblenden); das Feld ist ${required ? 'immer Pflicht' : 'immer sichtbar'}. Sie ist bei den Regeln festgehalten.`);
      report.keepRule(`${at}/conditional`, `Bedingung von ${key}`, JSON.stringify(component.conditional));
      if (required) target.required.push(key);
    } else if (condition !== 'none') {
      if (required) target.conditional.push({ name: key, condition, path: `${at}/conditional` });
      else report.add(`${at}/conditional`, 'condition-dropped', `„${label ?? key}“ wird nur angezeigt, wenn „${condition.when}“ = ${JSON.stringify(condition.value)}; hier ist es immer sichtbar (freiwillig).`);
    } else if (required) {
      target.required.push(key);
    }
  };

  const components = Array.isArray(source.components) ? source.components : [];
  convertList(components, '/components', root, undefined, true);
  if (wizard && steps.length > 0) report.add('/display', 'steps-created', `Die ${steps.length} Seiten des Form.io-Assistenten wurden Schritte.`);
  return {
    title: text(source.title),
    description: text(source.description),
    sourceId: text(source.name) ?? text(source.path),
    schema: root.toSchema(),
    schemaPath: '',
    propertyPaths: root.paths,
    uiSchema: root.ui,
    steps,
  };
}
