import { useCallback, useEffect, useState } from 'react';
import { setCsrfToken, SIGNED_OUT_EVENT, staffApi } from './api/staffApi.ts';
import { StaffLayout } from './components/StaffLayout.tsx';
import { navigate, STAFF_BASE, useLocation } from './navigation.ts';
import { CataloguePage } from './pages/CataloguePage.tsx';
import { DeliveryPage } from './pages/DeliveryPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { LegalPagesPage } from './pages/LegalPagesPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OfferingPage } from './pages/OfferingPage.tsx';
import { PaymentsPage } from './pages/PaymentsPage.tsx';
import { ReportsPage } from './pages/ReportsPage.tsx';
import { ServiceEditorPage } from './pages/ServiceEditorPage.tsx';
import { ServicePage } from './pages/ServicePage.tsx';
import { ServicesPage } from './pages/ServicesPage.tsx';
import { SubmissionPage } from './pages/SubmissionPage.tsx';
import { SessionContext, type StaffUser } from './session.ts';
import { AccountPage, hasPendingSteps, PendingStepsPage } from './pages/AccountPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { StatisticsPage } from './pages/StatisticsPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';

interface MeResponse {
  user: StaffUser;
  csrfToken: string;
  participant: { slug: string; name: string } | null;
}

type SessionStateResponse = { user: null } | MeResponse;

type SessionLoad = { state: 'loading' } | { state: 'signedOut' } | { state: 'signedIn'; user: StaffUser; participantName: string };

/** Picks the page for a path below /staff/. */
function renderPage(path: string, refreshSession: () => void) {
  const parts = path.slice(STAFF_BASE.length).split('/').filter(Boolean).map(decodeURIComponent);
  const [section, id, sub] = parts;
  if (!section) return <HomePage />;
  if (section === 'editor' && !id) return <ServicesPage />;
  if (section === 'editor' && id && !sub) return <ServicePage serviceId={id} />;
  if (section === 'editor' && id && sub === 'entwurf') return <ServiceEditorPage serviceId={id} />;
  if (section === 'angebot' && !id) return <CataloguePage />;
  if (section === 'angebot' && id) return <OfferingPage serviceId={id} />;
  if (section === 'eingang' && !id) return <InboxPage />;
  if (section === 'eingang' && id) return <SubmissionPage submissionId={id} />;
  if (section === 'berichte') return <ReportsPage />;
  if (section === 'konto') return <AccountPage onAccountChanged={refreshSession} />;
  if (section === 'benutzer') return <UsersPage />;
  if (section === 'protokoll') return <AuditPage />;
  if (section === 'statistik') return <StatisticsPage />;
  if (section === 'rechtliches') return <LegalPagesPage />;
  if (section === 'zustellung') return <DeliveryPage />;
  if (section === 'zahlungen') return <PaymentsPage />;
  return <NotFoundPage />;
}

/** The staff app: restores the session, shows the login page without one, otherwise the page for the path. */
export function StaffApp() {
  const { path } = useLocation();
  const [session, setSession] = useState<SessionLoad>({ state: 'loading' });

  const accept = useCallback((me: MeResponse) => {
    setCsrfToken(me.csrfToken);
    setSession({ state: 'signedIn', user: me.user, participantName: me.participant?.name ?? me.user.tenant });
  }, []);

  useEffect(() => {
    staffApi
      .get<SessionStateResponse>('/api/v1/staff/session')
      .then((state) => (state.user ? accept(state) : setSession({ state: 'signedOut' })))
      .catch(() => setSession({ state: 'signedOut' }));
  }, [accept]);

  useEffect(() => {
    const expired = () => setSession({ state: 'signedOut' });
    window.addEventListener(SIGNED_OUT_EVENT, expired);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, expired);
  }, []);

  /** Reloads the signed-in user (after a password change or TOTP set-up, which lift pending steps). */
  const refreshSession = useCallback(() => {
    staffApi
      .get<MeResponse>('/api/v1/staff/me')
      .then(accept)
      .catch(() => undefined);
  }, [accept]);

  const signOut = useCallback(async () => {
    await staffApi.post('/api/v1/staff/logout').catch(() => undefined);
    setCsrfToken('');
    setSession({ state: 'signedOut' });
    navigate(`${STAFF_BASE}/anmelden`);
  }, []);

  if (session.state === 'loading') {
    return (
      <main className="kern-container staff-main" id="inhalt">
        <p className="kern-body" role="status">
          Wird geladen …
        </p>
      </main>
    );
  }
  if (session.state === 'signedOut') {
    return (
      <LoginPage
        onSignedIn={(me: MeResponse) => {
          accept(me);
          if (path.startsWith(`${STAFF_BASE}/anmelden`)) navigate(`${STAFF_BASE}/`);
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={{ user: session.user, signOut }}>
      <StaffLayout participantName={session.participantName}>{hasPendingSteps(session.user) ? (
          <PendingStepsPage onAccountChanged={refreshSession} />
        ) : path.startsWith(`${STAFF_BASE}/anmelden`) ? (
          <HomePage />
        ) : (
          renderPage(path, refreshSession)
        )}</StaffLayout>
    </SessionContext.Provider>
  );
}
