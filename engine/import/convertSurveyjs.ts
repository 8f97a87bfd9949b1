import { choicesToOneOf, choiceType, fileSchema, ObjectBuilder, type SimpleCondition } from './FormBuilder.ts';
import { isPlainObject, type ImportReporter } from './ImportReport.ts';
import type { ImportedStep, UiSchema } from './mapUiSchema.ts';
import { DEFAULT_MAX_ITEMS, type JsonSchema } from './normalizeSchema.ts';
import { textOf, type RawForm } from './RawForm.ts';

type Element = Record<string, unknown>;

const SURVEY_KEYS = new Set(['title', 'description', 'pages', 'elements', 'questions', 'locale']);
const DISPLAY_ONLY = new Set(['html', 'image', 'expression']);

/**
 * `{a} = 'x'`, `{a}='x'`, `{a} = 5`, `{a} = true` (also `==`, `equal`; `{panel.a}` inside a dynamic panel);
 * anything else is not declarative enough. `inPanel` tells whether `{panel.a}` or `{a}` names a sibling field.
 */
export function parseSurveyCondition(expression: unknown, inPanel = false): SimpleCondition | undefined {
  if (typeof expression !== 'string') return undefined;
  const match = /^\s*\{([^{}]+)\}\s*(?:=|==|equal)\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|(true|false))\s*$/i.exec(expression);
  if (!match) return undefined;
  const [, when, single, double, number, bool] = match;
  const value = single ?? double ?? (number !== undefined ? Number(number) : bool !== undefined ? bool.toLowerCase() === 'true' : undefined);
  if (!when) return undefined;
  const name = when.trim();
  if (inPanel) return name.startsWith('panel.') && !name.slice(6).includes('.') ? { when: name.slice(6), value } : undefined;
  return name.includes('.') ? undefined : { when: name, value };
}

function choicesOf(element: Element): { value: unknown; label: string }[] {
  const list = Array.isArray(element.choices) ? element.choices : [];
  const choices = list.map((choice) =>
    isPlainObject(choice) ? { value: choice.value, label: textOf(choice.text) ?? String(choice.value ?? '') } : { value: choice, label: String(choice) },
  );
  if (choices.length === 0 && (typeof element.choicesMin === 'number' || typeof element.choicesMax === 'number')) {
    const min = typeof element.choicesMin === 'number' ? element.choicesMin : 0;
    const max = typeof element.choicesMax === 'number' ? element.choicesMax : min;
    const step = typeof element.choicesStep === 'number' && element.choicesStep > 0 ? element.choicesStep : 1;
    for (let value = min; value <= max && choices.length < 500; value += step) choices.push({ value, label: String(value) });
  }
  return choices;
}

/**
 * SurveyJS JSON (`pages` with `elements`, or `elements`/`questions`): questions become typed properties (text with
 * its inputType, comment, radiogroup, dropdown, checkbox, tagbox, boolean, rating, file, multipletext, matrix,
 * paneldynamic, matrixdynamic), panels are flattened, pages become steps. `isRequired`, the text/numeric/email/regex
 * validators and simple `requiredIf`/`visibleIf` conditions (`{q} = 'value'`) are kept; expressions, triggers,
 * calculated values and quiz answers are reported.
 */
