import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { flushSync } from 'react-dom';
import Form, { getDefaultRegistry } from '@rjsf/core';
import { validationDataMerge } from '@rjsf/utils';
import type { ErrorSchema, FieldProps, RJSFSchema, RJSFValidationError, UiSchema, ValidatorType } from '@rjsf/utils';
import { UploadField } from './UploadField.tsx';
import type { UploadContext } from './uploadContext.ts';
import { kernTemplates, kernWidgets } from './kernTheme.ts';
import { createPendingInputs, PendingInputsContext } from './PendingInputs.tsx';
import { ERROR_SUMMARY_ID } from './ErrorSummary.tsx';
import { toPathSegments } from './fieldLabels.ts';
import { ProgressiveFieldsContext } from './ProgressiveFields.ts';
import { pruneEmptyObjects } from './pruneEmptyObjects.ts';
import { replayEarlyInput } from './replayEarlyInput.ts';
import { translateGerman } from './translateGerman.ts';
import { useHydrated } from './useHydrated.ts';
import { VisiblePropertiesContext } from './VisibleProperties.ts';
import { loadAfterNextPaint, whenValidatorReady } from '../validation/deferredValidator.ts';

export interface KernFormProps {
  /** The definition's data schema, exactly as given to the precompiled validator. */
  schema: RJSFSchema;
  uiSchema?: UiSchema;
  validator: ValidatorType;
  /** Initial data; keep the reference stable (a new object re-derives the form state). */
  formData?: unknown;
  /** Top-level properties shown and validated (one step); undefined shows and validates all. */
  visibleProperties?: readonly string[];
  /** Text of the submit button ("Weiter", "Angaben prüfen" ...). */
  submitText?: string;
  /** Called with the (valid for the visible properties) data. */
  onSubmit?: (data: Record<string, unknown>) => void;
  /** Errors from elsewhere (the server), shown like validation errors. */
  extraErrors?: ErrorSchema;
  readonly?: boolean;
  disabled?: boolean;
  /** Extra buttons beside the submit button (type="button", e.g. "Zurück", "Zwischenspeichern"). */
  children?: ReactNode;
  id?: string;
  /** Uploads a chosen file of a file field (x-upload); without it such fields cannot take files (staff preview). */
  uploadFile?: UploadContext['uploadFile'];
  /** false renders every field in the first commit (default true: a long form adds its fields over a few tasks). */
  progressive?: boolean;
}

const DefaultObjectField = getDefaultRegistry().fields.ObjectField!;

/** Objects with `x-upload` are file fields; every other object renders as usual. */
function KernObjectField(props: FieldProps) {
  return (props.schema as Record<string, unknown>)['x-upload'] ? <UploadField {...props} /> : <DefaultObjectField {...props} />;
}

const FIELDS = { ObjectField: KernObjectField };

/**
 * The file fields' upload problems as an rjsf ErrorSchema (pointer -> __errors), or undefined when there are none.
 * Built directly instead of through rjsf's customValidate, whose error handler copies the whole form data and
 * costs time quadratic in the number of fields (about 200 ms at 1000 fields).
 */
function toUploadErrorSchema(uploadErrors: ReadonlyMap<string, string>): ErrorSchema | undefined {
  if (uploadErrors.size === 0) return undefined;
  const root: Record<string, unknown> = {};
  for (const [pointer, message] of uploadErrors) {
    let node = root;
    for (const segment of pointer.split('/').slice(1)) {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node[key] ??= {}) as Record<string, unknown>;
    }
    ((node.__errors ??= []) as string[]).push(message);
  }
  return root as ErrorSchema;
}

export interface KernFormHandle {
  /** Commits what is being typed and returns the current data (e.g. to save a draft). */
  getData(): Record<string, unknown>;
}

// Required nested objects start as {} (so each missing field is reported on its own); optional ones stay absent
// until the citizen answers something in them, since an empty {} would make their required fields mandatory.
// A choice (oneOf of consts) starts unanswered: pre-selecting its first option would answer for the citizen.
const DEFAULT_FORM_STATE = { emptyObjectFields: 'populateRequiredDefaults', constAsDefaults: 'skipOneOf' } as const;

function focusErrorSummary(): void {
  requestAnimationFrame(() => document.getElementById(ERROR_SUMMARY_ID)?.focus());
}

/**
 * The rjsf form with the KERN theme and German texts: validation only on submit (liveValidate off, precompiled
 * validator), errors limited to the visible step, an error summary at the top that takes the focus, text
 * inputs buffered while typing. Reusable by the staff apps (editor preview: pass `readonly` for the inbox).
 */
