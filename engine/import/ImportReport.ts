/** One change the import made, or one thing it could not carry over, with where it was in the source. */
export interface ImportReportEntry {
  /** JSON pointer into the imported source file ('' for the whole file). */
  path: string;
  /** Stable English code, e.g. 'max-length-added'. */
  code: ImportReportCode;
  /** German explanation for the editor. */
  message: string;
}

export type ImportReportCode =
  | 'kind-detected'
  | 'object-closed'
  | 'additional-properties-closed'
  | 'max-length-added'
  | 'max-items-added'
  | 'branch-property-declared'
  | 'ref-inlined'
  | 'ref-remote-dropped'
  | 'dependencies-converted'
  | 'choices-converted'
  | 'keyword-dropped'
  | 'format-dropped'
  | 'format-mapped'
  | 'required-unknown-dropped'
  | 'type-inferred'
  | 'widget-mapped'
  | 'widget-dropped'
  | 'ui-option-dropped'
  | 'steps-created'
  | 'steps-omitted'
  | 'rule-dropped'
  | 'condition-mapped'
  | 'condition-dropped'
  | 'validator-dropped'
  | 'calculation-dropped'
  | 'component-dropped'
  | 'component-unknown'
  | 'display-text-dropped'
  | 'default-dropped'
  | 'name-duplicate'
  | 'file-mapped'
  | 'choices-dynamic'
  | 'layout-flattened'
  | 'setting-dropped'
  | 'no-fields'
  | 'schema-problem';

/** Collects report entries; `note` records a rule/condition as text for the definition's `source.rules`. */
export class ImportReporter {
  readonly entries: ImportReportEntry[] = [];
  readonly rules: { id: string; name: string; text: string }[] = [];
  private readonly seen = new Set<string>();
  private readonly aggregated = new Map<string, { entry: ImportReportEntry; count: number; label: string }>();

  add(path: string, code: ImportReportCode, message: string): void {
    const key = `${path}|${code}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.entries.push({ path, code, message });
  }

  /** One entry per `key` however often it occurs (e.g. a layout-only keyword on every field), with the count. */
  addAggregated(key: string, path: string, code: ImportReportCode, label: string): void {
    const existing = this.aggregated.get(key);
    if (existing) {
      existing.count += 1;
      existing.entry.message = `${existing.label} (an ${existing.count} Stellen, zuerst hier).`;
      return;
    }
    const entry: ImportReportEntry = { path, code, message: `${label}.` };
    this.aggregated.set(key, { entry, count: 1, label });
    this.entries.push(entry);
  }

  /** Something not carried over that the editor should model by hand; kept as text in `source.rules` too. */
  keepRule(path: string, name: string, text: string): void {
    if (this.rules.length < 500) this.rules.push({ id: path.slice(0, 100) || '/', name: name.slice(0, 500), text: text.slice(0, 20000) });
  }
}

/** Escapes one JSON pointer token. */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Names that would reach JavaScript object internals: never used as property or uiSchema keys. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Thrown inside the import when the source cannot be imported at all (caught by importForeignForm). */
export class ImportRefusal extends Error {
  constructor(
    readonly code: 'IMPORT_CIRCULAR_REF' | 'IMPORT_NOT_A_FORM' | 'IMPORT_TOO_DEEP' | 'IMPORT_TOO_LARGE',
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}
