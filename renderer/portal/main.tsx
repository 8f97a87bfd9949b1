import '../shared/kern/fira-sans.css';
import '@kern-ux/native/dist/kern.min.css';
import '../shared/kern/kern-form.css';
import './portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalApp } from './PortalApp.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('portal.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
