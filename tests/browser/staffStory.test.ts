import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/hashPassword.ts';
import type { StaffRole } from '../../server/storage/UserRepository.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SERVICE = 'baumfaellung-antrag';
const TITLE = 'Antrag auf Baumfällung';

interface Account {
  email: string;
  password: string;
}

let server: StartedServer;
let browser: Browser;
let rendererDir: string;
const contexts: BrowserContext[] = [];
/** Console errors and page errors of every page; failed requests the story provokes on purpose are listed apart. */
const consoleErrors: string[] = [];
const expectedFailures: RegExp[] = [];

async function createAccount(tenant: string, role: StaffRole): Promise<Account> {
  const email = `${role}.${tenant}.${randomUUID().slice(0, 6)}@example.org`;
  const password = `Passwort-${randomUUID()}`;
  const created = await server.deps.storage.users.create({
    id: randomUUID(),
    tenant,
    email,
    role,
    disabled: false,
    createdAt: new Date().toISOString(),
    passwordHash: await hashPassword(password),
  });
  expect(created).toBe('created');
  return { email, password };
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `${message.text()} ${message.location().url}`;
    if (!expectedFailures.some((pattern) => pattern.test(text))) consoleErrors.push(text);
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  return page;
}

async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto(`${server.baseUrl}/staff/`);
  await page.getByRole('heading', { name: 'Anmeldung für Beschäftigte' }).waitFor();
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort').fill(account.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { name: 'Übersicht' }).waitFor();
}

/** Runs axe-core (injected as source: the CSP blocks script tags) and returns the WCAG 2.1 A/AA violations. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  });
  return violations;
}

/** Adds a top-level field with the visual editor. */
async function addField(page: Page, label: string, kind: string): Promise<void> {
  await page.getByLabel('Beschriftung', { exact: true }).last().fill(label);
  await page.locator('#neues-feld-typ').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Feld hinzufügen' }).click();
  await fieldButton(page, label).waitFor();
}

/** The button that selects a field in the visual editor's field list. */
function fieldButton(page: Page, label: string) {
  return page.getByRole('button', { name: new RegExp(`^${label}( \\*)?$`) });
}

async function waitForCheck(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.editor-check').getByText(text).first().waitFor();
}

async function publish(page: Page, version: string): Promise<void> {
  await page.getByRole('button', { name: `Version ${version} veröffentlichen` }).click();
}

async function servedVersion(tenant: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/tenants/${tenant}/services/${SERVICE}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { version: string }).version;
}

/** A citizen fills the service's form on a participant's portal and sends it; returns the reference. */
async function submitAsCitizen(tenant: string, answers: Record<string, string>, check?: (page: Page) => Promise<void>): Promise<string> {
  const page = await newPage();
  await page.goto(`${server.baseUrl}/${tenant}/leistungen/${SERVICE}/antrag`);
  await check?.(page);
  for (const [label, value] of Object.entries(answers)) {
    await page.getByLabel(label, { exact: false }).first().fill(value);
  }
  await page.getByRole('button', { name: 'Weiter zur Prüfung' }).click();
  await page.getByRole('button', { name: 'Antrag absenden' }).click();
  const reference = await page.locator('.kf-reference').textContent();
  await page.close();
  return reference?.trim() ?? '';
}

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'kreisform-renderer-'));
  await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'error', build: { outDir: rendererDir, emptyOutDir: true } });
  server = await startServer({ config: { rendererDir } });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  if (rendererDir) await rm(rendererDir, { recursive: true, force: true });
});

