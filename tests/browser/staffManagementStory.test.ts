import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from 'otplib';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/hashPassword.ts';
import type { StaffRole } from '../../server/storage/UserRepository.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: StartedServer;
let browser: Browser;
let rendererDir: string;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];

async function createAccount(tenant: string, role: StaffRole): Promise<{ email: string; password: string }> {
  const email = `${role}.${tenant}.${randomUUID().slice(0, 6)}@example.org`;
  const password = `Passwort-${randomUUID()}`;
  const created = await server.deps.storage.users.create({ id: randomUUID(), tenant, email, role, disabled: false, createdAt: new Date().toISOString(), passwordHash: await hashPassword(password) });
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
    // The sign-in with a second factor answers 401 TOTP_REQUIRED once on purpose.
    if (/401/.test(text) && text.includes('/api/v1/staff/login')) return;
    consoleErrors.push(text);
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  return page;
}

/** Types into a control by keyboard: focus, select what is there, type. */
async function typeInto(control: Locator, text: string): Promise<void> {
  await control.focus();
  await control.press('ControlOrMeta+a');
  await control.page().keyboard.type(text);
}

/** Activates a button or link by keyboard. */
async function press(control: Locator): Promise<void> {
  await control.focus();
  await control.press('Enter');
}

/** Follows a main navigation link by keyboard and waits for the page heading. */
async function openSection(page: Page, link: string, heading: string): Promise<void> {
  await press(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: link, exact: true }));
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.baseUrl}/staff/`);
  await page.getByRole('heading', { name: 'Anmeldung für Beschäftigte' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await typeInto(page.getByLabel('E-Mail-Adresse'), email);
  await typeInto(page.getByLabel('Passwort'), password);
  await page.getByLabel('Passwort').press('Enter');
}

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
  server = await startServer({ config: { rendererDir } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  if (rendererDir) await rm(rendererDir, { recursive: true, force: true });
});

describe('staff management story, by keyboard with axe on every page', () => {
  it('an Erkelenz admin creates a user who signs in with the one-time password and changes it; the admin sees it in the audit view', { timeout: 180_000 }, async () => {
    const adminAccount = await createAccount('erkelenz', 'admin');
    const newEmail = `sachbearbeitung.${randomUUID().slice(0, 6)}@erkelenz.example`;

    const admin = await newPage();
    await signIn(admin, adminAccount.email, adminAccount.password);
    await admin.getByRole('heading', { name: 'Übersicht' }).waitFor();
    await openSection(admin, 'Benutzer', 'Benutzer');
    expect(await axeViolations(admin)).toEqual([]);
    await typeInto(admin.getByLabel('E-Mail-Adresse'), newEmail);
    await admin.getByLabel('Rolle', { exact: true }).focus();
    await admin.keyboard.press('Home');
    await press(admin.getByRole('button', { name: 'Benutzer anlegen' }));
    await admin.getByText('Benutzer angelegt').waitFor();
    const oneTimePassword = (await admin.getByTestId('einmalpasswort').textContent())!.trim();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    await admin.getByRole('cell', { name: newEmail, exact: true }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);

    // The new user signs in with the one-time password and must choose an own password first.
    const user = await newPage();
    await signIn(user, newEmail, oneTimePassword);
    await user.getByRole('heading', { name: 'Eigenes Passwort festlegen' }).waitFor();
    expect(await axeViolations(user)).toEqual([]);
    await typeInto(user.getByLabel('Bisheriges Passwort'), oneTimePassword);
    await typeInto(user.getByLabel('Neues Passwort', { exact: true }), 'Mein-eigenes-Passwort-2026');
    await typeInto(user.getByLabel('Neues Passwort wiederholen'), 'Mein-eigenes-Passwort-2026');
    await press(user.getByRole('button', { name: 'Passwort speichern' }));
    await user.getByRole('heading', { name: 'Übersicht' }).waitFor();
    await openSection(user, 'Posteingang', 'Posteingang');
    await openSection(user, 'Mein Konto', 'Mein Konto');
    expect(await axeViolations(user)).toEqual([]);

    // The user sets up the TOTP second factor (secret shown as text) and signs in again with a code.
    await press(user.getByRole('button', { name: 'Zweiten Faktor einrichten' }));
    const secret = (await user.locator('code.staff-secret').first().textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await axeViolations(user)).toEqual([]);
    await typeInto(user.getByLabel('Aktueller Code aus der App'), await generate({ secret }));
    await press(user.getByRole('button', { name: 'Zweiten Faktor aktivieren' }));
    await user.getByText(/Der zweite Faktor ist eingerichtet/).waitFor();
    await press(user.getByRole('button', { name: 'Abmelden' }));
    await signIn(user, newEmail, 'Mein-eigenes-Passwort-2026');
    await user.getByLabel('Code aus der Einmalcode-App').waitFor();
    expect(await axeViolations(user)).toEqual([]);
    // The code of the next 30-second step: the one used for activation cannot be used again.
    await typeInto(user.getByLabel('Code aus der Einmalcode-App'), await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await user.getByLabel('Code aus der Einmalcode-App').press('Enter');
    await user.getByRole('heading', { name: 'Übersicht' }).waitFor();

    // The admin finds the change in the audit view, filtered by action.
    await openSection(admin, 'Protokoll', 'Protokoll');
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByLabel('Aktion').focus();
    await admin.getByLabel('Aktion').selectOption({ label: 'Eigenes Passwort geändert' });
    await press(admin.getByRole('button', { name: 'Filtern' }));
    await admin.getByRole('cell', { name: newEmail, exact: true }).waitFor();
    expect(await admin.getByRole('cell', { name: /Eigenes Passwort geändert/ }).count()).toBe(1);
    expect(await axeViolations(admin)).toEqual([]);

    // The statistics show a chart and the same figures as a table.
    await openSection(admin, 'Statistik', 'Statistik');
    await admin.getByRole('img', { name: /Anträge je Monat nach Status/ }).waitFor();
    await admin.getByRole('table', { name: /Anträge je Monat/ }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('the editor shows a German problem for a bad change', { timeout: 120_000 }, async () => {
    const editorAccount = await createAccount('kreis-heinsberg', 'editor');
    const editor = await newPage();
    await signIn(editor, editorAccount.email, editorAccount.password);
    await editor.getByRole('heading', { name: 'Übersicht' }).waitFor();
    await openSection(editor, 'Dienste bearbeiten', 'Dienste bearbeiten');
    await typeInto(editor.getByLabel('Titel'), 'Hundesteuer anmelden');
    await typeInto(editor.getByLabel('Kennung'), 'hundesteuer-test');
    await press(editor.getByRole('button', { name: 'Dienst anlegen' }));
    await editor.getByRole('heading', { name: 'Entwurf: Hundesteuer anmelden' }).waitFor();
    await typeInto(editor.getByLabel('Änderungsvermerk'), 'ab');
    const problem = 'Die Kurzbeschreibung der Änderung muss mindestens 3 Zeichen lang sein.';
    await editor.locator('.editor-check').getByText(problem).waitFor();
    await editor.locator('#meta-aenderung-fehler').getByText(problem).waitFor();
    expect(await editor.locator('.editor-check').getByText(/must|minLength/).count()).toBe(0);
    expect(await axeViolations(editor)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
