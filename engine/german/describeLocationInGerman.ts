import { parsePointer } from '../jsonPointer.ts';
import { isRecord } from '../isRecord.ts';

/** German names (with article, as sentence subjects) of the definition's own fields. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  '': 'Die Formulardefinition',
  '/$schema': 'Die Angabe „$schema“',
  '/id': 'Die Kennung des Dienstes',
  '/version': 'Die Versionsnummer',
  '/title': 'Der Titel',
  '/description': 'Die Beschreibung',
  '/lead': 'Die Federführung',
  '/lead/kind': 'Die Art der Federführung',
  '/lead/participants': 'Die Liste der federführenden Kommunen',
  '/leikaKey': 'Der LeiKa-Schlüssel',
  '/category': 'Die Kategorie',
  '/keywords': 'Die Liste der Suchbegriffe',
  '/legalBasis': 'Die Rechtsgrundlage',
  '/retentionDays': 'Die Aufbewahrungsfrist in Tagen',
  '/schema': 'Das Datenschema',
  '/uiSchema': 'Die Darstellung (uiSchema)',
  '/steps': 'Die Liste der Schritte',
  '/changelog': 'Der Änderungsvermerk',
  '/changelog/date': 'Das Datum der Änderung',
  '/changelog/summary': 'Die Kurzbeschreibung der Änderung',
  '/source': 'Die Herkunftsangabe',
};

/** German names of JSON Schema keywords, as editors know them from the visual editor. */
export const KEYWORD_NAMES: Readonly<Record<string, string>> = {
  maxLength: 'Höchstlänge',
  minLength: 'Mindestlänge',
  maxItems: 'Höchstzahl der Einträge',
  minItems: 'Mindestzahl der Einträge',
  maximum: 'Höchstwert',
  minimum: 'Mindestwert',
  exclusiveMaximum: 'Höchstwert (ausschließlich)',
  exclusiveMinimum: 'Mindestwert (ausschließlich)',
  maxProperties: 'Höchstzahl der Angaben',
  minProperties: 'Mindestzahl der Angaben',
  maxContains: 'Höchstzahl passender Einträge',
  minContains: 'Mindestzahl passender Einträge',
  multipleOf: 'Schrittweite',
  uniqueItems: 'eindeutige Einträge',
  enum: 'Auswahlliste',
  pattern: 'Muster',
  format: 'Format',
  const: 'fester Wert',
  contentMediaType: 'Dateityp',
  contentEncoding: 'Kodierung',
  dependentRequired: 'abhängige Pflichtfelder',
  propertyNames: 'Regel für Feldnamen',
  contains: 'Regel für enthaltene Einträge',
  not: 'Ausschlussregel',
  title: 'Titel',
  description: 'Beschreibung',
  $comment: 'Kommentar',
  examples: 'Beispiele',
  default: 'Vorbelegung',
  deprecated: 'Hinweis „veraltet“',
  readOnly: 'Hinweis „nur lesen“',
  writeOnly: 'Hinweis „nur schreiben“',
  $schema: 'Schema-Version',
  $id: 'Schema-Kennung',
  type: 'Datentyp',
  required: 'Pflichtfelder',
  properties: 'Felder',
  additionalProperties: 'Regel für unbekannte Angaben',
  items: 'Regel für Listeneinträge',
  prefixItems: 'feste Listeneinträge',
  if: 'Bedingung (wenn)',
  then: 'Folge (dann)',
  else: 'Alternative (sonst)',
  allOf: 'Kombination (alle)',
  anyOf: 'Alternativen (mindestens eine)',
  oneOf: 'Auswahl (genau eine)',
  $ref: 'Verweis',
  $defs: 'gemeinsame Definitionen',
  definitions: 'gemeinsame Definitionen',
  dependentSchemas: 'abhängige Regeln',
  unevaluatedProperties: 'Regel für nicht geprüfte Angaben',
  unevaluatedItems: 'Regel für nicht geprüfte Listeneinträge',
  $data: 'Datenverweis',
  $anchor: 'Anker',
  $dynamicRef: 'dynamischer Verweis',
  $dynamicAnchor: 'dynamischer Anker',
  $recursiveRef: 'rekursiver Verweis',
  $recursiveAnchor: 'rekursiver Anker',
  $vocabulary: 'Vokabular',
  patternProperties: 'Felder nach Muster',
};

