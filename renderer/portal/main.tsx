import '../shared/kern/fira-sans.css';
import '@kern-ux/native/dist/kern.min.css';
import '../shared/kern/kern-form.css';
import './portal.css';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { HYDRATION_MISMATCH_LOG, PortalRoot } from './PortalRoot.tsx';
import { prepareServedForm, type PreloadedForm } from './PreloadedForm.ts';
import { parseRoute } from './routing.ts';
import { getPageDefinition } from './serviceCache.ts';

/**
 * On a form page that came with its definition: the form prepared for the first render (its validator awaited only
 * when the schema's rendering needs it). Undefined elsewhere, or when the validator cannot be loaded: the form page
 * then loads the form itself and reports the failure.
 */
async function preloadPageForm(): Promise<PreloadedForm | undefined> {
  const route = parseRoute(window.location.pathname);
  const definition = getPageDefinition();
  if (route.page !== 'form' || definition?.id !== route.service || definition.tenant.slug !== route.tenant) return undefined;
  try {
    return await prepareServedForm(definition);
  } catch {
    return undefined;
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('portal.html has no #root element');
const preloadedForm = await preloadPageForm();
const app = <PortalRoot preloadedForm={preloadedForm} />;
// The server renders form pages (the citizen sees the first step while this code loads); the app takes that HTML
// over. Without a prepared form its first render would differ, so it renders anew.
if (container.firstElementChild && preloadedForm) {
  hydrateRoot(container, app, {
    onRecoverableError: (error) => console.error(HYDRATION_MISMATCH_LOG, error instanceof Error ? error.message : String(error)),
  });
} else {
  createRoot(container).render(app);
}
