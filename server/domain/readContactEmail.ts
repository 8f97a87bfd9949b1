const EMAIL = /^[^\s@<>",;]{1,64}@[^\s@<>",;]{1,253}$/;

/**
 * The citizen's contact e-mail address: the value at the definition's `contactEmail` JSON pointer, when it is a
 * plausible address (the schema's `format: email` validated it already). Undefined when the definition marks no
 * contact e-mail or the (optional) field is empty; no other field of the data is ever used as a recipient.
 */
export function readContactEmail(definition: { contactEmail?: string | undefined }, data: unknown): string | undefined {
  if (!definition.contactEmail) return undefined;
  let value: unknown = data;
  for (const token of definition.contactEmail.split('/').slice(1)) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' && EMAIL.test(value) ? value : undefined;
}
