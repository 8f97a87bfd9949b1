import '../shared/kern/fira-sans.css';
import '@kern-ux/native/dist/kern.min.css';
import './staff.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StaffApp } from './StaffApp.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('staff.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StaffApp />
  </StrictMode>,
);
