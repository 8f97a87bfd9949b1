import type { ErrorListProps } from '@rjsf/utils';
import { ErrorSummary } from './ErrorSummary.tsx';
import { getFieldLabel, toFieldId, toPathSegments } from './fieldLabels.ts';

/** rjsf's error list as the KERN error summary: one link per error, to the field it concerns. */
export function ErrorListTemplate({ errors, schema, uiSchema }: ErrorListProps) {
  const entries = errors.map((error) => {
    const segments = toPathSegments(error.property);
    return {
      fieldId: toFieldId(segments),
      label: getFieldLabel(schema, uiSchema, segments),
      message: error.message ?? '',
    };
  });
  return <ErrorSummary entries={entries} />;
}
