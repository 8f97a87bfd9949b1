import type { DefinitionChange } from '../diffDefinitions.ts';
import { KEYWORD_NAMES, METADATA_NAMES } from './describeLocationInGerman.ts';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'Text',
  number: 'Zahl',
  integer: 'ganze Zahl',
  boolean: 'ja/nein',
  object: 'Gruppe',
  array: 'Liste',
  null: 'leer',
};

const ROLE_NAMES: Readonly<Record<string, string>> = {
  schema: 'Feldregel',
  items: 'Regel für Listeneinträge',
  unevaluatedItems: 'Regel für nicht geprüfte Listeneinträge',
  unevaluatedProperties: 'Regel für nicht geprüfte Angaben',
  additionalProperties: 'Regel für unbekannte Angaben',
};

const LIST_NAMES: Readonly<Record<string, string>> = {
  allOf: 'Kombination (alle)',
  anyOf: 'Alternativen (mindestens eine)',
  oneOf: 'Auswahl (genau eine)',
  prefixItems: 'feste Listeneinträge',
};

function keyword(name: string): string {
  return KEYWORD_NAMES[name] ?? name;
}

function types(text: string): string {
  try {
    const value = JSON.parse(text) as unknown;
    const list = Array.isArray(value) ? value : [value];
    return list.map((type) => TYPE_NAMES[String(type)] ?? String(type)).join(' oder ');
  } catch {
    return text;
  }
}

