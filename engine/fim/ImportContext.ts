import type { GenericodeList } from './parseGenericode.ts';

export type JsonSchema = Record<string, unknown>;
export type UiSchema = Record<string, unknown>;

/** Something the editor should look at in the draft; the import went on. */
export interface ImportWarning {
  code: ImportWarningCode;
  /** FIM id of the element concerned (F..., G..., C..., R...), when there is one. */
  elementId?: string;
  message: string;
}

export type ImportWarningCode =
  | 'codelist-missing'
  | 'codelist-unreadable'
  | 'codelist-version-differs'
  | 'codelist-duplicate-code'
  | 'label-skipped'
  | 'praezisierung-invalid'
  | 'pattern-invalid'
  | 'value-range-ignored'
  | 'cardinality-invalid'
  | 'datatype-unknown'
  | 'feldart-unknown'
  | 'default-ignored'
  | 'array-max-default'
  | 'file-size-default'
  | 'required-dropped'
  | 'steps-omitted'
  | 'rules-truncated';

/** What the import counted: data fields and groups that became properties, labels left out. */
export interface ImportStats {
  fields: number;
  groups: number;
  labels: number;
  rules: number;
}

/** A genericode code list given to the import, with the file name it came in. */
export interface ParsedCodeList extends GenericodeList {
  fileName: string;
}

/** What the import reads from every schema element (Stammdatenschema, group, field, rule). */
export interface ElementInfo {
  id: string;
  version: string;
  name: string;
  /** Label for the citizen: bezeichnungEingabe (XDF3 schema: bezeichnung), else the name, else the id. */
  label: string;
  help: string;
  /** "FIM F60000227 1.1": kept in the JSON Schema's `$comment`. */
  reference: string;
}

/** State of one import run: the warnings so far, the given code lists, counters and the rules collected. */
export interface ImportContext {
  warnings: ImportWarning[];
  codeLists: ParsedCodeList[];
  stats: ImportStats;
  rules: Map<string, { id: string; name: string; text: string }>;
}
