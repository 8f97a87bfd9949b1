import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createInputGuards, type InputGuards } from './createInputGuards.ts';
import { germanFormats } from './germanFormats.ts';
import { addUploadKeyword } from './uploadField.ts';

/**
 * Builds an Ajv (JSON Schema 2020-12) instance with the engine's options: strict mode (unknown keywords and
 * ambiguous schemas are errors), all errors, ajv-formats and the German formats, with patterns and string
 * formats behind `guards` (see createInputGuards). Submissions are validated by one such instance
 * (createFormValidator); checkDefinition uses another one to prove a schema compiles.
 */
export function createAjv(guards: InputGuards = createInputGuards()): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    // `then: { required: [...] }` is the usual conditional-field rule; checkDataSchema checks those names
    // against the enclosing object's properties instead (ajv's strictRequired would demand them in `then`).
    strictRequired: false,
    allErrors: true,
    allowUnionTypes: true,
    // $data references would let submitted data steer validation (ajv's untrusted-schema advice).
    $data: false,
    messages: true,
    // Amounts like 19.99 with `multipleOf: 0.01` must pass despite binary floating point (same as the portal).
    multipleOfPrecision: 8,
    code: { regExp: guards.regExp },
  });
  addFormats(ajv);
  addUploadKeyword(ajv);
  for (const [name, format] of Object.entries(germanFormats)) ajv.addFormat(name, format);
  for (const [name, format] of Object.entries(ajv.formats)) {
    if (format !== undefined) ajv.addFormat(name, guards.guardFormat(name, format));
  }
  return ajv;
}
