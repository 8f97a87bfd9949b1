import { SafeText } from '../../shared/SafeText.tsx';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { describeApiError, portalApi, type LegalPagesView } from '../portalApi.ts';
import { usePortal } from '../PortalContext.ts';
import type { LegalPageKind } from '../routing.ts';
import { useAsync } from '../useAsync.ts';

const TITLES: Record<LegalPageKind, string> = { impressum: 'Impressum', datenschutz: 'Datenschutzerklärung', kontakt: 'Kontakt' };

/** The parts of the Datenschutzerklärung, in the order of Art. 13 GDPR. */
const PRIVACY_PARTS: readonly { key: keyof LegalPagesView & `privacy${string}`; title: string }[] = [
  { key: 'privacyController', title: 'Verantwortliche Stelle' },
  { key: 'privacyOfficer', title: 'Datenschutzbeauftragte oder Datenschutzbeauftragter' },
  { key: 'privacyRights', title: 'Ihre Rechte' },
  { key: 'privacySupervisory', title: 'Beschwerde bei der Aufsichtsbehörde' },
  { key: 'privacyMore', title: 'Weitere Hinweise' },
];

function NotYet() {
  return (
    <Alert kind="warning" title="Noch nicht hinterlegt">
      <p className="kern-body">Diese Angaben hat das Portal noch nicht hinterlegt. Bitte wenden Sie sich an die Verwaltung.</p>
    </Alert>
  );
}

/** Impressum, Datenschutzerklärung or Kontakt of the participant's portal, written by its admin (safe text). */
export function LegalPage({ kind }: { kind: LegalPageKind }) {
  const { participant } = usePortal();
  const state = useAsync(`legal:${participant.slug}`, () => portalApi.getLegalPages(participant.slug));
  const title = TITLES[kind];
  let body;
  if (state.status === 'loading') body = <Loading text="Seite wird geladen …" />;
  else if (state.status === 'failed') {
    body = (
      <Alert kind="danger" title="Die Seite konnte nicht geladen werden">
        <p className="kern-body">{describeApiError(state.error)}</p>
      </Alert>
    );
  } else if (kind === 'datenschutz') {
    const pages = state.value;
    body = (
      <>
        <p className="kern-body">
          Hier informiert die {participant.name} nach Art. 13 und 14 der Datenschutz-Grundverordnung (DSGVO) darüber, wie sie Ihre personenbezogenen Daten im{' '}
          {participant.portalName} verarbeitet. Zweck, Rechtsgrundlage, Empfänger und Speicherdauer nennt jede Leistung vor dem Antrag.
        </p>
        {PRIVACY_PARTS.filter((part) => part.key !== 'privacyMore' || pages.privacyMore).map((part) => (
          <section key={part.key} aria-labelledby={`kf-${part.key}`} className="kf-section">
            <h2 className="kern-heading-medium" id={`kf-${part.key}`}>
              {part.title}
            </h2>
            {pages[part.key] ? <SafeText source={pages[part.key]} headingLevel={3} /> : <NotYet />}
          </section>
        ))}
      </>
    );
  } else {
    const source = kind === 'impressum' ? state.value.impressum : state.value.contact;
    body = source ? <SafeText source={source} /> : <NotYet />;
  }
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {body}
    </>
  );
}
