import type { ErrorObject } from 'ajv';
import localizeDe from 'ajv-i18n/localize/de/index.js';
import { escapePointerToken } from './jsonPointer.ts';
import { createLazyValue } from './createLazyValue.ts';

/** One problem of submitted data: where (JSON pointer into the data), which schema keyword, German text. */
export interface ValidationError {
  pointer: string;
  keyword: string;
  message: string;
}

const numberFormat = createLazyValue(() => new Intl.NumberFormat('de-DE'));

const FORMAT_MESSAGES: Readonly<Record<string, string>> = {
  email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
  date: 'Bitte geben Sie ein gültiges Datum ein.',
  'date-time': 'Bitte geben Sie ein gültiges Datum mit Uhrzeit ein.',
  time: 'Bitte geben Sie eine gültige Uhrzeit ein.',
  uri: 'Bitte geben Sie eine gültige Internetadresse ein, z. B. https://www.beispiel.de.',
  url: 'Bitte geben Sie eine gültige Internetadresse ein, z. B. https://www.beispiel.de.',
  iban: 'Bitte geben Sie eine gültige IBAN ein, z. B. DE89 3704 0044 0532 0130 00.',
  'steuer-id': 'Bitte geben Sie eine gültige Steuer-Identifikationsnummer ein (11 Ziffern).',
  'past-date': 'Bitte geben Sie ein gültiges Datum ein, das nicht in der Zukunft liegt.',
  'data-url': 'Bitte laden Sie eine gültige Datei hoch.',
  'de-phone': 'Bitte geben Sie eine gültige Telefonnummer mit Vorwahl ein, z. B. 02452 13-0.',
};

const TYPE_MESSAGES: Readonly<Record<string, string>> = {
  string: 'Bitte geben Sie einen Text ein.',
  number: 'Bitte geben Sie eine Zahl ein.',
  integer: 'Bitte geben Sie eine ganze Zahl ein.',
  boolean: 'Bitte wählen Sie Ja oder Nein.',
  array: 'Bitte geben Sie eine Liste von Einträgen an.',
  object: 'Bitte füllen Sie die Angaben in diesem Abschnitt aus.',
  null: 'Dieses Feld muss leer bleiben.',
};

function count(n: unknown, singular: string, plural: string): string {
  return n === 1 ? `einen ${singular}` : `${formatNumber(n)} ${plural}`;
}

/** Limits come from schemas, so few distinct numbers recur: cache their German text (Intl is slow). */
const formattedNumbers = new Map<number, string>();

function formatNumber(n: unknown): string {
  if (typeof n !== 'number') return String(n);
  let text = formattedNumbers.get(n);
  if (text === undefined) {
    text = numberFormat().format(n);
    if (formattedNumbers.size < 1000) formattedNumbers.set(n, text);
  }
  return text;
}

/** German, field-friendly text for one ajv error; undefined when ajv-i18n's generic text has to do. */
function germanMessage(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return 'Bitte füllen Sie dieses Pflichtfeld aus.';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'Diese Angabe ist im Formular nicht vorgesehen.';
    case 'type': {
      const type = String(params.type).split(',')[0] ?? '';
      return TYPE_MESSAGES[type];
    }
    case 'minLength':
      return params.limit === 1
        ? 'Bitte füllen Sie dieses Feld aus.'
        : `Bitte geben Sie mindestens ${formatNumber(params.limit)} Zeichen ein.`;
    case 'maxLength':
      return `Bitte geben Sie höchstens ${formatNumber(params.limit)} Zeichen ein.`;
    case 'pattern':
      return 'Bitte prüfen Sie das Format Ihrer Eingabe.';
    case 'format':
      return FORMAT_MESSAGES[String(params.format)];
    case 'minimum':
      return `Der Wert muss mindestens ${formatNumber(params.limit)} sein.`;
    case 'exclusiveMinimum':
      return `Der Wert muss größer als ${formatNumber(params.limit)} sein.`;
    case 'maximum':
      return `Der Wert darf höchstens ${formatNumber(params.limit)} sein.`;
    case 'exclusiveMaximum':
      return `Der Wert muss kleiner als ${formatNumber(params.limit)} sein.`;
    case 'multipleOf':
      return `Der Wert muss ein Vielfaches von ${formatNumber(params.multipleOf)} sein.`;
    case 'enum':
      return 'Bitte wählen Sie einen der vorgegebenen Werte.';
    case 'const':
      return params.allowedValue === true
        ? 'Bitte bestätigen Sie diese Angabe.'
        : 'Bitte wählen Sie den vorgegebenen Wert.';
    case 'minItems':
      return `Bitte geben Sie mindestens ${count(params.limit, 'Eintrag', 'Einträge')} an.`;
    case 'maxItems':
      return `Bitte geben Sie höchstens ${count(params.limit, 'Eintrag', 'Einträge')} an.`;
    case 'uniqueItems':
      return 'Bitte geben Sie jeden Eintrag nur einmal an.';
    case 'oneOf':
    case 'anyOf':
      return 'Bitte prüfen Sie Ihre Angaben: sie passen zu keiner der vorgesehenen Möglichkeiten.';
    default:
      return undefined;
  }
}

/**
 * Turns ajv errors into the engine's result data: the pointer of the field concerned (for `required` the
 * missing property's own pointer, for an unknown property that property's pointer), the keyword and a German
 * message. `if` errors are dropped: they only repeat the error of their `then`/`else` branch.
 */
export function toValidationErrors(errors: readonly ErrorObject[], limit = Infinity): ValidationError[] {
  const result: ValidationError[] = [];
  for (const error of errors) {
    if (result.length >= limit) break;
    if (error.keyword === 'if') continue;
    const params = error.params as Record<string, unknown>;
    let pointer = error.instancePath;
    if ((error.keyword === 'required' || error.keyword === 'dependentRequired') && typeof params.missingProperty === 'string') {
      pointer = `${pointer}/${escapePointerToken(params.missingProperty)}`;
    } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      pointer = `${pointer}/${escapePointerToken(params.additionalProperty)}`;
    } else if (error.keyword === 'unevaluatedProperties' && typeof params.unevaluatedProperty === 'string') {
      pointer = `${pointer}/${escapePointerToken(params.unevaluatedProperty)}`;
    }
    let message = germanMessage(error);
    if (message === undefined) {
      const copy = { ...error };
      localizeDe([copy]);
      message = copy.message ? `Ungültige Eingabe: ${copy.message}.` : 'Ungültige Eingabe.';
    }
    result.push({ pointer, keyword: error.keyword, message });
  }
  return result;
}
