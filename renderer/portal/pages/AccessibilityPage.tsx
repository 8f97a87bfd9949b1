import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePortal } from '../PortalContext.ts';
import { portalPaths } from '../routing.ts';

/** Erklärung zur Barrierefreiheit (BITV NRW / WCAG 2.1 AA) of one participant's portal. */
export function AccessibilityPage() {
  const { participant } = usePortal();
  return (
    <>
      <PageHeading title="Erklärung zur Barrierefreiheit">Erklärung zur Barrierefreiheit</PageHeading>
      <p className="kern-body">
        Die {participant.name} ist bemüht, das {participant.portalName} im Einklang mit dem Behindertengleichstellungsgesetz
        Nordrhein-Westfalen (BGG NRW) und der Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW)
        barrierefrei zugänglich zu machen. Maßstab ist die europäische Norm EN 301 549, die die Anforderungen der Web
        Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA umfasst.
      </p>
      <h2 className="kern-heading-medium">Stand der Vereinbarkeit mit den Anforderungen</h2>
      <p className="kern-body">
        Dieses Serviceportal ist weitgehend mit den Anforderungen vereinbar. Startseite, Leistungsseiten, Formulare,
        Prüfseite und Bestätigung werden bei jeder Änderung automatisiert (axe-core, Regeln WCAG 2.0 und 2.1, Stufen A und AA)
        und mit der Tastatur geprüft. Die Bedienung ist vollständig per Tastatur möglich.
      </p>
      <h2 className="kern-heading-medium">Nicht barrierefreie Inhalte</h2>
      <ul className="kern-list kern-list--bullet">
        <li>
          Hochgeladene Dokumente (Anlagen zu Anträgen) prüfen wir nicht auf Barrierefreiheit; sie stammen von den
          Antragstellenden.
        </li>
        <li>Das Hochladen einer Datei erfordert den Dateiauswahldialog Ihres Betriebssystems.</li>
      </ul>
      <h2 className="kern-heading-medium">Erstellung dieser Erklärung</h2>
      <p className="kern-body">Diese Erklärung beruht auf einer Selbstbewertung und wird bei jeder Veröffentlichung des Portals überprüft.</p>
      <h2 className="kern-heading-medium">Barriere melden</h2>
      <p className="kern-body">
        Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Teilen Sie sie uns mit, ohne Benutzerkonto:{' '}
        <Link to={portalPaths.feedback(participant.slug)}>Barriere melden</Link>. Wir antworten in der Regel innerhalb von
        sechs Wochen.
      </p>
      <h2 className="kern-heading-medium">Schlichtungsverfahren</h2>
      <p className="kern-body">
        Wenn Ihre Meldung nicht zufriedenstellend beantwortet wird, können Sie sich an die Ombudsstelle für barrierefreie
        Informationstechnik bei der Landesbeauftragten für Menschen mit Behinderung des Landes Nordrhein-Westfalen wenden.
      </p>
    </>
  );
}
