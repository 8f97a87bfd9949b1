/**
 * Builds data that a (safe, imported) data schema accepts: every property filled with a value that satisfies its
 * type, format, length, range and choices. Filling every property also satisfies conditional `required` rules.
 */
type Schema = Record<string, unknown>;

const PDF_DATA_URL = `data:application/pdf;name=nachweis.pdf;base64,${Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64')}`;

const FORMAT_VALUES: Readonly<Record<string, string>> = {
  email: 'erika.mustermann@example.org',
  date: '2020-01-15',
  'past-date': '2020-01-15',
  'date-time': '2020-01-15T10:30:00Z',
  time: '10:30:00Z',
  uri: 'https://www.kreis-heinsberg.de/',
  url: 'https://www.kreis-heinsberg.de/',
  'de-phone': '02452 13-0',
  'data-url': PDF_DATA_URL,
  iban: 'DE02120300000000202051',
};

function isRecord(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function choices(schema: Schema): unknown[] | undefined {
  if ('const' in schema) return [schema.const];
  if (Array.isArray(schema.enum)) return schema.enum;
  const list = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (list && list.every((entry) => isRecord(entry) && 'const' in entry)) return list.map((entry) => (entry as Schema).const);
  return undefined;
}

export function buildValidData(schema: unknown): unknown {
  if (!isRecord(schema)) return 'x';
  const options = choices(schema);
  if (options && options.length > 0) return options[0];
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : [];
  const type = types[0] ?? (isRecord(schema.properties) ? 'object' : 'string');
  switch (type) {
    case 'object': {
      const data: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(isRecord(schema.properties) ? schema.properties : {})) data[name] = buildValidData(child);
      return data;
    }
    case 'array': {
      const items = isRecord(schema.items) ? schema.items : {};
      const itemChoices = choices(items);
      const count = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 0);
      if (itemChoices) return itemChoices.slice(0, Math.max(count, 1));
      return Array.from({ length: count }, () => buildValidData(items));
    }
    case 'number':
    case 'integer': {
      let value = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? Math.floor(schema.exclusiveMinimum) + 1 : 1;
      if (typeof schema.maximum === 'number' && value > schema.maximum) value = schema.maximum;
      return type === 'integer' ? Math.ceil(value) : value;
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default: {
      const format = typeof schema.format === 'string' ? schema.format : undefined;
      if (format && FORMAT_VALUES[format]) return FORMAT_VALUES[format];
      const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
      const max = typeof schema.maxLength === 'number' ? schema.maxLength : 200;
      let text = 'Beispielangabe';
      while (text.length < min) text += ' Beispielangabe';
      return text.slice(0, Math.max(min, Math.min(max, text.length)));
    }
  }
}
