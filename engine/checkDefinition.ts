import type { ErrorObject, ValidateFunction } from 'ajv';
import metaSchema from '../schemas/form-definition.schema.json' with { type: 'json' };
import { canonicalJson } from './canonicalJson.ts';
import { checkDataSchema, jsonDepth, MAX_DEPTH } from './checkDataSchema.ts';
import { createAjv } from './createAjv.ts';
import type { DefinitionProblem } from './DefinitionError.ts';
import { escapePointerToken } from './jsonPointer.ts';
import { getParticipant } from './participants.ts';
import { isRecord } from './isRecord.ts';

export type { DefinitionProblem } from './DefinitionError.ts';

/** Largest definition accepted, measured as canonical JSON (UTF-16 code units ~ bytes for German text). */
export const MAX_DEFINITION_SIZE = 512 * 1024;

let validateMeta: ValidateFunction | undefined;

function metaProblems(errors: readonly ErrorObject[]): DefinitionProblem[] {
  return errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    let pointer = error.instancePath;
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
      pointer = `${pointer}/${escapePointerToken(params.missingProperty)}`;
    } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      pointer = `${pointer}/${escapePointerToken(params.additionalProperty)}`;
    }
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) message += `: ${params.allowedValues.join(', ')}`;
    if (error.keyword === 'additionalProperties') message = 'is not a known field of a form definition';
    if (error.keyword === 'required') message = 'is required';
    return { pointer, code: 'meta-schema', message: `${pointer || '/'} ${message} (${error.keyword})`, keyword: error.keyword, params };
  });
}

/** Steps: each top-level property in exactly one step, and no step names an unknown property. */
function stepProblems(definition: Record<string, unknown>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const steps = definition.steps;
  const schema = definition.schema;
  if (!Array.isArray(steps) || !isRecord(schema) || !isRecord(schema.properties)) return problems;
  const declared = new Set(Object.keys(schema.properties));
  const placed = new Map<string, number>();
  steps.forEach((step, stepIndex) => {
    if (!isRecord(step) || !Array.isArray(step.properties)) return;
    step.properties.forEach((name, index) => {
      if (typeof name !== 'string') return;
      const pointer = `/steps/${stepIndex}/properties/${index}`;
      if (!declared.has(name)) {
        problems.push({ pointer, code: 'step-unknown-property', message: `Step ${stepIndex + 1} lists "${name}", which is not a top-level property of the schema.` });
      } else if (placed.has(name)) {
        problems.push({ pointer, code: 'step-duplicate-property', message: `"${name}" is already shown in step ${placed.get(name)! + 1}; each property belongs to exactly one step.` });
      } else {
        placed.set(name, stepIndex);
      }
    });
  });
  for (const name of declared) {
    if (!placed.has(name)) {
      problems.push({
        pointer: `/schema/properties/${escapePointerToken(name)}`,
        code: 'step-missing-property',
        message: `Top-level property "${name}" is in no step; each property belongs to exactly one step.`,
      });
    }
  }
  return problems;
}

/** A lead of Kommunen lists Kommunen only: the Kreis leads only as `{ kind: 'kreis' }` (§ 1 (3) of the agreement). */
function leadProblems(definition: Record<string, unknown>): DefinitionProblem[] {
  const lead = definition.lead;
  if (!isRecord(lead) || lead.kind !== 'kommunen' || !Array.isArray(lead.participants)) return [];
  const problems: DefinitionProblem[] = [];
  lead.participants.forEach((slug, index) => {
    if (typeof slug === 'string' && getParticipant(slug)?.kind === 'kreis') {
      problems.push({
        pointer: `/lead/participants/${index}`,
        code: 'lead-kreis-in-kommunen',
        message: 'The Kreis cannot be one of the leading Kommunen; use { "kind": "kreis" } when the Kreis leads.',
      });
    }
  });
  return problems;
}

/**
 * The contact e-mail (`contactEmail`, a JSON pointer into the data) names a string property with `format: email`,
 * reached through `properties` of objects only (not inside arrays or conditions), so exactly one address is meant.
 */
function contactEmailProblems(definition: Record<string, unknown>): DefinitionProblem[] {
  const pointer = definition.contactEmail;
  if (typeof pointer !== 'string' || !pointer.startsWith('/')) return [];
  let node: unknown = definition.schema;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    const properties = isRecord(node) ? node.properties : undefined;
    node = isRecord(properties) && Object.hasOwn(properties, key) ? properties[key] : undefined;
  }
  if (isRecord(node) && node.type === 'string' && node.format === 'email') return [];
  return [
    {
      pointer: '/contactEmail',
      code: 'contact-email-invalid',
      message: `contactEmail "${pointer}" must point to a string property with format "email" (through object properties only).`,
    },
  ];
}

/**
 * Checks a form definition before it is used: depth (MAX_DEPTH) and size (MAX_DEFINITION_SIZE) caps, the
 * meta-schema (schemas/form-definition.schema.json), the data schema's safety rules (checkDataSchema: local
 * acyclic refs, no $data, bounded patterns/formats/uniqueItems, `additionalProperties: false` everywhere,
 * `required` names declared, compiles with strict Ajv), step consistency, a lead of Kommunen only and a contact e-mail pointing to an e-mail field. Returns all problems found;
 * an empty list means the definition is usable.
 */
export function checkDefinition(definition: unknown): DefinitionProblem[] {
  if (!isRecord(definition)) {
    return [{ pointer: '', code: 'not-object', message: 'A form definition must be a JSON object.' }];
  }
  if (jsonDepth(definition) > MAX_DEPTH) {
    return [{ pointer: '', code: 'too-deep', message: `The definition is nested deeper than ${MAX_DEPTH} levels.` }];
  }
  let size: number;
  try {
    size = canonicalJson(definition).length;
  } catch (error) {
    return [{ pointer: '', code: 'not-json', message: error instanceof Error ? error.message : String(error) }];
  }
  if (size > MAX_DEFINITION_SIZE) {
    return [{ pointer: '', code: 'too-large', message: `The definition has ${size} characters of canonical JSON; at most ${MAX_DEFINITION_SIZE} are allowed.` }];
  }
  validateMeta ??= createAjv().compile(metaSchema);
  const problems: DefinitionProblem[] = validateMeta(definition) ? [] : metaProblems(validateMeta.errors ?? []);
  if (isRecord(definition.schema)) problems.push(...checkDataSchema(definition.schema, '/schema'));
  problems.push(...stepProblems(definition));
  problems.push(...leadProblems(definition));
  problems.push(...contactEmailProblems(definition));
  return problems;
}
