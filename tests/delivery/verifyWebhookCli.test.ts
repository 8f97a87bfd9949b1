import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { startDeliveryRelay } from '../../server/delivery/startDeliveryRelay.ts';
import { addChannel, outboxRows, startDeliveryServer, submitKontakt, waitFor } from './deliveryHarness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'beispiel-secret-fuer-den-empfaenger-42';

describe('npm run forms -- verify-webhook', () => {
  it('When the example receiver runs with the channel secret, then it accepts the signed webhook; with another secret it refuses it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/forms.ts', 'verify-webhook', '--port', '0', '--count', '1'], {
      cwd: ROOT,
      env: { ...process.env, WEBHOOK_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    const port = await new Promise<number>((done, fail) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
        if (match) done(Number(match[1]));
      });
      child.once('exit', (code) => fail(new Error(`verify-webhook exited with ${code}`)));
    });
    const exited = new Promise<number | null>((done) => child.once('exit', done));

    const server = await startDeliveryServer();
    const relay = startDeliveryRelay(server.deps);
    try {
      const channel = await addChannel(server, { kind: 'webhook', config: { url: `http://127.0.0.1:${port}/` }, secret: 'ein-ganz-anderes-secret-123' });
      const { reference } = await submitKontakt(server);
      await waitFor(() => lines.some((line) => line.startsWith('rejected: signature mismatch')), 10_000, 'rejected');
      await waitFor(async () => (await outboxRows(server))[0]!.last_error === 'HTTP_STATUS: the receiver answered 401', 10_000, 'failure recorded');
      await addChannel(server, { id: channel, kind: 'webhook', config: { url: `http://127.0.0.1:${port}/` }, secret: SECRET });
      expect(await exited).toBe(0);
      const id = (await outboxRows(server))[0]!.id;
      expect(lines).toContain(`accepted ${id} submission.received ${reference} eingegangen`);
      await waitFor(async () => (await outboxRows(server))[0]!.state === 'delivered', 10_000, 'delivered');
    } finally {
      child.kill();
      await relay.stop();
      await server.close();
    }
  });
});

describe('npm run forms -- mail-sink', () => {
  it('When a mail is sent to the local SMTP server, then it prints recipient and subject and exits after --count mails', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/forms.ts', 'mail-sink', '--port', '0', '--count', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    const port = await new Promise<number>((done, fail) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        const match = /listening on smtp:\/\/127\.0\.0\.1:(\d+)/.exec(line);
        if (match) done(Number(match[1]));
      });
      child.once('exit', (code) => fail(new Error(`mail-sink exited with ${code}`)));
    });
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    const nodemailer = (await import('nodemailer')).default;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'portal@example.org', to: 'posteingang@erkelenz.example', subject: 'Neuer Antrag: Test', text: 'Hallo' });
    transport.close();
    expect(await exited).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/^mail to posteingang@erkelenz\.example: Neuer Antrag: Test </));
  });
});