export const KernForm = forwardRef<KernFormHandle, KernFormProps>(function KernForm(props, ref) {
  const { schema, uiSchema, validator, formData, visibleProperties, submitText, onSubmit, extraErrors, readonly, disabled, children, id, uploadFile, progressive } =
    props;
  const uploadErrors = useMemo(() => new Map<string, string>(), []);
  const formContext = useMemo<UploadContext>(() => ({ uploadFile, uploadErrors }), [uploadFile, uploadErrors]);
  const pending = useMemo(() => createPendingInputs(), []);
  const formRef = useRef<Form>(null);
  const visible = useMemo(() => (visibleProperties ? new Set(visibleProperties) : null), [visibleProperties]);

  useImperativeHandle(ref, () => ({
    getData() {
      flushSync(() => pending.flush());
      return pruneEmptyObjects((formRef.current?.state.formData ?? {}) as Record<string, unknown>, schema);
    },
  }));

  // Validation and the submitted data both see the data without rjsf's empty placeholder objects.
  const pruningValidator = useMemo<ValidatorType>(
    () => ({
      // The upload problems are merged here rather than through rjsf's customValidate (see toUploadErrorSchema).
      validateFormData: (data, validatedSchema, _customValidate, transform, ui) =>
        validationDataMerge(
          validator.validateFormData(pruneEmptyObjects(data, validatedSchema), validatedSchema, undefined, transform, ui),
          toUploadErrorSchema(uploadErrors),
        ),
      isValid: (subSchema, data, rootSchema) => validator.isValid(subSchema, data, rootSchema),
      rawValidation: (validatedSchema, data) => validator.rawValidation(validatedSchema, data),
      reset: validator.reset ? () => validator.reset?.() : undefined,
    }),
    [validator, uploadErrors],
  );

  // What the citizen entered in the server-rendered form before this code took it over becomes the form's data.
  const formArea = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // In a task of its own, as the citizen's own input would come: not inside React's commit.
    const timer = setTimeout(() => formArea.current && replayEarlyInput(formArea.current), 0);
    return () => clearTimeout(timer);
  }, []);
  // Until then the form cannot be sent: the browser would send it itself, with the answers in the URL.
  const hydrated = useHydrated();

  // A validator that is loaded on demand (FormPage's deferred one) starts loading once the form is painted.
  useEffect(() => loadAfterNextPaint(validator), [validator]);

  // Before rjsf sees a submit: commit what is being typed; while a chosen file is still being read, hold the submit
  // back and send it again once the file is in the data (else it would be reported as missing). Likewise while the
  // validator is still loading (a deferred one, see createDeferredValidator; this starts it if need be); if it never
  // arrives, the page that loads it reports the failure and the submit stays held.
  const onSubmitCapture = (event: FormEvent<HTMLDivElement>) => {
    const reading = pending.whenSettled();
    const loading = whenValidatorReady(validator);
    if (!reading && !loading) {
      pending.flush();
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    const form = event.target as HTMLFormElement;
    void Promise.all([reading, loading]).then(
      () => {
        if (form.isConnected) form.requestSubmit();
      },
      () => undefined,
    );
  };

  const transformErrors = useCallback(
    (errors: RJSFValidationError[]) =>
      visible ? errors.filter((error) => visible.has(toPathSegments(error.property)[0] ?? '')) : errors,
    [visible],
  );

  return (
    <PendingInputsContext.Provider value={pending}>
      <ProgressiveFieldsContext.Provider value={progressive ?? true}>
        <VisiblePropertiesContext.Provider value={visible}>
          <div className="kf-form" ref={formArea} onSubmitCapture={onSubmitCapture}>
            <Form
              ref={formRef}
              id={id}
              schema={schema}
              uiSchema={uiSchema}
              formData={formData}
              validator={pruningValidator}
              templates={kernTemplates}
              widgets={kernWidgets}
              fields={FIELDS}
              formContext={formContext}
              translateString={translateGerman}
              noHtml5Validate
              experimental_defaultFormStateBehavior={DEFAULT_FORM_STATE}
              showErrorList="top"
              transformErrors={transformErrors}
              extraErrors={extraErrors}
              onError={focusErrorSummary}
              onSubmit={(event) => onSubmit?.(pruneEmptyObjects((event.formData ?? {}) as Record<string, unknown>, schema))}
              readonly={readonly}
              disabled={disabled}
            >
              <div className="kf-button-row">
                {readonly ? null : (
                  <button type="submit" className="kern-btn kern-btn--primary" disabled={!hydrated}>
                    <span className="kern-label">{submitText ?? 'Absenden'}</span>
                  </button>
                )}
                {children}
              </div>
            </Form>
          </div>
        </VisiblePropertiesContext.Provider>
      </ProgressiveFieldsContext.Provider>
    </PendingInputsContext.Provider>
  );
});