const PATTERNS: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^constraint narrowed: (\S+) (.+) added$/s, (m) => `Neue Einschränkung: ${keyword(m[1]!)} ${m[2]}`],
  [/^constraint narrowed: (\S+) added$/, (m) => `Neue Einschränkung: ${keyword(m[1]!)}`],
  [/^constraint widened: (\S+) (.+) removed$/s, (m) => `Einschränkung entfernt: ${keyword(m[1]!)} ${m[2]}`],
  [/^constraint widened: (\S+) removed$/, (m) => `Einschränkung entfernt: ${keyword(m[1]!)}`],
  [/^constraint narrowed: (\S+) (.+) -> (.+)$/s, (m) => `Einschränkung verschärft: ${keyword(m[1]!)} von ${m[2]} auf ${m[3]}`],
  [/^constraint widened: (\S+) (.+) -> (.+)$/s, (m) => `Einschränkung gelockert: ${keyword(m[1]!)} von ${m[2]} auf ${m[3]}`],
  [/^constraint changed: (\S+) (.+) -> (.+)$/s, (m) => `Einschränkung geändert: ${keyword(m[1]!)} von ${m[2]} auf ${m[3]}`],
  [/^file field added to the schema$/, () => 'Das Feld ist jetzt ein Dateifeld (Hochladen einer Datei statt einer Eingabe)'],
  [/^file field removed from the schema$/, () => 'Das Feld ist kein Dateifeld mehr'],
  [/^file type (.+) removed$/s, (m) => `Dateityp ${m[1]} wird nicht mehr angenommen`],
  [/^file type (.+) added$/s, (m) => `Dateityp ${m[1]} wird jetzt angenommen`],
  [/^enum value (.+) removed$/s, (m) => `Auswahlwert ${m[1]} entfernt`],
  [/^enum value (.+) added$/s, (m) => `Auswahlwert ${m[1]} hinzugefügt`],
  [/^text changed: (\S+)$/, (m) => `Text geändert: ${keyword(m[1]!)}`],
  [/^type widened: (.+) -> (.+)$/, (m) => `Datentyp erweitert: von ${types(m[1]!)} auf ${types(m[2]!)}`],
  [/^type changed: (.+) -> (.+)$/, (m) => `Datentyp geändert: von ${types(m[1]!)} auf ${types(m[2]!)}`],
  [/^property renamed: "(.*)" -> "(.*)"$/, (m) => `Feld umbenannt: „${m[1]}“ heißt jetzt „${m[2]}“`],
  [/^property "(.*)" removed$/, (m) => `Feld „${m[1]}“ entfernt`],
  [/^new required property "(.*)"$/, (m) => `Neues Pflichtfeld „${m[1]}“`],
  [/^optional property "(.*)" added$/, (m) => `Neues freiwilliges Feld „${m[1]}“`],
  [/^property "(.*)" became required$/, (m) => `Feld „${m[1]}“ ist jetzt Pflicht`],
  [/^property "(.*)" became optional$/, (m) => `Feld „${m[1]}“ ist jetzt freiwillig`],
  [/^property "(.*)" no longer required$/, (m) => `Feld „${m[1]}“ ist keine Pflicht mehr`],
  [/^option (.+) added$/s, (m) => `Auswahlmöglichkeit ${m[1]} hinzugefügt`],
  [/^option (.+) removed$/s, (m) => `Auswahlmöglichkeit ${m[1]} entfernt`],
  [/^(allOf|prefixItems) entry added \(adds requirements\)$/, (m) => `Neuer Eintrag in „${LIST_NAMES[m[1]!]}“ (zusätzliche Anforderungen)`],
  [/^(allOf|prefixItems) entry removed$/, (m) => `Eintrag in „${LIST_NAMES[m[1]!]}“ entfernt`],
  [/^(anyOf|oneOf) alternative added$/, (m) => `Neue Variante in „${LIST_NAMES[m[1]!]}“`],
  [/^(anyOf|oneOf) alternative removed$/, (m) => `Variante in „${LIST_NAMES[m[1]!]}“ entfernt`],
  [/^conditional requirement \(if\/then\/else\) added$/, () => 'Bedingte Anforderung (wenn/dann/sonst) hinzugefügt'],
  [/^conditional requirement \(if\/then\/else\) removed$/, () => 'Bedingte Anforderung (wenn/dann/sonst) entfernt'],
  [/^condition \(if\) extended to values the previous version did not allow$/, () => 'Bedingung (wenn) auf Werte erweitert, die die vorige Version nicht erlaubte'],
  [/^condition \(if\) changed: the cases its requirements apply to change$/, () => 'Bedingung (wenn) geändert: die Fälle, für die ihre Anforderungen gelten, ändern sich'],
  [/^dependent schema "(.*)" removed$/, (m) => `Abhängige Regel für „${m[1]}“ entfernt`],
  [/^dependent schema "(.*)" added \(adds requirements\)$/, (m) => `Abhängige Regel für „${m[1]}“ hinzugefügt (zusätzliche Anforderungen)`],
  [/^definition "(.*)" removed$/, (m) => `Gemeinsame Definition „${m[1]}“ entfernt`],
  [/^definition "(.*)" added$/, (m) => `Gemeinsame Definition „${m[1]}“ hinzugefügt`],
  [/^additionalProperties tightened$/, () => 'Unbekannte Angaben werden jetzt strenger geprüft'],
  [/^additionalProperties loosened$/, () => 'Unbekannte Angaben werden jetzt großzügiger angenommen'],
  [/^(\w+) narrowed$/, (m) => `${ROLE_NAMES[m[1]!] ?? keyword(m[1]!)} verschärft`],
  [/^(\w+) widened$/, (m) => `${ROLE_NAMES[m[1]!] ?? keyword(m[1]!)} gelockert`],
  [/^keyword "(.*)" changed \(treated as breaking\)$/, (m) => `Regel „${keyword(m[1]!)}“ geändert (gilt als inkompatibel)`],
  [/^service id changed: (.+) -> (.+)$/, (m) => `Kennung des Dienstes geändert: von ${m[1]} auf ${m[2]}`],
  [/^uiSchema changed$/, () => 'Darstellung (uiSchema) geändert'],
  [/^metadata changed: (\S+)$/, (m) => `Angabe geändert: ${METADATA_NAMES[m[1]!] ?? m[1]}`],
];

/** The German text of a diff line's description, or undefined when its template has no translation yet. */
export function translateChangeDescription(description: string): string | undefined {
  for (const [pattern, render] of PATTERNS) {
    const match = pattern.exec(description);
    if (match) return render(match);
  }
  return undefined;
}

/** The German text of a change for the editor (stable kind and pointer stay as they are). */
export function describeChangeInGerman(change: Pick<DefinitionChange, 'description'>): string {
  return translateChangeDescription(change.description) ?? 'Sonstige Änderung an dieser Stelle';
}

/** The German name of a change's kind. */
export function describeChangeKindInGerman(kind: DefinitionChange['kind']): string {
  return kind === 'breaking' ? 'inkompatibel' : 'kompatibel';
}
