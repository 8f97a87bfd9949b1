import '../../renderer/shared/kern/fira-sans.css';
import '@kern-ux/native/dist/kern.min.css';
import '../../renderer/shared/kern/kern-form.css';
import { startTransition, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { KernForm } from '../../renderer/shared/kern/KernForm.tsx';
import { DEFINITION_DATA_BLOCK_ID, takeJsonDataBlock } from '../../contract/definitionDataBlock.ts';
import { collectAnswers } from '../../engine/review/collectAnswers.ts';
import { ReviewList } from '../../renderer/shared/review/ReviewList.tsx';
import { createDeferredValidator, needsValidatorToRender } from '../../renderer/shared/validation/deferredValidator.ts';
import { loadPrecompiledValidatorFrom } from '../../renderer/shared/validation/loadPrecompiledValidator.ts';
import { loadBenchDefinition, markPainted, markReviewed, markSubmitted } from './harness.ts';

// Like the portal's form route (FormPage): the definition comes with the page, the validator module is preloaded
// and evaluated with the validation runtime chunk after the form's first paint (KernForm starts it), unless the
// schema needs it to render.
const { schema, uiSchema, fields } = await loadBenchDefinition(() => takeJsonDataBlock(DEFINITION_DATA_BLOCK_ID));
const validator = createDeferredValidator(() => loadPrecompiledValidatorFrom(`/validator-${fields}.js`, schema as RJSFSchema));
if (needsValidatorToRender(schema)) await validator.start();
const formData = {};

/** The review page as the portal shows it after a valid submit (FormPage: collectAnswers + ReviewList). */
function Review({ data }: { data: Record<string, unknown> }) {
  useEffect(markReviewed, []);
  return (
    <>
      <h1 className="kern-heading-large">Bitte prüfen Sie Ihre Angaben</h1>
      <ReviewList answers={collectAnswers(schema as RJSFSchema, uiSchema as UiSchema, data)} />
    </>
  );
}

function App() {
  const [submitted, setSubmitted] = useState<Record<string, unknown> | undefined>();
  useEffect(markPainted, []);
  if (submitted) return <Review data={submitted} />;
  return (
    <KernForm
      schema={schema as RJSFSchema}
      uiSchema={uiSchema}
      validator={validator}
      formData={formData}
      onSubmit={(data) => {
        markSubmitted();
        // As FormPage does: the review page is rendered as a transition, in slices.
        startTransition(() => setSubmitted(data));
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(<App />);
