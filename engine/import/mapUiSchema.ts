import { isPlainObject, pointerToken, RESERVED_NAMES, type ImportReporter } from './ImportReport.ts';

export type UiSchema = Record<string, unknown>;

/** A page of the imported form: its title and the top-level properties on it, in order. */
export interface ImportedStep {
  title: string;
  properties: string[];
}

/** rjsf widgets the portal's KERN theme renders. */
const WIDGETS = new Set(['text', 'textarea', 'password', 'email', 'uri', 'date', 'datetime', 'time', 'updown', 'range', 'radio', 'select', 'checkbox', 'checkboxes', 'hidden', 'file', 'color']);
/** uiSchema options kept as they are. */
const UI_KEYS = new Set(['ui:widget', 'ui:title', 'ui:description', 'ui:help', 'ui:placeholder', 'ui:order', 'ui:options', 'ui:autocomplete', 'ui:readonly', 'ui:disabled', 'ui:enumNames']);
/** Options that change what is accepted or hurt accessibility; left out. */
const UI_DROPPED: Readonly<Record<string, string>> = {
  'ui:emptyValue': '„ui:emptyValue“ würde leere Pflichtfelder als ausgefüllt gelten lassen und wurde nicht übernommen',
  'ui:autofocus': '„ui:autofocus“ (automatischer Fokus) widerspricht der Barrierefreiheit und wurde nicht übernommen',
};

/** Keeps what the portal can show of an rjsf uiSchema; unknown widgets and options are reported and dropped. */
export function cleanUiSchema(ui: unknown, path: string, report: ImportReporter): UiSchema {
  if (!isPlainObject(ui)) return {};
  const out: UiSchema = {};
  for (const [key, value] of Object.entries(ui)) {
    const at = `${path}/${pointerToken(key)}`;
    if (key.startsWith('ui:')) {
      if (key === 'ui:widget') {
        if (typeof value === 'string' && WIDGETS.has(value)) out[key] = value;
        else report.add(at, 'widget-dropped', `Das Eingabeelement „${typeof value === 'string' ? value : 'eigene Komponente'}“ gibt es hier nicht; das Feld nutzt das Standardelement seines Typs.`);
      } else if (key === 'ui:options' && isPlainObject(value)) {
        const options: Record<string, unknown> = {};
        for (const [name, option] of Object.entries(value)) {
          if (name === 'widget') {
            if (typeof option === 'string' && WIDGETS.has(option)) out['ui:widget'] = option;
            else report.add(`${at}/widget`, 'widget-dropped', `Das Eingabeelement „${String(option)}“ gibt es hier nicht.`);
          } else if (['inputType', 'rows', 'orderable', 'addable', 'removable', 'label', 'inline', 'accept'].includes(name)) options[name] = option;
          else report.add(`${at}/${pointerToken(name)}`, 'ui-option-dropped', `Die Darstellungsoption „${name}“ wurde nicht übernommen.`);
        }
        if (Object.keys(options).length > 0) out[key] = options;
      } else if (UI_KEYS.has(key)) {
        out[key] = value;
      } else {
        report.add(at, 'ui-option-dropped', `${UI_DROPPED[key] ?? `Die Darstellungsoption „${key}“ wurde nicht übernommen`}.`);
      }
    } else if (isPlainObject(value) && !RESERVED_NAMES.has(key)) {
      const child = cleanUiSchema(value, at, report);
      if (Object.keys(child).length > 0) out[key] = child;
    }
  }
  return out;
}

function setUi(ui: UiSchema, names: readonly string[], key: string, value: unknown): void {
  if (names.some((name) => RESERVED_NAMES.has(name))) return;
  let node = ui;
  for (const name of names) {
    const child = isPlainObject(node[name]) ? (node[name] as UiSchema) : {};
    node[name] = child;
    node = child;
  }
  node[key] = value;
}

