import { startTransition, useEffect, useState } from 'react';
import type { RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils';
import { KernForm } from '../../renderer/shared/kern/KernForm.tsx';
import { collectAnswers } from '../../engine/review/collectAnswers.ts';
import { ReviewList } from '../../renderer/shared/review/ReviewList.tsx';
import { markPainted, markReviewed, markSubmitted } from './harness.ts';

/**
 * The benchmark's model of the portal's form route (FormPage), without CSS imports: the page's entry (kern.tsx)
 * hydrates it, and the benchmark's server (renderer.bench.ts) renders it in Node into the page, as the portal
 * server does with its app. Nothing here runs page code at import or render time; the harness marks run in effects.
 */
export interface KernBenchAppProps {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  /** The page's deferred validator (KernForm starts loading it after the first paint; never on the server). */
  validator: ValidatorType;
}

/** Initial data: one stable object (a new one would re-derive the form state). */
const FORM_DATA = {};

/** The review page as the portal shows it after a valid submit (FormPage: collectAnswers + ReviewList). */
function Review({ schema, uiSchema, data }: { schema: RJSFSchema; uiSchema: UiSchema; data: Record<string, unknown> }) {
  useEffect(markReviewed, []);
  return (
    <>
      <h1 className="kern-heading-large">Bitte prüfen Sie Ihre Angaben</h1>
      <ReviewList answers={collectAnswers(schema, uiSchema, data)} />
    </>
  );
}

export function KernBenchApp({ schema, uiSchema, validator }: KernBenchAppProps) {
  const [submitted, setSubmitted] = useState<Record<string, unknown> | undefined>();
  // After the first commit: on the served (server-rendered) page, after hydration.
  useEffect(markPainted, []);
  if (submitted) return <Review schema={schema} uiSchema={uiSchema} data={submitted} />;
  return (
    <KernForm
      schema={schema}
      uiSchema={uiSchema}
      validator={validator}
      formData={FORM_DATA}
      onSubmit={(data) => {
        markSubmitted();
        // As FormPage does: the review page is rendered as a transition, in slices.
        startTransition(() => setSubmitted(data));
      }}
    />
  );
}