describe('staff story: build, publish, enable, submit, evolve, inbox', () => {
  it('runs end to end on a real server in Chromium', { timeout: 240_000 }, async () => {
    const editorAccount = await createAccount('kreis-heinsberg', 'editor');
    const wegbergAccount = await createAccount('wegberg', 'admin');
    const erkelenzAccount = await createAccount('erkelenz', 'staff');

    // The editor builds a new service with the visual editor.
    const editor = await newPage();
    await signIn(editor, editorAccount);
    await editor.getByRole('link', { name: 'Dienste bearbeiten' }).first().click();
    await editor.getByRole('heading', { name: 'Dienste bearbeiten' }).waitFor();
    expect(await axeViolations(editor)).toEqual([]);
    await editor.getByLabel('Titel').fill(TITLE);
    await editor.getByLabel('Kennung').fill(SERVICE);
    await editor.getByRole('button', { name: 'Dienst anlegen' }).click();
    await editor.getByRole('heading', { name: `Entwurf: ${TITLE}` }).waitFor();

    await addField(editor, 'Name', 'Text (einzeilig)');
    await fieldButton(editor, 'Name').click();
    await editor.getByLabel('Pflichtfeld', { exact: true }).check();
    await addField(editor, 'Anzahl der Bäume', 'Ganze Zahl');
    await fieldButton(editor, 'Anzahl der Bäume').click();
    await editor.getByLabel('Kleinster Wert').fill('1');
    await editor.getByLabel('Beschreibung', { exact: true }).fill('Genehmigung zum Fällen geschützter Bäume auf Ihrem Grundstück.');

    // The raw JSON view follows the visual editor, and its edits come back; invalid JSON keeps the model.
    const uiJson = editor.getByLabel('uiSchema (JSON)');
    await expect.poll(async () => JSON.parse(await uiJson.inputValue())['ui:order']).toEqual(['name', 'anzahlDerBaeume']);
    await uiJson.fill('{ "ui:order": [');
    await editor.getByText(/Ungültiges JSON/).waitFor();
    expect(await editor.locator('.editor-tree__select').count()).toBe(2);
    await uiJson.fill(JSON.stringify({ 'ui:order': ['name', 'anzahlDerBaeume'], name: { 'ui:help': 'Vor- und Nachname' } }));
    await fieldButton(editor, 'Name').click();
    await expect.poll(() => editor.getByLabel('Hilfetext').inputValue()).toBe('Vor- und Nachname');

    // A condition: "Schutzgrund" is shown only when "Geschützter Baum" is ticked; the live preview follows it.
    await addField(editor, 'Geschützter Baum', 'Ja/Nein');
    await addField(editor, 'Schutzgrund', 'Text (einzeilig)');
    await fieldButton(editor, 'Schutzgrund').click();
    await editor.getByLabel('Wenn das Feld').selectOption({ label: 'Geschützter Baum' });
    await editor.getByLabel('dann ist dieses Feld').selectOption('show');
    await editor.getByText('bedingt sichtbar').waitFor();

    // The live preview renders with the portal's KERN theme.
    const preview = editor.locator('#vorschau');
    await preview.getByLabel(/Anzahl der Bäume/).waitFor();
    expect(await preview.getByLabel(/Schutzgrund/).count()).toBe(0);
    await preview.getByLabel(/Geschützter Baum/).check();
    await preview.getByLabel(/Schutzgrund/).waitFor();
    await waitForCheck(editor, 'Keine Fehler gefunden.');
    await editor.getByText(/^Gespeichert \(Stand/).waitFor();
    expect(await axeViolations(editor)).toEqual([]);
    await publish(editor, '1.0.0');
    await editor.getByText('Version 1.0.0 ist veröffentlicht').waitFor();

    // Wegberg enables it, following compatible updates of major 1.
    const admin = await newPage();
    await signIn(admin, wegbergAccount);
    await admin.getByRole('link', { name: 'Angebot' }).first().click();
    await admin.getByRole('link', { name: TITLE }).click();
    await admin.getByRole('heading', { name: TITLE }).waitFor();
    // The enable checklist needs the local details first (Wegberg's legal pages are seeded).
    await admin.getByLabel('Zuständige Stelle').fill('Umweltamt Wegberg');
    await admin.getByLabel('Anschrift der zuständigen Stelle').fill('Rathausplatz 25\n41844 Wegberg');
    await admin.getByLabel('Telefon').fill('02434 83-0');
    await admin.getByLabel('E-Mail', { exact: true }).fill('umweltamt@wegberg.example');
    await admin.getByLabel('Öffnungszeiten').fill('Mo–Fr 8–12 Uhr');
    await admin.getByRole('button', { name: 'Örtliche Angaben speichern' }).click();
    await admin.getByText('Die örtlichen Angaben wurden gespeichert.').waitFor();
    await admin.getByText('Alles vollständig: Sie können die Leistung anbieten.').waitFor();
    await admin.getByLabel('Auf unserem Portal anbieten').check();
    await admin.getByLabel('Versionsregel').selectOption('follow');
    await admin.getByLabel('Hauptversion').selectOption('1');
    await admin.getByLabel('Vereinbart am').fill('2026-11-20');
    await admin.getByRole('button', { name: 'Angebot speichern' }).click();
    await admin.getByText('Das Angebot wurde gespeichert.').waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    expect(await servedVersion('wegberg')).toBe('1.0.0');

    // A citizen submits on Wegberg's portal.
    const firstReference = await submitAsCitizen('wegberg', { Name: 'Erika Mustermann', 'Anzahl der Bäume': '2' }, async (page) => {
      // The portal hides the conditional field until its condition holds.
      await page.getByLabel(/Geschützter Baum/).waitFor();
      expect(await page.getByLabel(/Schutzgrund/).count()).toBe(0);
      await page.getByLabel(/Geschützter Baum/).check();
      await page.getByLabel(/Schutzgrund/).waitFor();
      await page.getByLabel(/Geschützter Baum/).uncheck();
      await expect.poll(() => page.getByLabel(/Schutzgrund/).count()).toBe(0);
    });
    expect(firstReference).toMatch(/^WEG-\d{4}-\d{6}$/);

    // A compatible 1.1.0 (new optional field): Wegberg serves it without any action.
    await editor.getByRole('link', { name: 'Zum Dienst' }).click();
    await editor.getByRole('button', { name: 'Neuen Entwurf aus Version 1.0.0 anlegen' }).click();
    await editor.getByRole('heading', { name: `Entwurf: ${TITLE}` }).waitFor();
    await addField(editor, 'Standort', 'Text (einzeilig)');
    await editor.getByLabel('Änderungsvermerk').fill('Neue freiwillige Felder.');
    await editor.getByText(/^Gespeichert \(Stand/).waitFor();

    // A second editor works on the same draft; the first editor's stale save is refused and reloads.
    const secondEditor = await newPage();
    await signIn(secondEditor, await createAccount('kreis-heinsberg', 'admin'));
    await secondEditor.goto(`${server.baseUrl}/staff/editor/${SERVICE}/entwurf`);
    await fieldButton(secondEditor, 'Standort').waitFor();
    await addField(secondEditor, 'Bemerkung', 'Text (mehrzeilig)');
    await secondEditor.getByText(/^Gespeichert \(Stand/).waitFor();
    expectedFailures.push(/status of 409/);
    await editor.getByLabel('Änderungsvermerk').fill('Neue freiwillige Felder Standort und Bemerkung.');
    await editor.getByText('Entwurf wurde geändert').waitFor();
    await editor.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
    await fieldButton(editor, 'Bemerkung').waitFor();
    await secondEditor.close();

    await waitForCheck(editor, 'Keine Fehler gefunden.');
    await waitForCheck(editor, 'kompatibel');
    await publish(editor, '1.1.0');
    await editor.getByText('Version 1.1.0 ist veröffentlicht').waitFor();
    expect(await servedVersion('wegberg')).toBe('1.1.0');
    const secondReference = await submitAsCitizen('wegberg', { Name: 'Max Mustermann', 'Anzahl der Bäume': '1', Standort: 'Hinter dem Haus' });

    // A breaking change (Standort becomes required) is refused as 1.2.0 and accepted as 2.0.0.
    await editor.getByRole('link', { name: 'Zum Dienst' }).click();
    await editor.getByRole('button', { name: 'Neuen Entwurf aus Version 1.1.0 anlegen' }).click();
    await editor.getByRole('heading', { name: `Entwurf: ${TITLE}` }).waitFor();
    await fieldButton(editor, 'Standort').click();
    await editor.getByLabel('Pflichtfeld', { exact: true }).check();
    await editor.getByLabel('Änderungsvermerk').fill('Standort ist jetzt Pflicht.');
    await editor.getByText(/^Gespeichert \(Stand/).waitFor();
    expectedFailures.push(/status of 422/);
    await publish(editor, '1.2.0');
    await editor.getByText('Veröffentlichung abgelehnt').waitFor();
    await editor.getByText(/erfordern eine neue Hauptversion, mindestens 2\.0\.0/).waitFor();
    await editor.locator('.editor-refusal').getByText(/^inkompatibel:/).first().waitFor();
    await editor.getByLabel('Version', { exact: true }).fill('2.0.0');
    await waitForCheck(editor, 'Keine Fehler gefunden.');
    await editor.getByText(/^Gespeichert \(Stand/).waitFor();
    await publish(editor, '2.0.0');
    await editor.getByText('Version 2.0.0 ist veröffentlicht').waitFor();
    expect(await servedVersion('wegberg')).toBe('1.1.0');

    // The Kreis' cost reports (agreement API) in the staff app.
    await editor.getByRole('link', { name: 'Kostenberichte' }).first().click();
    await editor.getByRole('heading', { name: 'Kostenverteilung' }).waitFor();
    await editor.locator('caption', { hasText: /^Kosten \d{4}/ }).waitFor();
    await editor.getByText(TITLE).first().waitFor();
    expect(await axeViolations(editor)).toEqual([]);

    // Wegberg sees the notice of the new major version.
    await admin.goto(`${server.baseUrl}/staff/angebot/${SERVICE}`);
    await admin.getByText('Neue Hauptversion 2.0.0').waitFor();

    // Another Kommune's submission (Erkelenz), made through the API.
    const erkelenz = await fetch(`${server.baseUrl}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(erkelenzAccount),
    });
    const erkelenzSession = { cookie: (erkelenz.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await erkelenz.json()) as { csrfToken: string }).csrfToken };
    const details = await fetch(`${server.baseUrl}/api/v1/staff/catalogue/${SERVICE}/local-details`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: erkelenzSession.cookie, 'x-csrf-token': erkelenzSession.csrf },
      body: JSON.stringify({ office: 'Umweltamt Erkelenz', address: 'Johannismarkt 17\n41812 Erkelenz', phone: '02431 85-0', email: 'umwelt@erkelenz.example', openingHours: 'Mo–Fr 8–12 Uhr' }),
    });
    expect(details.status).toBe(200);
    const enabled = await fetch(`${server.baseUrl}/api/v1/staff/enablements/${SERVICE}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: erkelenzSession.cookie, 'x-csrf-token': erkelenzSession.csrf },
      body: JSON.stringify({ enabled: true, versionPolicy: '^2', agreedOn: '2026-11-21' }),
    });
    expect(enabled.status).toBe(200);
    const foreign = await fetch(`${server.baseUrl}/api/v1/tenants/erkelenz/services/${SERVICE}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Fremde Person', anzahlDerBaeume: 1, standort: 'Erkelenz' }),
    });
    expect(foreign.status).toBe(201);
    const foreignId = ((await foreign.json()) as { id: string }).id;

    // Wegberg's inbox: the first submission under 1.0.0, the next under 1.1.0.
    await admin.getByRole('link', { name: 'Posteingang' }).first().click();
    await admin.getByRole('heading', { name: 'Posteingang' }).waitFor();
    await admin.getByRole('link', { name: firstReference }).waitFor();
    expect(await admin.getByRole('link', { name: /^ERK-/ }).count()).toBe(0);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole('link', { name: firstReference }).click();
    await admin.getByRole('heading', { name: `Antrag ${firstReference}` }).waitFor();
    expect(await admin.locator('#antrag-version').textContent()).toBe('1.0.0');
    await admin.getByText('Erika Mustermann').waitFor();
    await admin.getByRole('button', { name: 'Status: In Bearbeitung' }).click();
    await admin.getByText(/Status von „Eingegangen“ auf „In Bearbeitung“ geändert/).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole('link', { name: 'Zurück zum Posteingang' }).click();

    // Filter by service: export links per version (CSV and JSON) of the server's export routes.
    await admin.getByLabel('Dienst').selectOption({ label: TITLE });
    await admin.getByRole('button', { name: 'Filtern' }).click();
    const csvLink = admin.locator('li', { hasText: 'Version 1.0.0:' }).getByRole('link', { name: 'CSV' });
    await csvLink.waitFor();
    const csv = await admin.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, text: await response.text() };
    }, (await csvLink.getAttribute('href'))!);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(firstReference);
    expect(csv.text).not.toContain(secondReference);

    await admin.getByRole('link', { name: secondReference }).click();
    await admin.getByRole('heading', { name: `Antrag ${secondReference}` }).waitFor();
    expect(await admin.locator('#antrag-version').textContent()).toBe('1.1.0');
    await admin.getByText('Hinter dem Haus').waitFor();

    // Erkelenz's submission: the API answers 404 and the UI shows "not found".
    expectedFailures.push(new RegExp(`status of 404.*${foreignId}`));
    const apiAnswer = await admin.evaluate(async (id) => (await fetch(`/api/v1/staff/submissions/${id}`)).status, foreignId);
    expect(apiAnswer).toBe(404);
    await admin.goto(`${server.baseUrl}/staff/eingang/${foreignId}`);
    await admin.getByText('Nicht gefunden').waitFor();

    expect(consoleErrors).toEqual([]);
  });
});
