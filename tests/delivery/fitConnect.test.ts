import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOAD_CONTRIBUTORS, type PayloadContributor } from '../../server/delivery/payloadContributors.ts';
import { startDeliveryRelay, type DeliveryRelay } from '../../server/delivery/startDeliveryRelay.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { startFitConnectStandIn, type FitConnectStandIn } from './fitConnectStandIn.ts';
import { addChannel, outboxRows, startDeliveryServer, submitKontakt, VALID_KONTAKT, waitFor } from './deliveryHarness.ts';

describe('FIT-Connect delivery', () => {
  let standIn: FitConnectStandIn;
  let server: StartedServer;
  let relay: DeliveryRelay;
  beforeAll(async () => {
    standIn = await startFitConnectStandIn();
    server = await startDeliveryServer();
    await addChannel(server, {
      kind: 'fitconnect',
      config: { tokenUrl: standIn.tokenUrl, submissionApiUrl: standIn.submissionApiUrl, destinationId: standIn.destinationId, clientId: standIn.clientId },
      secret: standIn.clientSecret,
    });
    relay = startDeliveryRelay(server.deps);
  }, 60_000);
  afterAll(async () => {
    await relay.stop();
    await server.close();
    await standIn.close();
  });

  it('When a submission arrives, then it goes through token, key, create, the application PDF, submit; the stand-in decrypts it and the metadata is schema-valid', async () => {
    const { id, reference } = await submitKontakt(server);
    await waitFor(async () => (await outboxRows(server)).find((row) => row.submission_id === id)?.state === 'delivered', 20_000, 'delivered').catch(async (error: unknown) => {
      throw new Error(`${String(error)} ${JSON.stringify(await outboxRows(server))} ${standIn.calls.join('; ')}`);
    });
    expect(standIn.calls).toEqual([
      'POST /token -> 200',
      `GET /v1/destinations/${standIn.destinationId} -> 200`,
      expect.stringMatching(new RegExp(`^GET /v1/destinations/${standIn.destinationId}/keys/[0-9a-f-]+ -> 200$`)),
      'POST /v1/submissions -> 201',
      expect.stringMatching(/^PUT \/v1\/submissions\/[0-9a-f-]+\/attachments\/[0-9a-f-]+ -> 204$/),
      expect.stringMatching(/^PUT \/v1\/submissions\/[0-9a-f-]+ -> 202$/),
    ]);
    const received = standIn.submissions.at(-1)!;
    expect([...received.attachments.values()].map((content) => content.subarray(0, 5).toString())).toEqual(['%PDF-']);
    expect(received.state).toBe('submitted');
    expect(received.data).toEqual(VALID_KONTAKT);
    expect(received.serviceType.identifier).toBe('urn:de:fim:leika:leistung:99050012104000');
    expect(received.metadata).toMatchObject({
      $schema: 'https://schema.fitko.de/fit-connect/metadata/1.0.0/metadata.schema.json',
      publicServiceType: { name: 'Kontaktantrag', identifier: 'urn:de:fim:leika:leistung:99050012104000' },
      replyChannel: { eMail: { address: 'erika@example.org' } },
      contentStructure: {
        attachments: [expect.objectContaining({ purpose: 'form', filename: `Antrag-${reference}.pdf`, mimeType: 'application/pdf' })],
        data: { submissionSchema: { mimeType: 'application/json' } },
      },
    });
    expect(received.protectedHeaders.every((header) => header.alg === 'RSA-OAEP-256' && header.enc === 'A256GCM')).toBe(true);
  });

  it('When a contributor adds a file beside the application PDF, then both are announced, encrypted, uploaded and listed in the metadata', async () => {
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const contributor: PayloadContributor = async (payload) => {
      payload.attachments.push({ id: randomUUID(), purpose: 'attachment', filename: 'foto.jpg', mimeType: 'image/jpeg', size: photo.length, read: async () => photo });
      payload.statusCode = 'ABCD-1234';
    };
    PAYLOAD_CONTRIBUTORS.push(contributor);
    try {
      const before = standIn.calls.length;
      const { id, reference } = await submitKontakt(server);
      await waitFor(async () => (await outboxRows(server)).find((row) => row.submission_id === id)?.state === 'delivered', 20_000, 'delivered');
      expect(standIn.calls.slice(before).filter((call) => call.includes('/attachments/'))).toHaveLength(2);
      const received = standIn.submissions.at(-1)!;
      const contents = [...received.attachments.values()];
      expect(contents.map((content) => content.toString('hex'))).toContain(photo.toString('hex'));
      expect(contents.filter((content) => content.subarray(0, 5).toString() === '%PDF-')).toHaveLength(1);
      const listed = (received.metadata!.contentStructure as { attachments: { purpose: string; filename: string; mimeType: string }[] }).attachments;
      expect(listed.map(({ purpose, filename, mimeType }) => ({ purpose, filename, mimeType })).sort((a, b) => a.filename.localeCompare(b.filename))).toEqual([
        { purpose: 'form', filename: `Antrag-${reference}.pdf`, mimeType: 'application/pdf' },
        { purpose: 'attachment', filename: 'foto.jpg', mimeType: 'image/jpeg' },
      ].sort((a, b) => a.filename.localeCompare(b.filename)));
    } finally {
      PAYLOAD_CONTRIBUTORS.splice(PAYLOAD_CONTRIBUTORS.indexOf(contributor), 1);
    }
  });

  it('When the definition has no LeiKa key, then the delivery is refused with a clear error and nothing reaches the Zustelldienst', async () => {
    const before = standIn.calls.length;
    const { id } = await submitKontakt(server, VALID_KONTAKT, {}, '/api/v1/tenants/erkelenz/services/ohne-leika/submissions');
    await waitFor(async () => (await outboxRows(server)).find((row) => row.submission_id === id)?.state === 'dead', 20_000, 'dead');
    const row = (await outboxRows(server)).find((entry) => entry.submission_id === id)!;
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBe('LEIKA_KEY_MISSING: service ohne-leika 1.0.0 has no LeiKa key (source.leika or leikaKey); FIT-Connect needs the service type');
    expect(standIn.calls.length).toBe(before);
  });

  it('When the client secret is wrong, then the attempt fails at the token and is retried', async () => {
    const channels = await server.deps.storage.deliveryChannels.list('erkelenz');
    const channel = channels.find((entry) => entry.kind === 'fitconnect')!;
    await addChannel(server, { id: channel.id, kind: 'fitconnect', config: channel.config, secret: 'falsches-secret-0000000' });
    const { id } = await submitKontakt(server);
    await waitFor(async () => (await outboxRows(server)).find((row) => row.submission_id === id)?.last_error === 'FIT_CONNECT_HTTP: token answered 401', 20_000, 'token refused');
    expect((await outboxRows(server)).find((row) => row.submission_id === id)!.state).toBe('pending');
    await addChannel(server, { id: channel.id, kind: 'fitconnect', config: channel.config, secret: standIn.clientSecret });
    await waitFor(async () => (await outboxRows(server)).find((row) => row.submission_id === id)?.state === 'delivered', 20_000, 'delivered after fix');
  });
});

