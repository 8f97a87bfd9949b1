import type { RJSFSchema, ValidatorType } from '@rjsf/utils';

/** Keywords whose rendering asks the validator (rjsf's isValid picks a branch or an option while it renders). */
const RENDER_TIME_KEYWORD = /"(?:if|oneOf|anyOf|dependencies|dependentSchemas)":/;

/**
 * Whether rjsf needs a working validator to render `schema` (conditional branches, choices among options), so the
 * form must wait for it; else it renders at once and the validator is needed only on submit. Errs on the side of
 * waiting: a property that happens to be named like a keyword counts too. (One search in the schema's JSON text: a
 * walk over a large schema costs more on a cold page.)
 */
export function needsValidatorToRender(schema: unknown): boolean {
  return RENDER_TIME_KEYWORD.test(JSON.stringify(schema) ?? '');
}

/** A validator that delegates to one loaded on demand; the form can render before it has arrived. */
export interface DeferredValidator extends ValidatorType {
  /** Starts loading it (once); the returned promise is `ready`. */
  start(): Promise<void>;
  /** Settles once the validator has arrived (rejects when it could not be loaded); loading begins with start(). */
  readonly ready: Promise<void>;
  /** Whether calls are answered now (the validator has arrived). */
  isReady(): boolean;
}

const DEFERRED = new WeakSet<object>();

/**
 * A validator that `load`s the real one on start(). It stays the same object when the real one arrives (so rjsf
 * never re-derives the form's state). Calling it earlier is an error: render only schemas for which
 * needsValidatorToRender is false before `ready`, and hold submits back until then (KernForm does both: it starts
 * the load once its first frame is painted, see loadAfterNextPaint, and a submit waits, see whenValidatorReady).
 */
export function createDeferredValidator(load: () => Promise<ValidatorType>): DeferredValidator {
  let loaded: ValidatorType | undefined;
  let started = false;
  let arrive!: (validator: ValidatorType) => void;
  let fail!: (error: unknown) => void;
  const ready = new Promise<ValidatorType>((resolve, reject) => {
    arrive = resolve;
    fail = reject;
  }).then((validator) => {
    loaded = validator;
  });
  // The owner reports a failure (it awaits `ready`); no unhandled rejection from this chain.
  ready.catch(() => undefined);
  const target = (): ValidatorType => {
    if (!loaded) throw new Error('The validator is used before it has been loaded');
    return loaded;
  };
  const deferred: DeferredValidator = {
    start() {
      if (!started) {
        started = true;
        Promise.resolve().then(load).then(arrive, fail);
      }
      return ready;
    },
    ready,
    isReady: () => loaded !== undefined,
    validateFormData: (formData, schema, customValidate, transformErrors, uiSchema) =>
      target().validateFormData(formData, schema, customValidate, transformErrors, uiSchema),
    isValid: (schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema) => target().isValid(schema, formData, rootSchema),
    rawValidation: (schema, formData) => target().rawValidation(schema, formData),
    reset: () => loaded?.reset?.(),
  };
  DEFERRED.add(deferred);
  return deferred;
}

/**
 * For a deferred validator that has not arrived yet: starts it (if not yet) and returns the promise of its
 * arrival; else undefined (usable now).
 */
export function whenValidatorReady(validator: ValidatorType): Promise<void> | undefined {
  if (!DEFERRED.has(validator)) return undefined;
  const deferred = validator as DeferredValidator;
  return deferred.isReady() ? undefined : deferred.start();
}

/**
 * Starts a deferred validator's load once the next frame is painted (other validators: nothing to do). Evaluating
 * the validator module and the validation runtime takes main-thread time that the form's first paint should
 * not wait for; the module files themselves are preloaded by then.
 */
export function loadAfterNextPaint(validator: ValidatorType): void {
  if (!DEFERRED.has(validator)) return;
  const start = () => void (validator as DeferredValidator).start().catch(() => undefined);
  if (typeof requestAnimationFrame !== 'function') return start();
  requestAnimationFrame(() => setTimeout(start, 0));
}
