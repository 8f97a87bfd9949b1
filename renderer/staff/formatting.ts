import { getParticipant } from '../../engine/participants.ts';

const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });

/** An ISO timestamp as German date and time (Europe/Berlin). */
export function formatDateTime(iso: string): string {
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? iso : dateTime.format(parsed);
}

/** A YYYY-MM-DD date in German notation. */
export function formatDate(isoDate: string): string {
  const parsed = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? isoDate : date.format(parsed);
}

/** The short name of a participant slug ('Erkelenz', 'Kreis Heinsberg'). */
export function participantName(slug: string): string {
  const participant = getParticipant(slug);
  return participant ? (participant.kind === 'kreis' ? participant.name : participant.shortName) : slug;
}

/** "Kreis" or the list of the introducing Kommunen (§ 1 (3) of the agreement). */
export function formatLead(lead: unknown): string {
  if (typeof lead === 'object' && lead !== null && (lead as { kind?: unknown }).kind === 'kommunen') {
    const participants = (lead as { participants?: unknown }).participants;
    return `Kommunen: ${Array.isArray(participants) ? participants.map((slug) => participantName(String(slug))).join(', ') : '–'}`;
  }
  return 'Kreis Heinsberg';
}
