/**
 * The export columns of a data schema: dotted paths of its leaf properties in schema order, nested objects
 * flattened (`halter.vorname`), arrays and free-form objects as one column each.
 */
export function listDataColumns(schema: unknown, prefix: string[] = [], depth = 0): string[][] {
  const properties = (schema as { properties?: unknown } | null)?.properties;
  if (!properties || typeof properties !== 'object' || depth > 8) return prefix.length > 0 ? [prefix] : [];
  const columns: string[][] = [];
  for (const [name, child] of Object.entries(properties as Record<string, unknown>)) {
    const isObject = child !== null && typeof child === 'object' && (child as { type?: unknown }).type === 'object';
    if (isObject && (child as { properties?: unknown }).properties) columns.push(...listDataColumns(child, [...prefix, name], depth + 1));
    else columns.push([...prefix, name]);
  }
  return columns;
}
