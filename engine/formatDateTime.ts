import { createLazyValue } from './createLazyValue.ts';

const dateTime = createLazyValue(
  () =>
    new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
);
const dateOnly = createLazyValue(() => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }));

/** '2026-11-25T10:15:00Z' as '25.11.2026, 11:15 Uhr' (German time). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${dateTime().format(date)} Uhr`;
}

/** '2026-12-25T10:15:00Z' as '25.12.2026' (German time). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly().format(date);
}
