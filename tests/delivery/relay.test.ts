import { afterEach, describe, expect, it } from 'vitest';
import { startDeliveryRelay, type DeliveryRelay } from '../../server/delivery/startDeliveryRelay.ts';
import { verifyWebhook } from '../../server/delivery/webhookSignature.ts';
import type { Logger } from '../../server/Logger.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { addChannel, outboxRows, startDeliveryServer, startSmtpServer, startWebhookReceiver, submitKontakt, VALID_KONTAKT, waitFor, type TestSmtpServer, type WebhookReceiver } from './deliveryHarness.ts';

const SECRET = 'geheimes-webhook-secret-0123456789abcdef';

function recordingLogger(lines: string[]): Logger {
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify({ level, message, ...fields }));
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

describe('delivery relay', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(delivery: Parameters<typeof startDeliveryServer>[0] = {}, logLines?: string[]) {
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const smtp = await startSmtpServer();
    cleanups.push(() => smtp.close());
    const server = await startDeliveryServer({ smtpUrl: smtp.url, ...delivery }, logLines ? { logger: recordingLogger(logLines) } : {});
    cleanups.push(() => server.close());
    await addChannel(server, { kind: 'webhook', config: { url: receiver.url }, secret: SECRET });
    const startRelay = () => {
      const relay = startDeliveryRelay(server.deps);
      cleanups.push(() => relay.stop());
      return relay;
    };
    return { receiver, smtp, server, startRelay };
  }

  it('When a submission arrives, then the webhook is delivered once, signed, and the row is settled as delivered', async () => {
    const { receiver, server, startRelay } = await setUp();
    const { id, reference } = await submitKontakt(server);
    startRelay();
    await waitFor(async () => (await outboxRows(server)).every((row) => row.state === 'delivered'), 10_000, 'delivered');
    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0]!;
    const verified = verifyWebhook(SECRET, request.headers, request.body);
    expect(verified).toMatchObject({ ok: true });
    const body = JSON.parse(request.body) as { deliveryId: string; event: { type: string }; submission: { id: string; reference: string; data: unknown }; links: { inbox: string } };
    expect(body.deliveryId).toBe((await outboxRows(server)).find((row) => row.kind === 'webhook')!.id);
    expect(body.event.type).toBe('submission.received');
    expect(body.submission).toMatchObject({ id, reference, data: VALID_KONTAKT });
    expect(body.links.inbox).toBe(`https://portal.example/staff/eingang/${id}`);
    // A tampered body or an old timestamp fails verification.
    expect(verifyWebhook(SECRET, request.headers, request.body.replace('Erika', 'Erik'))).toMatchObject({ ok: false });
    expect(verifyWebhook(SECRET, request.headers, request.body, new Date(Date.now() + 301_000))).toMatchObject({ ok: false });
  });

  it('When the database is busy as a sent delivery is recorded, then it is recorded on a later try and not sent again', async () => {
    const { receiver, server, startRelay } = await setUp();
    await submitKontakt(server);
    const webhook = (await outboxRows(server)).find((row) => row.kind === 'webhook')!;
    // The outbox of the real database, failing twice for the webhook as SQLite does while another process writes.
    const outbox = server.deps.storage.outbox;
    const markDelivered = outbox.markDelivered.bind(outbox);
    let busy = 2;
    outbox.markDelivered = (id, ...rest) =>
      id === webhook.id && busy-- > 0 ? Promise.reject(Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' })) : markDelivered(id, ...rest);
    startRelay();
    await waitFor(async () => (await outboxRows(server)).every((row) => row.state === 'delivered'), 10_000, 'delivered');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(busy).toBe(-1);
    expect(receiver.requests).toHaveLength(1);
    expect((await outboxRows(server)).find((row) => row.kind === 'webhook')).toMatchObject({ attempts: 1, last_error: null });
  });

  it('When the receiver is down for a while, then the delivery is retried with backoff and delivered exactly once when it is back', async () => {
    const { receiver, server, startRelay } = await setUp();
    receiver.status = 503;
    await submitKontakt(server);
    startRelay();
    await waitFor(() => receiver.requests.length >= 3, 10_000, 'three failed attempts');
    const failed = (await outboxRows(server)).find((row) => row.kind === 'webhook')!;
    expect(failed.state).toBe('pending');
    expect(failed.last_error).toBe('HTTP_STATUS: the receiver answered 503');
    receiver.status = 200;
    await waitFor(async () => (await outboxRows(server)).find((row) => row.kind === 'webhook')!.state === 'delivered', 10_000, 'delivered');
    await new Promise((done) => setTimeout(done, 300));
    const ids = receiver.requests.map((request) => request.headers['kreisform-delivery-id']);
    expect(new Set(ids).size).toBe(1);
    expect(receiver.requests.filter((request) => request.receivedAt >= receiver.requests.at(-1)!.receivedAt)).toHaveLength(1);
    expect((await outboxRows(server)).find((row) => row.kind === 'webhook')!.attempts).toBe(receiver.requests.length);
  });

  it('When every attempt fails, then the delivery is dead-lettered after DELIVERY_MAX_ATTEMPTS, and logs carry no personal data', async () => {
    const lines: string[] = [];
    const { receiver, server, startRelay } = await setUp({ maxAttempts: 3 }, lines);
    receiver.status = 500;
    await submitKontakt(server);
    startRelay();
    await waitFor(async () => (await outboxRows(server)).some((row) => row.kind === 'webhook' && row.state === 'dead'), 10_000, 'dead');
    const row = (await outboxRows(server)).find((entry) => entry.kind === 'webhook')!;
    expect(row.attempts).toBe(3);
    expect(receiver.requests).toHaveLength(3);
    const log = lines.join('\n');
    expect(log).toContain('delivery dead-lettered');
    for (const personal of ['Erika', 'Mustermann', 'erika@example.org', 'prüfen']) expect(log).not.toContain(personal);
  });

  it('When a target is in a private range and OUTBOUND_ALLOW_PRIVATE is off, then nothing is sent and the delivery is dead at once', async () => {
    const { receiver, server, startRelay } = await setUp({ allowPrivateTargets: false });
    const port = new URL(receiver.url).port;
    // A name that resolves to loopback (checked on the resolved address) and an address literal.
    await addChannel(server, { kind: 'webhook', service: 'kontaktantrag', config: { url: `https://localhost:${port}/hook` }, secret: SECRET });
    await addChannel(server, { kind: 'webhook', service: 'ohne-leika', config: { url: `https://[::ffff:127.0.0.1]:${port}/hook` }, secret: SECRET });
    await submitKontakt(server);
    await submitKontakt(server, VALID_KONTAKT, {}, '/api/v1/tenants/erkelenz/services/ohne-leika/submissions');
    startRelay();
    await waitFor(async () => (await outboxRows(server)).filter((row) => row.state === 'dead').length === 2, 10_000, 'dead');
    expect(receiver.requests).toHaveLength(0);
    const webhooks = (await outboxRows(server)).filter((row) => row.kind === 'webhook');
    expect(webhooks.map((row) => row.last_error)).toEqual([expect.stringMatching(/^TARGET_PRIVATE/), expect.stringMatching(/^TARGET_PRIVATE/)]);
  });

  it('When the receiver redirects or answers after the timeout, then the attempt counts as failed', async () => {
    const { receiver, server, startRelay } = await setUp({ httpTimeoutMs: 300 });
    receiver.status = 302;
    await submitKontakt(server);
    startRelay();
    await waitFor(async () => (await outboxRows(server)).some((row) => row.last_error === 'HTTP_STATUS: the receiver answered 302'), 10_000, 'redirect refused');
    receiver.status = 204;
    receiver.delayMs = 800;
    await waitFor(async () => (await outboxRows(server)).some((row) => row.last_error === 'TIMEOUT: no answer in time'), 10_000, 'timeout');
    receiver.delayMs = 0;
    await waitFor(async () => (await outboxRows(server)).find((row) => row.kind === 'webhook')!.state === 'delivered', 10_000, 'delivered');
  });

  it('When the receiver is slow, then submissions are answered without waiting for it', async () => {
    const { receiver, server, startRelay } = await setUp();
    receiver.delayMs = 20_000;
    startRelay();
    await submitKontakt(server);
    await waitFor(() => receiver.arrivals >= 1, 10_000, 'the first delivery reaching the receiver');
    // The relay now waits for the slow receiver; every further submission is answered before the receiver answers.
    for (let i = 0; i < 20; i++) await submitKontakt(server);
    expect(receiver.requests).toHaveLength(0);
    receiver.delayMs = 0;
    await waitFor(() => receiver.requests.length === 21, 40_000, 'all 21 delivered');
  });

  it('When a status mail and a receipt are sent, then only the contact e-mail field receives them (escaped HTML, German text, status code, application PDF)', async () => {
    const { smtp, server, startRelay } = await setUp();
    // The receipt channel exists by default because SMTP_URL is set.
    expect((await server.deps.storage.deliveryChannels.list('erkelenz')).map((channel) => channel.kind)).toContain('citizen_receipt');
    await addChannel(server, { kind: 'staff_notice', config: { address: 'posteingang@erkelenz.example' } });
    const { reference, statusCode } = await submitKontakt(server);
    startRelay();
    await waitFor(() => smtp.messages.length === 2, 10_000, 'two mails');
    const receipt = smtp.messages.find((mail) => mail.subject?.startsWith('Eingangsbestätigung'))!;
    expect(smtp.recipients[smtp.messages.indexOf(receipt)]).toEqual(['erika@example.org']);
    expect(receipt.subject).toBe(`Eingangsbestätigung: Kontaktantrag (${reference})`);
    expect(receipt.text).toContain(`Aktenzeichen: ${reference}`);
    expect(receipt.text).toContain(`Statuscode: ${statusCode}`);
    expect(receipt.attachments.map((file) => [file.filename, file.contentType])).toEqual([[`Antrag-${reference}.pdf`, 'application/pdf']]);
    expect(receipt.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(receipt.html).toContain('Stadt Erkelenz');
    expect(receipt.messageId).toMatch(/^<[0-9a-z]{9}\.[0-9a-f-]{36}\.received\.citizen_receipt@kreisform>$/);
    const notice = smtp.messages.find((mail) => mail.subject?.startsWith('Neuer Antrag'))!;
    expect(smtp.recipients[smtp.messages.indexOf(notice)]).toEqual(['posteingang@erkelenz.example']);
    const noticeText = `${notice.text}\n${String(notice.html)}`;
    for (const personal of ['Erika', 'Mustermann', 'erika@example.org', 'prüfen']) expect(noticeText).not.toContain(personal);
    expect(notice.text).toContain('/staff/eingang/');
  });
});