export function convertSurveyjs(source: Record<string, unknown>, report: ImportReporter): RawForm {
  const root = new ObjectBuilder(report);
  const pagesSource = Array.isArray(source.pages)
    ? source.pages.map((page, index) => ({ page, at: `/pages/${index}` }))
    : [{ page: { elements: Array.isArray(source.elements) ? source.elements : source.questions }, at: '' }];
  const dropped = Object.keys(source).filter((key) => !SURVEY_KEYS.has(key));
  if (dropped.length > 0) {
    report.add('', 'setting-dropped', `Einstellungen der Umfrage wurden nicht übernommen: ${dropped.join(', ')}.`);
  }
  const steps: ImportedStep[] = [];

  const convertElements = (list: unknown, at: string, target: ObjectBuilder, step: ImportedStep | undefined, inPanel: boolean): void => {
    if (!Array.isArray(list)) return;
    list.forEach((element, index) => convert(element, `${at}/${index}`, target, step, inPanel));
  };

  const convert = (input: unknown, at: string, target: ObjectBuilder, step: ImportedStep | undefined, inDynamicPanel: boolean): void => {
    if (!isPlainObject(input)) return;
    const element: Element = input;
    const type = typeof element.type === 'string' ? element.type : '';
    const name = typeof element.name === 'string' && element.name.trim() !== '' ? element.name : undefined;
    const title = textOf(element.title);
    const label = title ?? name ?? type;
    if (type === 'panel') {
      if (title) report.addAggregated('panel', at, 'layout-flattened', `Panels (z. B. „${title}“) werden ohne eigenen Rahmen dargestellt; ihre Fragen wurden übernommen`);
      if (element.visibleIf) report.add(`${at}/visibleIf`, 'condition-dropped', `Die Bedingung „${String(element.visibleIf)}“ des Panels wurde nicht übernommen; seine Fragen werden immer angezeigt.`);
      convertElements(element.elements ?? element.questions, `${at}/elements`, target, step, inDynamicPanel);
      return;
    }
    if (DISPLAY_ONLY.has(type)) {
      report.add(at, type === 'expression' ? 'calculation-dropped' : 'display-text-dropped', type === 'expression' ? `Der berechnete Wert „${label}“ wurde nicht übernommen.` : 'Ein reiner Anzeigeinhalt (HTML/Bild) wurde nicht übernommen.');
      if (type === 'expression' && typeof element.expression === 'string') report.keepRule(at, `Berechnung ${label}`, element.expression);
      return;
    }
    if (!name) {
      report.add(at, 'component-unknown', `Die Frage „${type}“ hat keinen Namen und wurde nicht übernommen.`);
      return;
    }
    const ui: UiSchema = {};
    let schema: JsonSchema;
    switch (type) {
      case 'text': {
        const inputType = typeof element.inputType === 'string' ? element.inputType : 'text';
        if (inputType === 'number' || inputType === 'range') {
          schema = { type: 'number' };
          if (typeof element.min === 'number' || typeof element.min === 'string') schema.minimum = Number(element.min);
          if (typeof element.max === 'number' || typeof element.max === 'string') schema.maximum = Number(element.max);
        } else if (inputType === 'email') schema = { type: 'string', format: 'email' };
        else if (inputType === 'date') {
          schema = { type: 'string', format: 'date' };
          ui['ui:widget'] = 'date';
        } else if (inputType === 'datetime-local' || inputType === 'datetime') schema = { type: 'string', format: 'date-time' };
        else if (inputType === 'time') schema = { type: 'string', format: 'time' };
        else if (inputType === 'tel') {
          schema = { type: 'string', format: 'de-phone' };
          report.add(at, 'format-mapped', `„${label}“ wird als deutsche Telefonnummer geprüft (Format „de-phone“).`);
        } else if (inputType === 'url') schema = { type: 'string', format: 'uri' };
        else if (inputType === 'password') {
          schema = { type: 'string' };
          ui['ui:widget'] = 'password';
        } else if (inputType === 'color') {
          schema = { type: 'string', maxLength: 7 };
          ui['ui:widget'] = 'color';
        } else {
          schema = { type: 'string' };
          if (inputType !== 'text') report.add(`${at}/inputType`, 'widget-dropped', `Die Eingabeart „${inputType}“ gibt es hier nicht; „${label}“ ist ein Textfeld.`);
        }
        if (typeof element.maxLength === 'number' && element.maxLength > 0 && schema.type === 'string') schema.maxLength = element.maxLength;
        break;
      }
      case 'comment':
        schema = { type: 'string' };
        if (typeof element.maxLength === 'number' && element.maxLength > 0) schema.maxLength = element.maxLength;
        ui['ui:widget'] = 'textarea';
        break;
      case 'radiogroup':
      case 'dropdown': {
        const choices = choicesToOneOf(choicesOf(element));
        if (choices.length === 0) {
          report.add(at, 'choices-dynamic', `„${label}“ hat keine festen Auswahlwerte (z. B. aus einem Webdienst); das Feld ist ein Textfeld.`);
          schema = { type: 'string' };
        } else schema = { type: choiceType(choices), oneOf: choices };
        ui['ui:widget'] = type === 'radiogroup' ? 'radio' : 'select';
        if (element.hasOther === true || element.showOtherItem === true) report.add(at, 'component-dropped', `Die Antwort „Sonstiges“ mit Freitext von „${label}“ wurde nicht übernommen.`);
        break;
      }
      case 'checkbox':
      case 'tagbox': {
        const choices = choicesToOneOf(choicesOf(element));
        schema = { type: 'array', items: choices.length > 0 ? { type: choiceType(choices), oneOf: choices } : { type: 'string' }, uniqueItems: true, maxItems: choices.length || DEFAULT_MAX_ITEMS };
        if (choices.length > 0) ui['ui:widget'] = 'checkboxes';
        break;
      }
      case 'boolean':
        schema = { type: 'boolean' };
        break;
      case 'rating': {
        const rates = Array.isArray(element.rateValues) && element.rateValues.length > 0
          ? choicesToOneOf(element.rateValues.map((rate) => (isPlainObject(rate) ? { value: rate.value, label: textOf(rate.text) ?? String(rate.value) } : { value: rate, label: String(rate) })))
          : (() => {
              const min = typeof element.rateMin === 'number' ? element.rateMin : 1;
              const max = typeof element.rateMax === 'number' ? element.rateMax : 5;
              const list: { value: unknown; label: string }[] = [];
              for (let value = min; value <= max && list.length < 100; value += 1) list.push({ value, label: String(value) });
              return choicesToOneOf(list);
            })();
        schema = { type: choiceType(rates), oneOf: rates };
        ui['ui:widget'] = 'radio';
        break;
      }
      case 'file':
        schema = fileSchema(undefined, element.allowMultiple === true);
        report.add(at, 'file-mapped', `Der Datei-Upload „${label}“ wurde als Anhang übernommen (PDF, JPEG, PNG, je Datei bis etwa 5 MB${typeof element.maxSize === 'number' ? `; die Quelle erlaubte ${element.maxSize} Bytes` : ''}).`);
        break;
      case 'multipletext': {
        const nested = new ObjectBuilder(report);
        (Array.isArray(element.items) ? element.items : []).forEach((item, index) => {
          if (!isPlainObject(item) || typeof item.name !== 'string') return;
          const itemTitle = textOf(item.title);
          nested.add(item.name, { type: 'string', ...(itemTitle ? { title: itemTitle } : {}) }, {}, `${at}/items/${index}`);
          if (item.isRequired === true) nested.required.push(item.name);
        });
        schema = nested.toSchema();
        break;
      }
      case 'matrix': {
        const columns = choicesToOneOf(choicesOf({ choices: element.columns }));
        const nested = new ObjectBuilder(report);
        (Array.isArray(element.rows) ? element.rows : []).forEach((row, index) => {
          const value = isPlainObject(row) ? row.value : row;
          if (typeof value !== 'string' && typeof value !== 'number') return;
          const rowTitle = isPlainObject(row) ? textOf(row.text) : undefined;
          nested.add(String(value), { type: choiceType(columns), title: rowTitle ?? String(value), oneOf: columns }, { 'ui:widget': 'radio' }, `${at}/rows/${index}`);
          if (element.isAllRowRequired === true) nested.required.push(String(value));
        });
        schema = nested.toSchema();
        Object.assign(ui, nested.ui);
        break;
      }
      case 'paneldynamic':
      case 'matrixdynamic': {
        const nested = new ObjectBuilder(report);
        if (type === 'paneldynamic') convertElements(element.templateElements, `${at}/templateElements`, nested, undefined, true);
        else {
          (Array.isArray(element.columns) ? element.columns : []).forEach((column, index) => {
            if (!isPlainObject(column)) return;
            const cellType = typeof column.cellType === 'string' ? column.cellType : typeof element.cellType === 'string' ? element.cellType : 'dropdown';
            const choices = Array.isArray(column.choices) ? column.choices : element.choices;
            convert({ ...column, type: cellType, ...(choices ? { choices } : {}) }, `${at}/columns/${index}`, nested, undefined, true);
          });
        }
        schema = { type: 'array', items: nested.toSchema() };
        if (Object.keys(nested.ui).length > 0) ui.items = nested.ui;
        if (typeof element.minPanelCount === 'number' && element.minPanelCount > 0) schema.minItems = element.minPanelCount;
        if (typeof element.maxPanelCount === 'number' && element.maxPanelCount > 0) schema.maxItems = element.maxPanelCount;
        if (typeof element.minRowCount === 'number' && element.minRowCount > 0) schema.minItems = element.minRowCount;
        if (typeof element.maxRowCount === 'number' && element.maxRowCount > 0) schema.maxItems = element.maxRowCount;
        break;
      }
      default:
        report.add(at, 'component-unknown', `Der Fragetyp „${type}“ („${label}“) gibt es hier nicht; die Frage wurde nicht übernommen.`);
        return;
    }
    if (title) schema.title = title;
    const description = textOf(element.description);
    if (description) schema.description = description;
    const placeholder = textOf(element.placeholder) ?? textOf(element.placeHolder);
    if (placeholder) ui['ui:placeholder'] = placeholder;
    if (element.defaultValue !== undefined && element.defaultValue !== null && typeof element.defaultValue !== 'object') {
      const value = element.defaultValue;
      if ((schema.type === 'string' && typeof value === 'string') || ((schema.type === 'number' || schema.type === 'integer') && typeof value === 'number') || (schema.type === 'boolean' && typeof value === 'boolean')) schema.default = value;
    } else if (element.defaultValue !== undefined) {
      report.add(`${at}/defaultValue`, 'default-dropped', `Die Vorbelegung von „${label}“ wurde nicht übernommen.`);
    }
    for (const [index, validator] of (Array.isArray(element.validators) ? element.validators : []).entries()) {
      if (!isPlainObject(validator)) continue;
      const vat = `${at}/validators/${index}`;
      if (validator.type === 'numeric' && (schema.type === 'number' || schema.type === 'integer')) {
        if (typeof validator.minValue === 'number') schema.minimum = validator.minValue;
        if (typeof validator.maxValue === 'number') schema.maximum = validator.maxValue;
      } else if (validator.type === 'text' && schema.type === 'string') {
        if (typeof validator.minLength === 'number' && validator.minLength > 0) schema.minLength = validator.minLength;
        if (typeof validator.maxLength === 'number' && validator.maxLength > 0) schema.maxLength = validator.maxLength;
      } else if (validator.type === 'email' && schema.type === 'string') schema.format = 'email';
      else if (validator.type === 'regex' && schema.type === 'string' && typeof validator.regex === 'string') schema.pattern = validator.regex;
      else {
        report.add(vat, 'validator-dropped', `Die Prüfung „${String(validator.type)}“ von „${label}“ wurde nicht übernommen; sie ist bei den Regeln festgehalten.`);
        report.keepRule(vat, `Prüfung von ${name}`, JSON.stringify(validator));
      }
    }
    if (element.correctAnswer !== undefined) report.add(`${at}/correctAnswer`, 'setting-dropped', `Die richtige Antwort (Quiz) von „${label}“ wurde nicht übernommen.`);
    if (element.readOnly === true) ui['ui:readonly'] = true;
    for (const keyword of ['enableIf', 'defaultValueExpression', 'setValueExpression', 'choicesVisibleIf', 'choicesEnableIf']) {
      if (typeof element[keyword] === 'string') {
        report.add(`${at}/${keyword}`, keyword === 'enableIf' ? 'condition-dropped' : 'calculation-dropped', `„${keyword}“ von „${label}“ (${String(element[keyword])}) wurde nicht übernommen; es ist bei den Regeln festgehalten.`);
        report.keepRule(`${at}/${keyword}`, `${keyword} von ${name}`, String(element[keyword]));
      }
    }
    if (!target.add(name, schema, ui, at)) return;
    if (step) step.properties.push(name);
    const required = element.isRequired === true;
    const requiredIf = parseSurveyCondition(element.requiredIf, inDynamicPanel);
    const visibleIf = parseSurveyCondition(element.visibleIf, inDynamicPanel);
    if (typeof element.requiredIf === 'string') {
      if (requiredIf) target.conditional.push({ name, condition: requiredIf, path: `${at}/requiredIf` });
      else {
        report.add(`${at}/requiredIf`, 'condition-dropped', `Die Bedingung „${element.requiredIf}“ für „${label}“ ist nicht einfach genug; das Feld ist freiwillig. Sie ist bei den Regeln festgehalten.`);
        report.keepRule(`${at}/requiredIf`, `requiredIf von ${name}`, element.requiredIf);
      }
    }
    if (typeof element.visibleIf === 'string') {
      if (visibleIf && required) {
        target.conditional.push({ name, condition: visibleIf, path: `${at}/visibleIf` });
        return;
      }
      // A field required only while visible, under a condition we cannot model, becomes optional (never stricter).
      report.add(
        `${at}/visibleIf`,
        'condition-dropped',
        `„${label}“ wird in der Quelle nur angezeigt, wenn ${element.visibleIf}; hier ist es immer sichtbar${required ? ' und freiwillig statt Pflicht' : ''}. Die Bedingung ist bei den Regeln festgehalten.`,
      );
      report.keepRule(`${at}/visibleIf`, `visibleIf von ${name}`, element.visibleIf);
      return;
    }
    if (required) target.required.push(name);
  };

  pagesSource.forEach(({ page, at }, index) => {
    if (!isPlainObject(page)) return;
    const step: ImportedStep = { title: textOf(page.title) ?? textOf(page.navigationTitle) ?? `Seite ${index + 1}`, properties: [] };
    steps.push(step);
    if (typeof page.visibleIf === 'string') report.add(`${at}/visibleIf`, 'condition-dropped', `Die Seite „${step.title}“ wird hier immer gezeigt (Bedingung „${page.visibleIf}“ nicht übernommen).`);
    convertElements(page.elements ?? page.questions, `${at}/${Array.isArray(page.elements) ? 'elements' : Array.isArray(source.questions) ? 'questions' : 'elements'}`, root, step, false);
  });
  if (steps.filter((step) => step.properties.length > 0).length > 1) report.add('/pages', 'steps-created', `Die Seiten der Umfrage wurden Schritte.`);
  return {
    title: textOf(source.title),
    description: textOf(source.description),
    schema: root.toSchema(),
    schemaPath: '',
    propertyPaths: root.paths,
    uiSchema: root.ui,
    steps,
  };
}
