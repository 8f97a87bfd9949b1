import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/hashPassword.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { outboxRows, startDeliveryServer, submitKontakt } from '../delivery/deliveryHarness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: StartedServer;
let browser: Browser;
let rendererDir: string;
const consoleErrors: string[] = [];

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  });
}

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'kreisform-renderer-'));
  await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'error', build: { outDir: rendererDir, emptyOutDir: true } });
  server = await startDeliveryServer({}, { config: { rendererDir } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(rendererDir, { recursive: true, force: true });
});

describe('staff app: delivery', () => {
  it('When the admin sets up a webhook and a delivery is dead, then the inbox shows each delivery and the admin re-sends it', async () => {
    const email = `admin.${randomUUID().slice(0, 6)}@erkelenz.example`;
    const password = `Passwort-${randomUUID()}`;
    await server.deps.storage.users.create({ id: randomUUID(), tenant: 'erkelenz', email, role: 'admin', disabled: false, createdAt: new Date().toISOString(), passwordHash: await hashPassword(password) });
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${server.baseUrl}/staff/`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Übersicht' }).waitFor();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zustellung' }).click();
    await page.getByRole('heading', { name: 'Zustellung', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Zustellweg hinzufügen' }).click();
    await page.getByLabel('Zustellweg', { exact: true }).selectOption({ label: 'Signierter Webhook an ein Fachverfahren' });
    await page.getByLabel('Adresse (https) des Fachverfahrens').fill('https://fachverfahren.example/hook');
    await page.getByLabel('Geheimnis für die Signatur').fill('ein-sehr-geheimes-secret-0815');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Der Zustellweg wurde gespeichert.').waitFor();
    const row = page.getByRole('row', { name: /Signierter Webhook/ });
    await expect.poll(() => row.textContent()).toContain('https://fachverfahren.example/hook');
    expect(await row.textContent()).toContain('Hinterlegt');
    expect(await page.content()).not.toContain('ein-sehr-geheimes-secret-0815');
    expect(await axeViolations(page)).toEqual([]);

    const { id } = await submitKontakt(server);
    const webhook = (await outboxRows(server)).find((entry) => entry.submission_id === id && entry.kind === 'webhook')!;
    await server.deps.storage.outbox.claim('test', new Date().toISOString(), new Date(Date.now() + 60_000).toISOString(), 100);
    await server.deps.storage.outbox.markFailed(webhook.id, 'test', 'HTTP_STATUS: the receiver answered 503', undefined);

    await page.goto(`${server.baseUrl}/staff/eingang/${id}`);
    await page.getByRole('heading', { name: 'Zustellung', level: 2 }).waitFor();
    const deliveryRow = page.getByRole('row', { name: /Signierter Webhook/ });
    await expect.poll(() => deliveryRow.textContent()).toContain('Gescheitert');
    expect(await deliveryRow.textContent()).toContain('HTTP_STATUS: the receiver answered 503');
    expect(await axeViolations(page)).toEqual([]);
    await deliveryRow.getByRole('button', { name: /Erneut senden/ }).click();
    await page.getByText('Die Zustellung wird erneut versucht.').waitFor();
    await expect.poll(() => deliveryRow.textContent()).toContain('Ausstehend');
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