describe('FIT-Connect stand-in', () => {
  it('When the submit comes before the announced attachments, then the stand-in refuses it (the sequence is enforced)', async () => {
    const standIn = await startFitConnectStandIn();
    try {
      const token = ((await (await fetch(standIn.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: standIn.clientId, client_secret: standIn.clientSecret }) })).json()) as { access_token: string }).access_token;
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      expect((await fetch(`${standIn.submissionApiUrl}/v1/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
      const created = (await (await fetch(`${standIn.submissionApiUrl}/v1/submissions`, { method: 'POST', headers: auth, body: JSON.stringify({ destinationId: standIn.destinationId, announcedAttachments: [randomUUID()], serviceType: { identifier: 'urn:de:fim:leika:leistung:99050012104000' } }) })).json()) as { submissionId: string };
      const early = await fetch(`${standIn.submissionApiUrl}/v1/submissions/${created.submissionId}`, { method: 'PUT', headers: auth, body: JSON.stringify({ encryptedMetadata: 'x', encryptedData: 'y' }) });
      expect(early.status).toBe(409);
      const unannounced = await fetch(`${standIn.submissionApiUrl}/v1/submissions/${created.submissionId}/attachments/${randomUUID()}`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/jose' }, body: 'x' });
      expect(unannounced.status).toBe(409);
    } finally {
      await standIn.close();
    }
  }, 30_000);
});
