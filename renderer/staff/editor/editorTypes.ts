import type { FieldKind } from './fieldKinds.ts';

/** A JSON object as it appears in a definition being edited. */
export type JsonObject = Record<string, unknown>;

/** The parts of a (draft) form definition the visual editor reads and writes; all other keys are kept as they are. */
export interface DraftDefinition extends JsonObject {
  schema: JsonObject;
  uiSchema: JsonObject;
  steps?: EditorStep[];
}

export interface EditorStep {
  title: string;
  properties: string[];
}

/** "Show / require field B when field A has value X"; A is a sibling of B (same object level). */
export interface FieldCondition {
  field: string;
  equals: string | number | boolean;
  effect: 'show' | 'require';
}

/** One field or group as the visual editor shows it, read from schema + uiSchema. */
export interface EditorField {
  name: string;
  /** Property names from the root to this field. */
  path: string[];
  /** 'unknown' marks a schema the visual editor cannot model; it is kept and editable in the JSON view. */
  kind: FieldKind | 'group' | 'unknown';
  label: string;
  help: string;
  /** Required whenever the field is shown (conditional requirement is a condition with effect 'require'). */
  required: boolean;
  choices: string[];
  choiceWidget: 'radio' | 'select';
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  condition?: FieldCondition;
  children: EditorField[];
}

/** What an `updateField` action may change; `condition: null` removes the condition. */
export interface FieldChanges {
  label?: string;
  help?: string;
  kind?: FieldKind;
  required?: boolean;
  choices?: string[];
  choiceWidget?: 'radio' | 'select';
  minLength?: number | null;
  maxLength?: number | null;
  minimum?: number | null;
  maximum?: number | null;
  condition?: FieldCondition | null;
}

export type EditorAction =
  | { type: 'addField'; parent: string[]; kind: FieldKind; label: string }
  | { type: 'addGroup'; parent: string[]; label: string }
  | { type: 'removeField'; path: string[] }
  | { type: 'moveField'; path: string[]; offset: -1 | 1 }
  | { type: 'updateField'; path: string[]; changes: FieldChanges }
  | { type: 'addStep'; title: string }
  | { type: 'removeStep'; index: number }
  | { type: 'renameStep'; index: number; title: string }
  | { type: 'assignStep'; property: string; index: number };
