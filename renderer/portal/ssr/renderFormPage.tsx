import type { ReactElement } from 'react';
import type { RJSFSchema } from '@rjsf/utils';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8/lib/types.js';
import { prerenderToNodeStream } from 'react-dom/static';
import type { FormPageRenderInput } from '../../../contract/formPagePrerender.ts';
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

/**
 * The portal app's HTML for a form page (RenderFormPage, run by the server from its build in dist/renderer-ssr):
 * the same tree the browser hydrates, with the form prepared as the browser prepares it. The validator module the
 * browser would load is evaluated from its source (a data: URL module; only when rendering needs the validator).
 */
export async function renderFormPage({ pathname, definition, loadValidatorModuleSource }: FormPageRenderInput): Promise<string> {
  const preloadedForm = await prepareForm(definition, async () => {
    const source = await loadValidatorModuleSource();
    const module = (await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`)) as { default: ValidatorModuleFactory };
    return createGermanValidator(module.default(requireFromRuntime), definition.schema as RJSFSchema);
  });
  const html = await prerenderToString(<PortalRoot pathname={pathname} preloadedForm={preloadedForm} />);
  if (html.includes('<script')) throw new Error(`renderFormPage: the HTML of ${pathname} contains a script`);
  return html;
}
