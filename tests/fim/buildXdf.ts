/**
 * Builds small XDatenfelder 2 or 3 messages for tests: a Stammdatenschema (or a Datenfeldgruppe message) with
 * nested groups and fields, written the way the FIM repository exports them.
 */

export interface FieldSpec {
  kind: 'field';
  id: string;
  name: string;
  label?: string;
  help?: string;
  anzahl?: string;
  feldart?: string;
  datentyp?: string;
  /** XDF2: the JSON text; XDF3: written as attributes. */
  praezisierung?: Record<string, string>;
  /** XDF2 only: a raw praezisierung text (e.g. broken JSON). */
  rawPraezisierung?: string;
  inhalt?: string;
  codeList?: { id: string; uri: string; version: string };
  values?: { code: string; name: string }[];
  mediaTypes?: string[];
  maxSize?: string;
}

export interface GroupSpec {
  kind: 'group';
  id: string;
  name: string;
  label?: string;
  help?: string;
  anzahl?: string;
  children: ElementSpec[];
}

export type ElementSpec = FieldSpec | GroupSpec;

export interface SchemaSpec {
  id: string;
  version: string;
  name: string;
  label?: string;
  beschreibung?: string;
  bezug?: string;
  rules?: { id: string; name: string; definition: string; script?: string }[];
  children: ElementSpec[];
}

type Dialect = 2 | 3;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function tag(name: string, text: string | undefined): string {
  return text === undefined ? '' : `<xdf:${name}>${escape(text)}</xdf:${name}>`;
}

function code(name: string, value: string): string {
  return `<xdf:${name}><code>${escape(value)}</code></xdf:${name}>`;
}

function identification(id: string, version = '1.0'): string {
  return `<xdf:identifikation><xdf:id>${escape(id)}</xdf:id><xdf:version>${version}</xdf:version></xdf:identifikation>`;
}

function rules(dialect: Dialect, list: SchemaSpec['rules']): string {
  return (list ?? [])
    .map(
      (rule) =>
        `<xdf:regel>${identification(rule.id)}${tag('name', rule.name)}${
          dialect === 2 ? tag('definition', rule.definition) + tag('script', rule.script ?? '') : tag('freitextRegel', rule.definition) + tag('skript', rule.script ?? '')
        }</xdf:regel>`,
    )
    .join('');
}

function field(dialect: Dialect, spec: FieldSpec): string {
  let praezisierung = '';
  if (spec.rawPraezisierung !== undefined) praezisierung = tag('praezisierung', spec.rawPraezisierung);
  else if (spec.praezisierung && dialect === 2) praezisierung = tag('praezisierung', JSON.stringify(spec.praezisierung));
  else if (spec.praezisierung) {
    const attributes = Object.entries(spec.praezisierung).map(([key, value]) => ` ${key}="${escape(value)}"`).join('');
    praezisierung = `<xdf:praezisierung${attributes}/>`;
  }
  let codeList = '';
  if (spec.codeList && dialect === 2) {
    codeList = `<xdf:codelisteReferenz><xdf:identifikation><xdf:id>${spec.codeList.id}</xdf:id></xdf:identifikation><xdf:genericodeIdentification>${tag('canonicalIdentification', spec.codeList.uri)}${tag('version', spec.codeList.version)}${tag('canonicalVersionUri', `${spec.codeList.uri}_${spec.codeList.version}`)}</xdf:genericodeIdentification></xdf:codelisteReferenz>`;
  } else if (spec.codeList) {
    codeList = `<xdf:codelisteReferenz>${tag('canonicalIdentification', spec.codeList.uri)}${tag('version', spec.codeList.version)}</xdf:codelisteReferenz>`;
  }
  const values = spec.values
    ? `<xdf:werte>${spec.values.map((value) => `<xdf:wert>${tag('code', value.code)}${tag('name', value.name)}</xdf:wert>`).join('')}</xdf:werte>`
    : '';
  return (
    `<xdf:datenfeld>${identification(spec.id)}${tag('name', spec.name)}${tag('bezeichnungEingabe', spec.label ?? spec.name)}` +
    `${tag('hilfetextEingabe', spec.help ?? '')}${code('feldart', spec.feldart ?? 'input')}${code('datentyp', spec.datentyp ?? 'text')}` +
    `${praezisierung}${tag('inhalt', spec.inhalt ?? '')}${codeList}${values}` +
    `${(spec.mediaTypes ?? []).map((type) => tag('mediaType', type)).join('')}${tag('maxSize', spec.maxSize)}</xdf:datenfeld>`
  );
}

