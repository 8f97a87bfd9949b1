import type { FormDefinition } from '../../engine/index.ts';

/** A small valid definition; `schema` parts and top-level fields can be overridden per test. */
export function makeDefinition(overrides: Partial<FormDefinition> = {}): FormDefinition {
  return {
    id: 'test-antrag',
    version: '1.0.0',
    title: 'Testantrag',
    description: 'Ein Antrag nur für die Tests der Engine.',
    lead: { kind: 'kreis' },
    retentionDays: 90,
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['antragsteller'],
      properties: {
        antragsteller: {
          type: 'object',
          additionalProperties: false,
          required: ['vorname', 'plz'],
          properties: {
            vorname: { type: 'string', title: 'Vorname', minLength: 1, maxLength: 50 },
            plz: { type: 'string', pattern: '^[0-9]{5}$', maxLength: 5 },
          },
        },
        bemerkung: { type: 'string', maxLength: 500 },
      },
    },
    uiSchema: {},
    changelog: { date: '2026-01-01', summary: 'Erste Fassung.' },
    ...overrides,
  };
}

/** Deep copy for building a changed version of a definition. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
