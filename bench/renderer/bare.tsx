import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import type { RJSFSchema } from '@rjsf/utils';
import { loadBenchDefinition, markPainted, markSubmitted } from './harness.ts';

const { schema, uiSchema } = await loadBenchDefinition();

function App() {
  useEffect(markPainted, []);
  return <Form schema={schema as RJSFSchema} uiSchema={uiSchema} validator={validator} onSubmit={markSubmitted} onError={() => undefined} />;
}

createRoot(document.getElementById('root')!).render(<App />);
