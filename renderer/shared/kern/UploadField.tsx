import { useState } from 'react';
import type { FieldProps } from '@rjsf/utils';
import { descriptionId, errorId, helpId } from '@rjsf/utils';
import { formatFileSize } from '../../../engine/formatFileSize.ts';
import { describeUploadTypes } from '../../../engine/uploadField.ts';
import { RequiredMark } from './RequiredMark.tsx';
import type { UploadContext, UploadedFile } from './uploadContext.ts';

function toPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * A file field (`x-upload`): choosing a file uploads it at once (with progress), then shows its name and size with a
 * button to remove it. Upload problems (too large, wrong type, malware) appear at the field at once and, until the
 * file is removed or replaced, in the form's error summary on submit.
 */
export function UploadField(props: FieldProps) {
  const { schema, uiSchema, formData, onChange, fieldPathId, registry, required, disabled, readonly, rawErrors, name } = props;
  const context = (registry.formContext ?? {}) as UploadContext;
  const spec = (schema as { 'x-upload'?: { maxBytes: number; types: string[] } })['x-upload'];
  const id = fieldPathId.$id;
  const pointer = toPointer(fieldPathId.path);
  const value = formData && typeof formData === 'object' && typeof (formData as UploadedFile).name === 'string' ? (formData as UploadedFile) : undefined;
  const [progress, setProgress] = useState<number | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const label = (uiSchema?.['ui:title'] as string | undefined) ?? schema.title ?? name;
  const hint = spec ? `Erlaubt: ${describeUploadTypes(spec.types)}, höchstens ${formatFileSize(spec.maxBytes)}.` : undefined;
  const hasError = Boolean(problem) || Boolean(rawErrors && rawErrors.length > 0);
  // The field frame (FieldTemplate) renders the errors and a `ui:help` text under the field.
  const describedBy = [
    hint ? descriptionId(id) : '',
    problem ? `${id}__upload-error` : '',
    rawErrors && rawErrors.length > 0 ? errorId(id) : '',
    uiSchema?.['ui:help'] ? helpId(id) : '',
  ]
    .filter(Boolean)
    .join(' ');

  const setProblemFor = (message: string | undefined) => {
    setProblem(message);
    if (message) context.uploadErrors?.set(pointer, message);
    else context.uploadErrors?.delete(pointer);
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (!context.uploadFile) {
      setProblemFor('Hier können keine Dateien hochgeladen werden.');
      return;
    }
    setProblemFor(undefined);
    onChange(undefined, fieldPathId.path);
    setProgress(0);
    try {
      const uploaded = await context.uploadFile(pointer, file, setProgress);
      onChange({ token: uploaded.token, name: uploaded.name, type: uploaded.type, size: uploaded.size, sha256: uploaded.sha256 }, fieldPathId.path);
    } catch (error) {
      setProblemFor(error instanceof Error ? error.message : 'Die Datei konnte nicht hochgeladen werden.');
    } finally {
      setProgress(undefined);
    }
  };

  const remove = () => {
    setProblemFor(undefined);
    onChange(undefined, fieldPathId.path);
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  };

  return (
    <div className={`kern-form-input kf-upload${hasError ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
        <RequiredMark required={required} />
      </label>
      {hint ? (
        <div className="kern-hint" id={descriptionId(id)}>
          {hint}
        </div>
      ) : null}
      {value ? (
        <div className="kf-upload__file">
          <p className="kern-body" id={`${id}__file`}>
            <span className="kern-body--bold">{value.name}</span> ({formatFileSize(value.size)})
          </p>
          {readonly || disabled ? null : (
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={remove}>
              <span className="kern-label">
                Entfernen<span className="kern-sr-only">: {value.name}</span>
              </span>
            </button>
          )}
        </div>
      ) : null}
      {!value || progress !== undefined ? (
        <input
          type="file"
          id={id}
          name={id}
          className={`kern-form-input__input${hasError ? ' kern-form-input__input--error' : ''}`}
          accept={spec?.types.join(',')}
          disabled={disabled || readonly || progress !== undefined}
          aria-required={required || undefined}
          aria-invalid={hasError || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            void choose(file);
          }}
        />
      ) : null}
      {progress !== undefined ? (
        <div className="kf-upload__progress">
          <label className="kern-body" htmlFor={`${id}__progress`}>
            Datei wird hochgeladen: {Math.round(progress * 100)} %
          </label>
          <progress id={`${id}__progress`} className="kern-progress" max={1} value={progress} />
        </div>
      ) : null}
      <div aria-live="polite" className="kern-sr-only">
        {value && progress === undefined ? `Hochgeladen: ${value.name}, ${formatFileSize(value.size)}` : ''}
      </div>
      {problem ? (
        <p className="kern-error" id={`${id}__upload-error`} role="alert">
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{problem}</span>
        </p>
      ) : null}
    </div>
  );
}
