import type { DeliveryPayload } from './DeliveryPayload.ts';

/** A composed mail without sender and recipient. */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  /** Attached files (e.g. the application PDF), read when sending. */
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

const STATUS_NAMES: Record<string, string> = {
  eingegangen: 'Eingegangen',
  in_bearbeitung: 'In Bearbeitung',
  abgeschlossen: 'Abgeschlossen',
  abgelehnt: 'Abgelehnt',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** Removes line breaks from a header value (subject), so no value can add headers. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

function formatGermanDateTime(iso: string): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)) + ' Uhr';
}

/** Text + HTML from paragraphs and label/value rows; every value is escaped in the HTML part. */
function render(subject: string, intro: string[], rows: [string, string][], outro: string[]): Omit<ComposedMail, 'attachments'> {
  const text = [...intro, '', ...rows.map(([label, value]) => `${label}: ${value}`), '', ...outro].join('\n');
  const html = [
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    '</title></head><body style="font-family: sans-serif">',
    ...intro.map((line) => `<p>${escapeHtml(line)}</p>`),
    '<table>',
    ...rows.map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding-right:1em">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    '</table>',
    ...outro.map((line) => `<p>${escapeHtml(line)}</p>`),
    '</body></html>',
  ].join('');
  return { subject: oneLine(subject), text, html };
}

/** The citizen's receipt ("Eingangsbestätigung") with reference, status code and the application PDF when present. */
export async function composeReceipt(payload: DeliveryPayload): Promise<ComposedMail> {
  const { submission, service, participant } = payload;
  const rows: [string, string][] = [
    ['Antrag', service.title],
    ['Aktenzeichen', submission.reference],
    ['Eingegangen am', formatGermanDateTime(submission.receivedAt)],
    ['Zuständig', participant.name],
  ];
  if (payload.statusCode) rows.push(['Statuscode', payload.statusCode]);
  const pdf = payload.documents.find((document) => document.purpose === 'form');
  const mail = render(
    `Eingangsbestätigung: ${service.title} (${submission.reference})`,
    ['Guten Tag,', `Ihr Antrag „${service.title}“ ist bei ${participant.name} eingegangen. Bitte geben Sie bei Rückfragen das Aktenzeichen an.`],
    rows,
    [
      ...(payload.statusCode ? ['Mit dem Statuscode können Sie den Stand Ihres Antrags abfragen.'] : []),
      ...(pdf ? ['Ihren Antrag finden Sie als PDF im Anhang.'] : []),
      'Diese E-Mail wurde automatisch erstellt; bitte antworten Sie nicht darauf.',
      `Mit freundlichen Grüßen\n${participant.name}`,
    ],
  );
  return { ...mail, attachments: pdf ? [{ filename: pdf.filename, contentType: pdf.mimeType, content: await pdf.read() }] : [] };
}

/** The notice to the participant's inbox address: no personal data, only service, reference, time and the inbox link. */
export function composeStaffNotice(payload: DeliveryPayload): ComposedMail {
  const { submission, service } = payload;
  return {
    ...render(
      `Neuer Antrag: ${service.title} (${submission.reference})`,
      [`Im Posteingang von ${payload.participant.name} ist ein neuer Antrag eingegangen.`],
      [
        ['Dienst', `${service.title} (Version ${service.version})`],
        ['Aktenzeichen', submission.reference],
        ['Eingegangen am', formatGermanDateTime(submission.receivedAt)],
        ['Posteingang', payload.inboxUrl],
      ],
      ['Die Angaben des Antrags sehen Sie nach der Anmeldung im Posteingang.'],
    ),
    attachments: [],
  };
}

/** The citizen's mail about a status change made by staff. */
export function composeStatusMail(payload: DeliveryPayload): ComposedMail {
  const { submission, service, participant } = payload;
  const status = STATUS_NAMES[payload.event.status ?? ''] ?? payload.event.status ?? '';
  return {
    ...render(
      `Ihr Antrag ${submission.reference}: ${status}`,
      ['Guten Tag,', `der Status Ihres Antrags „${service.title}“ bei ${participant.name} hat sich geändert.`],
      [
        ['Aktenzeichen', submission.reference],
        ['Neuer Status', status],
        ['Geändert am', formatGermanDateTime(payload.event.occurredAt)],
      ],
      ['Diese E-Mail wurde automatisch erstellt; bitte antworten Sie nicht darauf.', `Mit freundlichen Grüßen\n${participant.name}`],
    ),
    attachments: [],
  };
}