function structure(dialect: Dialect, children: readonly ElementSpec[]): string {
  return children
    .map((child) => `<xdf:struktur><xdf:anzahl>${escape(child.anzahl ?? '1:1')}</xdf:anzahl><xdf:enthaelt>${element(dialect, child)}</xdf:enthaelt></xdf:struktur>`)
    .join('');
}

function element(dialect: Dialect, spec: ElementSpec): string {
  if (spec.kind === 'field') return field(dialect, spec);
  return (
    `<xdf:datenfeldgruppe>${identification(spec.id)}${tag('name', spec.name)}${tag('bezeichnungEingabe', spec.label ?? spec.name)}` +
    `${tag('hilfetextEingabe', spec.help ?? '')}${structure(dialect, spec.children)}</xdf:datenfeldgruppe>`
  );
}

function namespace(dialect: Dialect): string {
  return dialect === 2 ? 'urn:xoev-de:fim:standard:xdatenfelder_2' : 'urn:xoev-de:fim:standard:xdatenfelder_3.0.0';
}

/** A Stammdatenschema message (`xdatenfelder.stammdatenschema.0102`) in XDatenfelder 2 or 3. */
export function buildSchemaXml(spec: SchemaSpec, dialect: Dialect = 2): string {
  const label = dialect === 2 ? tag('bezeichnungEingabe', spec.label ?? spec.name) : tag('bezeichnung', spec.label ?? spec.name);
  return (
    `<?xml version="1.0" encoding="UTF-8"?><xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="${namespace(dialect)}">` +
    `<xdf:header><xdf:nachrichtID>test</xdf:nachrichtID><xdf:erstellungszeitpunkt>2026-01-01T00:00:00Z</xdf:erstellungszeitpunkt></xdf:header>` +
    `<xdf:stammdatenschema>${identification(spec.id, spec.version)}${tag('name', spec.name)}${label}${tag('beschreibung', spec.beschreibung ?? '')}` +
    `${tag('bezug', spec.bezug ?? '')}${rules(dialect, spec.rules)}${structure(dialect, spec.children)}</xdf:stammdatenschema>` +
    `</xdf:xdatenfelder.stammdatenschema.0102>`
  );
}

/** A Datenfeldgruppe message (`xdatenfelder.datenfeldgruppe.0103`). */
export function buildGroupMessageXml(spec: GroupSpec, dialect: Dialect = 3): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><xdf:xdatenfelder.datenfeldgruppe.0103 xmlns:xdf="${namespace(dialect)}">` +
    `<xdf:header><xdf:nachrichtID>test</xdf:nachrichtID><xdf:erstellungszeitpunkt>2026-01-01T00:00:00Z</xdf:erstellungszeitpunkt></xdf:header>` +
    `${element(dialect, spec)}</xdf:xdatenfelder.datenfeldgruppe.0103>`
  );
}

/** A one-field schema, for table tests of the field mapping. */
export function buildFieldSchemaXml(fieldSpec: Omit<FieldSpec, 'kind' | 'id' | 'name'> & { name?: string }, dialect: Dialect = 2): string {
  return buildSchemaXml(
    { id: 'S99000001', version: '1.0', name: 'Testschema', children: [{ kind: 'field', id: 'F99000001', name: fieldSpec.name ?? 'Testfeld', ...fieldSpec }] },
    dialect,
  );
}
