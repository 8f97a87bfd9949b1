import type { ReactElement } from 'react';
import type { RJSFSchema } from '@rjsf/utils';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8/lib/types.js';
import { runInThisContext } from 'node:vm';
import { isMainThread, parentPort } from 'node:worker_threads';
import { prerenderToNodeStream } from 'react-dom/static';
import type { FormPageRenderInput, FormPageRenderReply, FormPageRenderRequest } from '../../../contract/formPagePrerender.ts';
import { createGermanValidator, requireFromRuntime } from '../../shared/validation/validatorRuntime.ts';
import { PortalRoot } from '../PortalRoot.tsx';
import { prepareForm } from '../PreloadedForm.ts';

/**
 * The HTML of `element` once everything in it (lazily loaded code included) has rendered, in place: no part is
 * split off into a segment that an inline script moves in (React does that to parts over `progressiveChunkSize`
 * bytes, and the portal's CSP forbids inline scripts).
 */
async function prerenderToString(element: ReactElement): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element, { progressiveChunkSize: Number.POSITIVE_INFINITY });
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

type ValidatorModuleFactory = (require: (name: string) => unknown) => ValidatorFunctions;

const EXPORT_DEFAULT = 'export default ';

/**
 * The factory of a validator module (`export default function (require) {...}`, see createValidatorModuleSource),
 * evaluated as a plain function expression rather than imported: an imported module stays in Node's module map
 * for the life of the process, while this one is garbage once the page is rendered.
 */
function evaluateValidatorModule(source: string, name: string): ValidatorModuleFactory {
  if (!source.startsWith(EXPORT_DEFAULT)) throw new Error(`renderFormPage: the validator module of ${name} does not start with "${EXPORT_DEFAULT}"`);
  return runInThisContext(`(${source.slice(EXPORT_DEFAULT.length)})`, { filename: `validator:${name}` }) as ValidatorModuleFactory;
}

/**
 * The portal app's HTML for a form page (RenderFormPage; the server runs its build, dist/renderer-ssr, as a worker):
 * the same tree the browser hydrates, with the form prepared as the browser prepares it. The validator module the
 * browser would load is evaluated from its source, only when rendering needs the validator.
 */
export async function renderFormPage({ pathname, definition, validatorModuleSource }: FormPageRenderInput): Promise<string> {
  const preloadedForm = await prepareForm(definition, async () => {
    const createValidateFunctions = evaluateValidatorModule(validatorModuleSource, `${definition.id}@${definition.version}`);
    return createGermanValidator(createValidateFunctions(requireFromRuntime), definition.schema as RJSFSchema);
  });
  const html = await prerenderToString(<PortalRoot pathname={pathname} preloadedForm={preloadedForm} />);
  if (html.includes('<script')) throw new Error(`renderFormPage: the HTML of ${pathname} contains a script`);
  return html;
}

// Run as a worker thread (as the server runs it): renders what it is sent, one answer per request.
if (!isMainThread && parentPort) {
  // rjsf picks the input type of numbers and their decimal separator by navigator.languages (text with a decimal
  // comma in German); the portal speaks German, so its server renders as a German browser does.
  Object.defineProperty(globalThis, 'navigator', { value: { language: 'de-DE', languages: ['de-DE'] }, configurable: true, writable: true });
  const port = parentPort;
  port.on('message', ({ id, input }: FormPageRenderRequest) => {
    renderFormPage(input).then(
      (html) => port.postMessage({ id, html } satisfies FormPageRenderReply),
      (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FormPageRenderReply),
    );
  });
}
