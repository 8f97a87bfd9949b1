import { startTransition, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ErrorSchema, RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils';
import { KernForm, type KernFormHandle } from '../../shared/kern/KernForm.tsx';
import { ErrorSummary, ERROR_SUMMARY_ID } from '../../shared/kern/ErrorSummary.tsx';
import { focusField } from '../../shared/kern/focusField.ts';
import { getFieldLabel, toFieldId } from '../../shared/kern/fieldLabels.ts';
import { computeFee } from '../../../engine/payments/computeFee.ts';
import { formatEuro } from '../../../engine/payments/formatEuro.ts';
import { collectAnswers } from '../../../engine/review/collectAnswers.ts';
import { formatAnswersText } from '../../shared/review/formatAnswersText.ts';
import { ReviewList } from '../../shared/review/ReviewList.tsx';
import type { DeferredValidator } from '../../shared/validation/deferredValidator.ts';
import { Alert } from '../components/Alert.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PrivacyNotice } from '../components/PrivacyNotice.tsx';
import { downloadBlob, downloadText } from '../downloadSummary.ts';
import { formatDate, formatDateTime } from '../../../engine/formatDateTime.ts';
import { ApiError, describeApiError, portalApi, type DraftSaved, type ServedDefinition, type SubmissionReceipt } from '../portalApi.ts';
import { usePortal } from '../PortalContext.ts';
import { prepareServedForm, PreloadedFormContext } from '../PreloadedForm.ts';
import { takeResumedForm, type ResumedForm } from '../resumeStore.ts';
import { portalPaths } from '../routing.ts';
import { loadService } from '../serviceCache.ts';
import { useAsync } from '../useAsync.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

interface Step {
  title: string;
  properties: string[];
}

type Phase =
  | { kind: 'form'; step: number }
  | { kind: 'review' }
  | { kind: 'done'; receipt: SubmissionReceipt };

function focusById(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** The server's errors (JSON pointers) as an rjsf ErrorSchema, so the fields show them like their own. */
function toErrorSchema(errors: readonly { pointer: string; message: string }[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const error of errors) {
    let node = root;
    for (const segment of pointerToSegments(error.pointer)) node = (node[segment] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(error.message);
  }
  return root as ErrorSchema;
}

function pointerToSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The form route: loads definition and precompiled validator, then steps, review, submit, confirmation. */
export default function FormPage({ service }: { service: string }) {
  const { participant } = usePortal();
  const preloaded = useContext(PreloadedFormContext);
  // The form the page came with renders at once (and so matches the server's HTML); any other is loaded.
  const initial = preloaded?.definition.tenant.slug === participant.slug && preloaded.definition.id === service ? preloaded : undefined;
  const state = useAsync(
    `form:${participant.slug}/${service}`,
    async () => prepareServedForm(await loadService(participant.slug, service)),
    initial,
  );
  const [resumed] = useState(() => takeResumedForm(participant.slug, service));
  const validator = state.status === 'done' ? state.value.validator : undefined;
  const [validatorFailure, setValidatorFailure] = useState<{ validator: DeferredValidator; error: unknown }>();
  useEffect(() => {
    if (!validator) return;
    let active = true;
    validator.ready.catch((error: unknown) => active && setValidatorFailure({ validator, error }));
    return () => {
      active = false;
    };
  }, [validator]);
  if (state.status === 'loading') return <Loading text="Formular wird geladen …" />;
  const validatorFailed = validatorFailure !== undefined && validatorFailure.validator === validator;
  if (state.status === 'failed' || validatorFailed) {
    const failure = state.status === 'failed' ? state.error : validatorFailure?.error;
    if (failure instanceof ApiError && failure.status === 404) return <NotFoundPage participant={participant} />;
    return (
      <Alert kind="danger" title="Das Formular konnte nicht geladen werden">
        <p className="kern-body">{describeApiError(failure)}</p>
      </Alert>
    );
  }
  const { definition } = state.value;
  if (definition.acceptsSubmissions === false) {
    return (
      <>
        <PageHeading title={definition.title}>{definition.title}</PageHeading>
        <Alert kind="warning" title="Keine neuen Anträge">
          <p className="kern-body">{definition.closedMessage ?? 'Dieses Serviceportal nimmt keine neuen Anträge mehr an.'}</p>
        </Alert>
      </>
    );
  }
  return <FormFlow definition={definition} validator={state.value.validator} resumed={resumed} />;
}

function FormFlow({
  definition,
  validator,
  resumed,
}: {
  definition: ServedDefinition;
  validator: ValidatorType;
  resumed: ResumedForm | undefined;
}) {
  const { participant } = usePortal();
  const schema = definition.schema as RJSFSchema;
  const uiSchema = definition.uiSchema as UiSchema;
  const steps: Step[] = useMemo(
    () => definition.steps ?? [{ title: definition.title, properties: Object.keys(schema.properties ?? {}) }],
    [definition, schema],
  );
  const multiStep = steps.length > 1;
  const [phase, setPhase] = useState<Phase>(() => (resumed?.startAtReview ? { kind: 'review' } : { kind: 'form', step: 0 }));
  const fee = useAsync(`fee:${participant.slug}/${definition.id}`, () => portalApi.getFee(participant.slug, definition.id));
  const onlineFee = fee.status === 'done' && fee.value.online ? fee.value : undefined;
  const [data, setData] = useState<Record<string, unknown>>(() => resumed?.data ?? {});
  const [formSeed, setFormSeed] = useState<Record<string, unknown>>(data);
  const [saved, setSaved] = useState<DraftSaved | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [serverErrors, setServerErrors] = useState<{ pointer: string; message: string }[]>([]);
  const [sending, setSending] = useState(false);
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const formHandle = useRef<KernFormHandle>(null);
  const uploadFile = useCallback(
    async (pointer: string, file: File, onProgress: (fraction: number) => void) => {
      try {
        return await portalApi.uploadFile(participant.slug, definition.id, pointer, file, onProgress);
      } catch (error) {
        throw new Error(error instanceof ApiError && error.details[0] ? error.details[0].message : `Die Datei konnte nicht hochgeladen werden. ${describeApiError(error)}`);
      }
    },
    [participant.slug, definition.id],
  );
  const [pdfProblem, setPdfProblem] = useState<string | undefined>();
  const firstRender = useRef(true);

  // In the same commit as the new step, review or confirmation (a layout effect, not a later frame): keys pressed
  // right after "Weiter" go to the new page, never to a control the focus is about to leave.
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById(phase.kind === 'form' ? 'kf-schritt' : phase.kind === 'review' ? 'kf-seitentitel' : 'kf-bestaetigung')?.focus();
  }, [phase]);

  const [focusAfterStep, setFocusAfterStep] = useState<string | undefined>();
  const goToStep = (step: number, fieldId?: string) => {
    setFormSeed(data);
    setSaved(undefined);
    setFocusAfterStep(fieldId);
    setPhase({ kind: 'form', step });
  };
  // From the review page's error summary: the step holding the field, then the field itself.
  const showField = (fieldId: string) => {
    const property = fieldId.replace(/^root_/, '');
    const index = steps.findIndex((step) => step.properties.some((name) => property === name || property.startsWith(`${name}_`)));
    goToStep(Math.max(0, index), fieldId);
  };
  useEffect(() => {
    if (!focusAfterStep || phase.kind !== 'form') return;
    const fieldId = focusAfterStep;
    requestAnimationFrame(() => requestAnimationFrame(() => focusField(fieldId)));
    setFocusAfterStep(undefined);
  }, [phase, focusAfterStep]);

  const onStepSubmit = (stepData: Record<string, unknown>) => {
    if (phase.kind === 'form' && phase.step < steps.length - 1) {
      setData(stepData);
      setFormSeed(stepData);
      setSaved(undefined);
      setPhase({ kind: 'form', step: phase.step + 1 });
      return;
    }
    idempotencyKey.current = crypto.randomUUID();
    // The review page of a long form is rendered as a transition (in slices, no long task after Enter). Until it
    // is committed the focus rests on the step heading, so keys pressed meanwhile reach no control of the form.
    document.getElementById('kf-schritt')?.focus();
    startTransition(() => {
      setData(stepData);
      setFormSeed(stepData);
      setSaved(undefined);
      setServerErrors([]);
      setProblem(undefined);
      setPhase({ kind: 'review' });
    });
  };

  const saveDraft = async () => {
    const current = formHandle.current?.getData() ?? data;
    setProblem(undefined);
    try {
      setSaved(await portalApi.saveDraft(participant.slug, definition.id, current));
      focusById('kf-zwischenstand');
    } catch (error) {
      setProblem(describeApiError(error));
      focusById('kf-problem');
    }
  };

  const send = async () => {
    setSending(true);
    setProblem(undefined);
    setServerErrors([]);
    try {
      const receipt = await portalApi.submit(participant.slug, definition.id, data, idempotencyKey.current);
      setPhase({ kind: 'done', receipt });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.details.length > 0) {
        setServerErrors(error.details);
        focusById(ERROR_SUMMARY_ID);
      } else {
        setProblem(describeApiError(error));
        focusById('kf-problem');
      }
    } finally {
      setSending(false);
    }
  };

  const pay = async () => {
    setSending(true);
    setProblem(undefined);
    setServerErrors([]);
    try {
      const started = await portalApi.startPayment(participant.slug, definition.id, data);
      window.location.assign(started.paypageUrl);
    } catch (error) {
      setSending(false);
      if (error instanceof ApiError && error.status === 422 && error.details.length > 0) {
        setServerErrors(error.details);
        focusById(ERROR_SUMMARY_ID);
      } else {
        setProblem(
          error instanceof ApiError && error.status === 503
            ? 'Der Bezahldienst ist gerade nicht erreichbar. Ihre Angaben bleiben erhalten; bitte versuchen Sie es in einigen Minuten erneut.'
            : describeApiError(error),
        );
        focusById('kf-problem');
      }
    }
  };

  const problemAlert = problem ? (
    <Alert kind="danger" title="Das hat nicht geklappt" id="kf-problem" focusable>
      <p className="kern-body">{problem}</p>
    </Alert>
  ) : null;

  if (phase.kind === 'done') {
    const answers = collectAnswers(schema, uiSchema, data);
    const download = () =>
      downloadText(
        `antrag-${phase.receipt.reference}.txt`,
        [
          `${definition.title} – ${participant.portalName}`,
          `Aktenzeichen: ${phase.receipt.reference}`,
          `Eingegangen am: ${formatDateTime(phase.receipt.receivedAt)}`,
          '',
          formatAnswersText(answers),
          '',
        ].join('\n'),
      );
    return (
      <>
        <PageHeading title={`Antrag eingegangen: ${definition.title}`}>Vielen Dank, Ihr Antrag ist eingegangen</PageHeading>
        <section className="kern-alert kern-alert--success" id="kf-bestaetigung" tabIndex={-1} aria-labelledby="kf-bestaetigung-titel">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <h2 className="kern-title" id="kf-bestaetigung-titel">
              Ihr Aktenzeichen: <span className="kf-reference">{phase.receipt.reference}</span>
            </h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">
              {definition.title} · eingegangen am {formatDateTime(phase.receipt.receivedAt)}. Bitte geben Sie das Aktenzeichen
              bei Rückfragen an. Die {participant.name} meldet sich bei Ihnen.
            </p>
            <p className="kern-body">
              Ihr Statuscode: <code className="kf-code" id="kf-statuscode-wert">{phase.receipt.statusCode}</code>
            </p>
            <p className="kern-body">
              Mit Aktenzeichen und Statuscode sehen Sie jederzeit unter{' '}
              <Link to={portalPaths.status(participant.slug)}>Antragsstatus</Link>, wie weit Ihr Antrag ist. Bewahren Sie den
              Statuscode gut auf: Er wird nur hier angezeigt.
            </p>
          </div>
        </section>
        {pdfProblem ? (
          <Alert kind="danger" title="Das PDF konnte nicht geladen werden" id="kf-pdf-problem" focusable>
            <p className="kern-body">{pdfProblem}</p>
          </Alert>
        ) : null}
        <div className="kf-button-row kf-no-print">
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            onClick={() =>
              void portalApi.downloadPdf(participant.slug, phase.receipt.reference, phase.receipt.statusCode).then(
                (blob) => downloadBlob(`Antrag-${phase.receipt.reference}.pdf`, blob),
                (error: unknown) => {
                  setPdfProblem(describeApiError(error));
                  focusById('kf-pdf-problem');
                },
              )
            }
          >
            <span className="kern-label">Antrag als PDF herunterladen</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => window.print()}>
            <span className="kern-label">Zusammenfassung drucken</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={download}>
            <span className="kern-label">Zusammenfassung herunterladen (Textdatei)</span>
          </button>
        </div>
        <h2 className="kern-heading-medium">Ihre Angaben</h2>
        <ReviewList answers={answers} />
        <p className="kern-body kf-no-print">
          <Link to={portalPaths.start(participant.slug)}>Zurück zur Übersicht der Leistungen</Link>
        </p>
      </>
    );
  }

  if (phase.kind === 'review') {
    const summaryEntries = serverErrors.map((error) => {
      const segments = pointerToSegments(error.pointer);
      return { fieldId: toFieldId(segments), label: getFieldLabel(schema, uiSchema, segments), message: error.message };
    });
    return (
      <>
        <PageHeading title={`Angaben prüfen: ${definition.title}`}>Bitte prüfen Sie Ihre Angaben</PageHeading>
        <p className="kern-body">
          {definition.title}. Erst mit „Antrag absenden“ wird Ihr Antrag an die {participant.name} übermittelt.
        </p>
        {onlineFee ? (
          <section className="kf-section" aria-labelledby="kf-gebuehr-titel">
            <h2 className="kern-heading-medium" id="kf-gebuehr-titel">
              Gebühr
            </h2>
            <p className="kern-body" id="kf-gebuehr-betrag">
              Zu zahlen: <strong>{formatEuro(computeFee({ basis: onlineFee.basis ?? 'fixed', ...(onlineFee.pointer ? { pointer: onlineFee.pointer } : {}) }, { baseCents: onlineFee.baseCents ?? 0, unitCents: onlineFee.unitCents, optionCents: onlineFee.optionCents }, data))}</strong>
            </p>
            <p className="kern-body">
              Mit „Zahlungspflichtig beantragen“ gelangen Sie zum Bezahldienst der {participant.name}. Ihr Antrag geht erst nach der
              bestätigten Zahlung ein; brechen Sie die Zahlung ab, kommen Sie mit Ihren Angaben hierher zurück.
            </p>
          </section>
        ) : null}
        {summaryEntries.length > 0 ? (
          <>
            <ErrorSummary entries={summaryEntries} onShowField={showField} />
            <p className="kern-body">Bitte ändern Sie die genannten Angaben im Formular.</p>
          </>
        ) : null}
        {problemAlert}
        {steps.map((step, index) => (
          <section key={step.title + index} className="kf-section" aria-labelledby={`kf-pruefen-${index}`}>
            <h2 className="kern-heading-medium" id={`kf-pruefen-${index}`}>
              {multiStep ? step.title : 'Ihre Angaben'}
            </h2>
            <ReviewList answers={collectAnswers(schema, uiSchema, data, '', step.properties)} />
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => goToStep(index)}>
              <span className="kern-label">
                Ändern<span className="kern-sr-only">: {multiStep ? step.title : 'Ihre Angaben'}</span>
              </span>
            </button>
          </section>
        ))}
        <div className="kf-button-row">
          {onlineFee ? (
            <button type="button" className="kern-btn kern-btn--primary" onClick={() => void pay()} disabled={sending}>
              <span className="kern-label">{sending ? 'Weiter zum Bezahldienst …' : 'Zahlungspflichtig beantragen'}</span>
            </button>
          ) : (
            <button type="button" className="kern-btn kern-btn--primary" onClick={() => void send()} disabled={sending || fee.status === 'loading'}>
              <span className="kern-label">{sending ? 'Wird gesendet …' : 'Antrag absenden'}</span>
            </button>
          )}
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => goToStep(steps.length - 1)}>
            <span className="kern-label">Zurück zum Formular</span>
          </button>
        </div>
      </>
    );
  }

  const step = steps[phase.step] ?? steps[0]!;
  const stepServerErrors = serverErrors.filter((error) => step.properties.includes(pointerToSegments(error.pointer)[0] ?? ''));
  const serverErrorSchema = stepServerErrors.length > 0 ? toErrorSchema(stepServerErrors) : undefined;
  const isLast = phase.step === steps.length - 1;
  return (
    <>
      <nav aria-label="Brotkrumen" className="kf-breadcrumb">
        <Link to={portalPaths.service(participant.slug, definition.id)}>Zurück zur Leistungsbeschreibung</Link>
      </nav>
      <PageHeading title={multiStep ? `${definition.title} – Schritt ${phase.step + 1} von ${steps.length}` : definition.title}>
        {definition.title}
      </PageHeading>
      {resumed && phase.step === 0 ? (
        <Alert kind="info" title="Ihr zwischengespeicherter Antrag wurde geladen" headingLevel={2}>
          {resumed.migratedFrom ? (
            <p className="kern-body">
              Das Formular wurde seit Ihrem Zwischenstand aktualisiert (vorher Version {resumed.migratedFrom}). Ihre Angaben
              wurden übernommen.
              {resumed.droppedFields && resumed.droppedFields.length > 0
                ? ` Diese Angaben werden nicht mehr benötigt und wurden entfernt: ${resumed.droppedFields.join(', ')}.`
                : ''}
            </p>
          ) : (
            <p className="kern-body">Sie können Ihre Angaben jetzt ergänzen und den Antrag absenden.</p>
          )}
        </Alert>
      ) : null}
      {phase.step === 0 ? <PrivacyNotice definition={definition} /> : null}
      {multiStep ? (
        <div className="kf-progress">
          <p className="kern-body kern-body--bold" id="kf-fortschritt">
            Schritt {phase.step + 1} von {steps.length}
          </p>
          <progress className="kern-progress" max={steps.length} value={phase.step + 1} aria-labelledby="kf-fortschritt" />
        </div>
      ) : null}
      <h2 className="kern-heading-medium" id="kf-schritt" tabIndex={-1}>
        {multiStep ? step.title : 'Ihre Angaben'}
      </h2>
      <p className="kern-body kern-body--small">Felder mit „(Pflichtfeld)“ müssen ausgefüllt werden.</p>
      {problemAlert}
      {saved ? (
        <section className="kern-alert kern-alert--success" id="kf-zwischenstand" tabIndex={-1} aria-labelledby="kf-zwischenstand-titel">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <h2 className="kern-title" id="kf-zwischenstand-titel">
              Zwischenstand gespeichert
            </h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">
              Ihr Fortsetzungscode: <code className="kf-code">{saved.code}</code>
            </p>
            <p className="kern-body">
              Mit diesem Link setzen Sie den Antrag bis zum {formatDate(saved.expiresAt)} fort:{' '}
              <a className="kern-link kf-break" href={`${portalPaths.resume(participant.slug)}#${saved.code}`}>
                {`${window.location.origin}${portalPaths.resume(participant.slug)}#${saved.code}`}
              </a>
            </p>
            <p className="kern-body">
              Bewahren Sie Code und Link sorgfältig auf: Wer sie kennt, kann Ihre Angaben sehen. Ein Benutzerkonto ist nicht nötig.
            </p>
          </div>
        </section>
      ) : null}
      <KernForm
        key={phase.step}
        ref={formHandle}
        schema={schema}
        uiSchema={uiSchema}
        validator={validator}
        formData={formSeed}
        visibleProperties={multiStep ? step.properties : undefined}
        submitText={isLast ? 'Weiter zur Prüfung' : 'Weiter'}
        extraErrors={serverErrorSchema}
        onSubmit={onStepSubmit}
        uploadFile={uploadFile}
        progressive={focusAfterStep === undefined}
      >
        {phase.step > 0 ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() => {
              const current = formHandle.current?.getData() ?? data;
              setData(current);
              setFormSeed(current);
              setSaved(undefined);
              setPhase({ kind: 'form', step: phase.step - 1 });
            }}
          >
            <span className="kern-label">Zurück</span>
          </button>
        ) : null}
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => void saveDraft()}>
          <span className="kern-label">Zwischenspeichern</span>
        </button>
      </KernForm>
    </>
  );
}
