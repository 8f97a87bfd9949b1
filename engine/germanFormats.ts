import { isDataUrl } from './isDataUrl.ts';
import { isDePhone } from './isDePhone.ts';
import { isIban } from './isIban.ts';
import { isPastDate } from './isPastDate.ts';
import { isSteuerId } from './isSteuerId.ts';

// The format functions live in their own files; re-exported here for modules that import them from this one.
export { isDataUrl, isDePhone, isIban, isPastDate, isSteuerId };
export { isIsoDate } from './isIsoDate.ts';
export { todayInGermany } from './todayInGermany.ts';

/**
 * German custom string formats for JSON Schema `format`. Pure and browser-importable: the server's validator
 * and the portal's precompiled validators register the same functions (`ajv.addFormat(name, definition)`).
 * Each definition only applies to strings (`type: 'string'`), so other types are left to the `type` keyword.
 */
export interface StringFormat {
  readonly type: 'string';
  readonly validate: (value: string) => boolean;
}

/** The German formats by name, ready for `ajv.addFormat(name, format)`. */
export const germanFormats: Readonly<Record<'iban' | 'steuer-id' | 'past-date' | 'data-url' | 'de-phone', StringFormat>> =
  Object.freeze({
    iban: { type: 'string', validate: isIban },
    'steuer-id': { type: 'string', validate: isSteuerId },
    'past-date': { type: 'string', validate: isPastDate },
    'data-url': { type: 'string', validate: isDataUrl },
    'de-phone': { type: 'string', validate: isDePhone },
  });
