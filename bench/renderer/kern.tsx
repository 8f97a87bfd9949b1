import '../../renderer/shared/kern/fira-sans.css';
import '@kern-ux/native/dist/kern.min.css';
import '../../renderer/shared/kern/kern-form.css';
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { DEFINITION_DATA_BLOCK_ID, takeJsonDataBlock } from '../../contract/definitionDataBlock.ts';
import { createDeferredValidator, needsValidatorToRender } from '../../renderer/shared/validation/deferredValidator.ts';
import { loadPrecompiledValidatorFrom } from '../../renderer/shared/validation/loadPrecompiledValidator.ts';
import { loadBenchDefinition } from './harness.ts';
import { HYDRATION_ERROR_PREFIX } from './paintedMessage.ts';
import { KernBenchApp } from './KernBenchApp.tsx';

// Like the portal's form route (FormPage): the definition comes with the page, whose server has rendered the form's
// first screen into #root; this entry hydrates it. The validator module is preloaded and evaluated with the
// validation runtime chunk after the form's first paint (KernForm starts it), unless the schema needs it to render.
const { schema, uiSchema, fields } = await loadBenchDefinition(() => takeJsonDataBlock(DEFINITION_DATA_BLOCK_ID));
const validator = createDeferredValidator(() => loadPrecompiledValidatorFrom(`/validator-${fields}.js`, schema as RJSFSchema));
if (needsValidatorToRender(schema)) await validator.start();

const root = document.getElementById('root')!;
const app = <KernBenchApp schema={schema as RJSFSchema} uiSchema={uiSchema as UiSchema} validator={validator} />;
if (root.hasChildNodes()) {
  // A mismatch between the server's markup and the first client render is logged with a stable prefix; the
  // benchmark fails on it.
  hydrateRoot(root, app, { onRecoverableError: (error) => console.error(`${HYDRATION_ERROR_PREFIX} ${String(error)}`) });
} else {
  createRoot(root).render(app);
}