/** '#/properties/a/properties/b' -> ['a', 'b']; undefined for scopes into arrays or elsewhere. */
function scopeNames(scope: unknown): string[] | undefined {
  if (typeof scope !== 'string' || !scope.startsWith('#/properties/')) return undefined;
  const parts = scope.slice(2).split('/');
  const names: string[] = [];
  for (let index = 0; index < parts.length; index += 2) {
    if (parts[index] !== 'properties' || parts[index + 1] === undefined) return undefined;
    names.push(parts[index + 1]!.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return names;
}

function labelText(label: unknown): string | undefined {
  if (typeof label === 'string') return label;
  if (isPlainObject(label) && typeof label.text === 'string') return label.text;
  return undefined;
}

/**
 * Maps a JSON Forms uischema (layouts of Controls) to an rjsf uiSchema: control labels to `ui:title`, `multi` to a
 * textarea, `format: radio` to radio buttons, `readonly` to `ui:readonly`, the order of the controls to `ui:order`,
 * Categorization categories (and top-level Groups, when there are several) to steps. Rules (show/hide/enable) are
 * reported and kept as text: they only change visibility, which the portal derives from if/then.
 */
export function mapJsonFormsUiSchema(uischema: unknown, path: string, report: ImportReporter): { uiSchema: UiSchema; steps: ImportedStep[] } {
  const uiSchema: UiSchema = {};
  const order: string[] = [];
  const steps: ImportedStep[] = [];
  const visit = (element: unknown, at: string, step: ImportedStep | undefined): void => {
    if (!isPlainObject(element)) return;
    const type = element.type;
    if (isPlainObject(element.rule)) {
      const rule = element.rule;
      report.add(`${at}/rule`, 'rule-dropped', `Die Regel „${String(rule.effect)}“ (Anzeigen/Ausblenden/Sperren) wurde nicht übernommen; sie ist im Quelltext der Regeln festgehalten.`);
      report.keepRule(`${at}/rule`, `JSON-Forms-Regel ${String(rule.effect)}`, JSON.stringify(rule));
    }
    if (type === 'Control') {
      const names = scopeNames(element.scope);
      if (!names || names.length === 0) {
        report.add(`${at}/scope`, 'layout-flattened', `Das Bedienelement mit „${String(element.scope)}“ konnte keinem Feld zugeordnet werden.`);
        return;
      }
      const top = names[0]!;
      if (!order.includes(top)) order.push(top);
      if (step && !step.properties.includes(top)) step.properties.push(top);
      const label = labelText(element.label);
      if (label !== undefined) setUi(uiSchema, names, 'ui:title', label);
      else if (element.label === false) report.add(`${at}/label`, 'ui-option-dropped', 'Ein ausgeblendetes Label wird aus Gründen der Barrierefreiheit trotzdem angezeigt.');
      const options = isPlainObject(element.options) ? element.options : {};
      for (const [name, value] of Object.entries(options)) {
        if (name === 'multi' && value === true) setUi(uiSchema, names, 'ui:widget', 'textarea');
        else if (name === 'format' && value === 'radio') setUi(uiSchema, names, 'ui:widget', 'radio');
        else if (name === 'format' && (value === 'date' || value === 'time' || value === 'date-time')) setUi(uiSchema, names, 'ui:widget', value === 'date-time' ? 'datetime' : value);
        else if (name === 'readonly' && value === true) setUi(uiSchema, names, 'ui:readonly', true);
        else if (name === 'placeholder' && typeof value === 'string') setUi(uiSchema, names, 'ui:placeholder', value);
        else report.add(`${at}/options/${pointerToken(name)}`, 'ui-option-dropped', `Die Darstellungsoption „${name}“ wurde nicht übernommen.`);
      }
      if (element.readonly === true) setUi(uiSchema, names, 'ui:readonly', true);
      return;
    }
    if (type === 'Label') {
      report.add(at, 'display-text-dropped', `Der reine Anzeigetext „${String(element.text ?? '').slice(0, 80)}“ wurde nicht übernommen.`);
      return;
    }
    const children = Array.isArray(element.elements) ? element.elements : [];
    if (type === 'Category' || (type === 'Group' && step === undefined && opensSteps)) {
      const created: ImportedStep = { title: labelText(element.label) ?? `Schritt ${steps.length + 1}`, properties: [] };
      steps.push(created);
      children.forEach((child, index) => visit(child, `${at}/elements/${index}`, created));
      return;
    }
    if (type === 'Group' && labelText(element.label)) {
      report.add(at, 'layout-flattened', `Die Gruppe „${labelText(element.label)}“ wird ohne eigenen Rahmen dargestellt.`);
    } else if (type !== 'VerticalLayout' && type !== 'HorizontalLayout' && type !== 'Categorization' && type !== 'Group') {
      report.add(at, 'component-unknown', `Das Layout-Element „${String(type)}“ ist unbekannt; seine Felder wurden übernommen.`);
    }
    children.forEach((child, index) => visit(child, `${at}/elements/${index}`, step));
  };
  const rootChildren = isPlainObject(uischema) && Array.isArray(uischema.elements) ? uischema.elements : [];
  const opensSteps = isPlainObject(uischema) && (uischema.type === 'Categorization' || rootChildren.filter((child) => isPlainObject(child) && child.type === 'Group').length >= 2);
  visit(uischema, path, undefined);
  if (order.length > 0) uiSchema['ui:order'] = [...order, '*'];
  if (steps.length > 0) report.add(path, 'steps-created', `Die ${steps.length} Abschnitte des Layouts wurden Schritte des Formulars.`);
  return { uiSchema, steps };
}

/**
 * Keeps every `ui:order` consistent with its schema level (rjsf refuses to render an order that names unknown
 * properties or misses some without '*'): unknown names are reported and removed, a missing '*' is added.
 */
export function settleUiOrder(ui: UiSchema, schema: unknown, path: string, report: ImportReporter): void {
  if (!isPlainObject(schema)) return;
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const order = ui['ui:order'];
  if (Array.isArray(order)) {
    const names = Object.keys(properties);
    const kept = order.filter((name): name is string => typeof name === 'string' && (name === '*' || names.includes(name)));
    for (const name of order) {
      if (!kept.includes(name as string)) report.add(path, 'ui-option-dropped', `Die Reihenfolge nannte „${String(name)}“, das es nicht gibt; der Eintrag wurde entfernt.`);
    }
    const unique = [...new Set(kept)];
    if (!unique.includes('*') && names.some((name) => !unique.includes(name))) unique.push('*');
    ui['ui:order'] = unique;
  }
  for (const [name, child] of Object.entries(properties)) {
    const childUi = ui[name];
    if (!RESERVED_NAMES.has(name) && isPlainObject(childUi)) settleUiOrder(childUi, child, path, report);
  }
  if (isPlainObject(schema.items) && isPlainObject(ui.items)) settleUiOrder(ui.items, schema.items, path, report);
}
