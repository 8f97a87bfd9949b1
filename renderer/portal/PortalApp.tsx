import { lazy, Suspense, useMemo } from 'react';
import { getParticipant } from '../../engine/participants.ts';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Loading.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { FeedbackPage } from './pages/FeedbackPage.tsx';
import { LegalPage } from './pages/LegalPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PaymentPage } from './pages/PaymentPage.tsx';
import { ResumePage } from './pages/ResumePage.tsx';
import { ServicePage } from './pages/ServicePage.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { StatusPage } from './pages/StatusPage.tsx';
import { PortalContext } from './PortalContext.ts';
import { parseRoute, usePathname } from './routing.ts';

// The form route carries rjsf and the KERN theme; the start and service pages load without them.
const FormPage = lazy(() => import('./pages/FormPage.tsx'));

/** The citizens' portal of one participant: pages chosen by pathname (history API, no router library). */
export function PortalApp() {
  const pathname = usePathname();
  const route = useMemo(() => parseRoute(pathname), [pathname]);
  const participant = route.tenant ? getParticipant(route.tenant) : undefined;
  const context = useMemo(() => (participant ? { participant } : null), [participant]);
  if (!participant || !context || route.page === 'not-found') {
    return (
      <Layout participant={participant}>
        <NotFoundPage participant={participant} />
      </Layout>
    );
  }
  let page;
  switch (route.page) {
    case 'start':
      page = <StartPage />;
      break;
    case 'service':
      page = <ServicePage key={route.service} service={route.service} />;
      break;
    case 'form':
      page = (
        <Suspense fallback={<Loading text="Formular wird geladen …" />}>
          <FormPage key={route.service} service={route.service} />
        </Suspense>
      );
      break;
    case 'resume':
      page = <ResumePage />;
      break;
    case 'accessibility':
      page = <AccessibilityPage />;
      break;
    case 'feedback':
      page = <FeedbackPage />;
      break;
    case 'legal':
      page = <LegalPage key={route.legal} kind={route.legal} />;
      break;
    case 'status':
      page = <StatusPage />;
      break;
    case 'payment':
      page = <PaymentPage />;
      break;
  }
  return (
    <PortalContext.Provider value={context}>
      <Layout participant={participant}>{page}</Layout>
    </PortalContext.Provider>
  );
}