/** German names of the definition's metadata fields (for diff lines). */
export const METADATA_NAMES: Readonly<Record<string, string>> = {
  $schema: 'Schema-Version',
  title: 'Titel',
  description: 'Beschreibung',
  lead: 'Federführung',
  leikaKey: 'LeiKa-Schlüssel',
  category: 'Kategorie',
  keywords: 'Suchbegriffe',
  legalBasis: 'Rechtsgrundlage',
  retentionDays: 'Aufbewahrungsfrist',
  steps: 'Schritte',
  source: 'Herkunftsangabe',
};

/** The title of a data-schema property at `tokens` (…/properties/name), if the definition gives one. */
function fieldTitle(definition: unknown, tokens: readonly string[]): string | undefined {
  let node: unknown = definition;
  for (const token of tokens) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isRecord(node)) node = node[token];
    else return undefined;
  }
  return isRecord(node) && typeof node.title === 'string' && node.title.trim() !== '' ? node.title : undefined;
}

/**
 * The place a JSON pointer into a definition names, as the German subject of a sentence ("Die Kurzbeschreibung
 * der Änderung", "Das Feld „Vorname“", "Schritt 2"). Fields are named by their title when `definition` is given.
 */
export function describeLocationInGerman(pointer: string, definition?: unknown): string {
  const known = FIELD_NAMES[pointer];
  if (known) return known;
  const tokens = parsePointer(pointer) ?? [];
  if (tokens[0] === 'steps' && tokens.length >= 2 && /^[0-9]+$/.test(tokens[1]!)) {
    const step = Number(tokens[1]) + 1;
    if (tokens.length === 2) return `Schritt ${step}`;
    if (tokens[2] === 'title') return `Der Titel von Schritt ${step}`;
    if (tokens[2] === 'properties') return tokens.length === 3 ? `Die Feldliste von Schritt ${step}` : `Eintrag ${Number(tokens[3]) + 1} der Feldliste von Schritt ${step}`;
  }
  if (tokens[0] === 'keywords' && tokens.length === 2) return `Suchbegriff ${Number(tokens[1]) + 1}`;
  if (tokens[0] === 'lead' && tokens[1] === 'participants' && tokens.length === 3) return `Eintrag ${Number(tokens[2]) + 1} der federführenden Kommunen`;
  if (tokens[0] === 'schema') {
    let lastField = -1;
    for (let i = 1; i < tokens.length - 1; i++) if (tokens[i] === 'properties') lastField = i + 1;
    if (lastField < 0) {
      const keyword = tokens[1];
      if (tokens.length === 2 && keyword && KEYWORD_NAMES[keyword]) return `Die Regel „${KEYWORD_NAMES[keyword]}“ des Datenschemas`;
      return 'Das Datenschema';
    }
    const name = tokens[lastField]!;
    const label = fieldTitle(definition, tokens.slice(0, lastField + 1)) ?? name;
    const rest = tokens.slice(lastField + 1);
    if (rest.length === 0) return `Das Feld „${label}“`;
    const keyword = rest[0]!;
    if (rest.length === 1 && KEYWORD_NAMES[keyword]) return `Die Regel „${KEYWORD_NAMES[keyword]}“ des Feldes „${label}“`;
    return `Eine Regel im Feld „${label}“`;
  }
  if (tokens[0] === 'uiSchema') return 'Die Darstellung (uiSchema)';
  if (tokens[0] === 'source') return 'Die Herkunftsangabe';
  if (tokens[0] === 'changelog') return 'Der Änderungsvermerk';
  return `Die Angabe „${pointer}“`;
}
