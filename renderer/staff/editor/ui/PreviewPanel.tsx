import { useMemo, useState } from 'react';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { KernForm } from '../../../shared/kern/KernForm.tsx';
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { createPreviewValidator } from '../../preview/createPreviewValidator.ts';
import type { DraftDefinition } from '../editorTypes.ts';

const validator = createPreviewValidator();
const EMPTY = {};

/** The form as citizens will see it, rendered by the portal's KERN rjsf theme; one step at a time. */
export function PreviewPanel({ definition }: { definition: DraftDefinition }) {
  const [step, setStep] = useState('all');
  const steps = Array.isArray(definition.steps) ? definition.steps : [];
  const visible = useMemo(() => (step === 'all' ? undefined : steps[Number(step)]?.properties), [step, steps]);
  return (
    <div className="editor-preview">
      {steps.length > 0 ? (
        <SelectField
          id="vorschau-schritt"
          label="Vorschau von"
          value={step}
          onChange={setStep}
          options={[{ value: 'all', label: 'Allen Schritten' }, ...steps.map((entry, index) => ({ value: String(index), label: `${index + 1}. ${entry.title}` }))]}
        />
      ) : null}
      <ErrorBoundary resetKey={definition} fallback={<p className="kern-body">Die Vorschau kann diese Definition noch nicht darstellen. Prüfen Sie die Fehlermeldungen.</p>}>
        <KernForm id="vorschau" schema={definition.schema as RJSFSchema} uiSchema={definition.uiSchema as UiSchema} validator={validator} formData={EMPTY} visibleProperties={visible} submitText="Absenden (Vorschau)" />
      </ErrorBoundary>
    </div>
  );
}