describe('status mail', () => {
  it('When staff change the status, then the citizen gets a German status mail at the contact e-mail only', async () => {
    const smtp = await startSmtpServer();
    const server = await startDeliveryServer({ smtpUrl: smtp.url });
    const relay = startDeliveryRelay(server.deps);
    try {
      await addChannel(server, { kind: 'citizen_status' });
      const { id, reference } = await submitKontakt(server);
      await waitFor(() => smtp.messages.length === 1, 10_000, 'receipt');
      const { createStaffSession } = await import('../helpers/createStaffSession.ts');
      const staff = await createStaffSession(server, 'erkelenz');
      const changed = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${id}/status`, { method: 'POST', headers: staff.headers(), body: JSON.stringify({ status: 'in_bearbeitung' }) });
      expect(changed.status).toBe(200);
      await waitFor(() => smtp.messages.length === 2, 10_000, 'status mail');
      const mail = smtp.messages[1]!;
      expect(smtp.recipients[1]).toEqual(['erika@example.org']);
      expect(mail.subject).toBe(`Ihr Antrag ${reference}: In Bearbeitung`);
      expect(mail.text).toContain('Neuer Status: In Bearbeitung');
      expect(mail.html).toContain('<th scope="row" style="text-align:left;padding-right:1em">Neuer Status</th><td>In Bearbeitung</td>');
    } finally {
      await relay.stop();
      await server.close();
      await smtp.close();
    }
  });
});

describe('mail bodies', () => {
  it('When values contain HTML or line breaks, then the HTML part escapes them and the subject stays one line', async () => {
    const { composeStaffNotice } = await import('../../server/delivery/composeMail.ts');
    const mail = composeStaffNotice({
      deliveryId: 'dlv_1',
      event: { id: 'e', type: 'submission.received', status: null, occurredAt: '2026-12-07T09:00:00.000Z' },
      submission: { id: 's', tenant: 'erkelenz', service: 'x', version: '1.0.0', status: 'eingegangen', reference: 'ERK-2026-000001', receivedAt: '2026-12-07T09:00:00.000Z', updatedAt: '', expiresAt: '', data: {} },
      service: { id: 'x', title: 'Antrag <script>alert(1)</script> & "mehr"\nBcc: x@example.org', version: '1.0.0', leikaKey: undefined },
      participant: { slug: 'erkelenz', name: 'Stadt Erkelenz' },
      contactEmail: undefined,
      inboxUrl: 'https://portal.example/staff/eingang/s',
      attachments: [],
      documents: [],
      statusCode: undefined,
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Antrag &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mehr&quot;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

export type { TestSmtpServer, WebhookReceiver, DeliveryRelay };
