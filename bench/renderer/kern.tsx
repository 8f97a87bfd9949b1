import '@kern-ux/native/dist/fonts/fira-sans.css';
import '@kern-ux/native/dist/kern.min.css';
import '../../renderer/shared/kern/kern-form.css';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { RJSFSchema } from '@rjsf/utils';
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import { KernForm } from '../../renderer/shared/kern/KernForm.tsx';
import { importValidatorModule } from '../../renderer/shared/validation/importValidatorModule.ts';
import { localizeGerman } from '../../renderer/shared/validation/localizeGerman.ts';
import { requireFromRuntime } from '../../renderer/shared/validation/loadPrecompiledValidator.ts';
import { loadBenchDefinition, markPainted, markSubmitted } from './harness.ts';

const { schema, uiSchema, fields } = await loadBenchDefinition();
const module = (await importValidatorModule(`/validator-${fields}.js`)) as { default: (require: (name: string) => unknown) => never };
const validator = createPrecompiledValidator(module.default(requireFromRuntime), schema as RJSFSchema, localizeGerman);
const formData = {};

function App() {
  useEffect(markPainted, []);
  return <KernForm schema={schema as RJSFSchema} uiSchema={uiSchema} validator={validator} formData={formData} onSubmit={markSubmitted} />;
}

createRoot(document.getElementById('root')!).render(<App />);
