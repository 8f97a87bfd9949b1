/**
 * A generated form definition with `fields` top-level fields for the renderer benchmark: mostly text fields, every
 * tenth a select, every 25th a checkbox, every 50th a date; the first ten are required.
 */
export function generateBenchDefinition(fields: number): { id: string; version: string; title: string; schema: Record<string, unknown>; uiSchema: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  const uiSchema: Record<string, unknown> = {};
  for (let i = 0; i < fields; i++) {
    const name = `f${String(i).padStart(4, '0')}`;
    if (i % 10 === 5) properties[name] = { type: 'string', title: `Auswahl ${i}`, enum: ['a', 'b', 'c'] };
    else if (i % 25 === 24) properties[name] = { type: 'boolean', title: `Bestätigung ${i}` };
    else if (i % 50 === 49) properties[name] = { type: 'string', format: 'date', title: `Datum ${i}` };
    else properties[name] = { type: 'string', title: `Textfeld ${i}`, maxLength: 200 };
    if (i % 10 === 7) uiSchema[name] = { 'ui:help': `Hinweis zu Feld ${i}` };
  }
  return {
    id: `bench-${fields}`,
    version: '1.0.0',
    title: `Benchmark mit ${fields} Feldern`,
    schema: { type: 'object', additionalProperties: false, required: Object.keys(properties).filter((_, i) => i < 10 && i % 10 !== 5), properties },
    uiSchema,
  };
}
