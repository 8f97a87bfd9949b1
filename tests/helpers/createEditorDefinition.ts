/** A small valid definition for editor tests: `fields` are optional string properties (all in one step-less form). */
export function createEditorDefinition(id: string, version: string, fields: readonly string[], required: readonly string[] = []): Record<string, unknown> {
  return {
    id,
    version,
    title: 'Testantrag für den Editor',
    description: 'Ein Antrag, den die Tests des Editors anlegen.',
    lead: { kind: 'kreis' },
    retentionDays: 90,
    schema: {
      type: 'object',
      additionalProperties: false,
      ...(required.length > 0 ? { required: [...required] } : {}),
      properties: Object.fromEntries(fields.map((name) => [name, { type: 'string', title: name, maxLength: 100 }])),
    },
    uiSchema: {},
    changelog: { date: '2026-11-25', summary: `Version ${version}` },
  };
}
