/**
 * The field kinds the visual editor offers and how each is written as JSON Schema + uiSchema. Kinds that share
 * `type: 'string'` are told apart by `format` (the engine's German formats), `pattern` or the uiSchema widget, so a definition edited as raw
 * JSON is read back into the same kind.
 */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'number'
  | 'integer'
  | 'yesNo'
  | 'date'
  | 'email'
  | 'phone'
  | 'postalCode'
  | 'iban'
  | 'choice'
  | 'multiChoice'
  | 'file';

export interface FieldKindInfo {
  kind: FieldKind;
  /** German label shown in the editor's type select. */
  label: string;
  /** Schema written for a new field of this kind (title/description are added by the caller). */
  schema: Record<string, unknown>;
  /** uiSchema entries written for a new field of this kind. */
  ui: Record<string, unknown>;
}

export const POSTAL_CODE_PATTERN = '^[0-9]{5}$';

export const FIELD_KINDS: readonly FieldKindInfo[] = [
  { kind: 'text', label: 'Text (einzeilig)', schema: { type: 'string', maxLength: 200 }, ui: {} },
  { kind: 'longText', label: 'Text (mehrzeilig)', schema: { type: 'string', maxLength: 2000 }, ui: { 'ui:widget': 'textarea' } },
  { kind: 'number', label: 'Zahl', schema: { type: 'number' }, ui: {} },
  { kind: 'integer', label: 'Ganze Zahl', schema: { type: 'integer' }, ui: {} },
  { kind: 'yesNo', label: 'Ja/Nein', schema: { type: 'boolean' }, ui: {} },
  { kind: 'date', label: 'Datum', schema: { type: 'string', format: 'date', maxLength: 10 }, ui: {} },
  { kind: 'email', label: 'E-Mail-Adresse', schema: { type: 'string', format: 'email', maxLength: 254 }, ui: {} },
  { kind: 'phone', label: 'Telefonnummer', schema: { type: 'string', format: 'de-phone', maxLength: 30 }, ui: { 'ui:options': { inputType: 'tel' } } },
  { kind: 'postalCode', label: 'Postleitzahl', schema: { type: 'string', pattern: POSTAL_CODE_PATTERN, maxLength: 5 }, ui: {} },
  { kind: 'iban', label: 'IBAN', schema: { type: 'string', format: 'iban', maxLength: 42 }, ui: {} },
  { kind: 'choice', label: 'Auswahl (eine)', schema: { type: 'string', enum: ['Option 1', 'Option 2'] }, ui: { 'ui:widget': 'radio' } },
  {
    kind: 'multiChoice',
    label: 'Mehrfachauswahl',
    schema: { type: 'array', items: { type: 'string', enum: ['Option 1', 'Option 2'] }, uniqueItems: true, maxItems: 2 },
    ui: { 'ui:widget': 'checkboxes' },
  },
  { kind: 'file', label: 'Datei', schema: { type: 'string', format: 'data-url', maxLength: 7_000_000 }, ui: {} },
];

/** Looks up the description of a field kind. */
export function getFieldKind(kind: FieldKind): FieldKindInfo {
  const info = FIELD_KINDS.find((entry) => entry.kind === kind);
  if (!info) throw new Error(`Unknown field kind "${kind}"`);
  return info;
}
