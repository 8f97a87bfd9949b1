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
import { startServer, type StartedServer } from '../helpers/startServer.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** A catalogue service Erkelenz does not offer in the seed, with a fee whose amount each participant sets. */
const SERVICE = 'wunschkennzeichen';
const TITLE = 'Wunschkennzeichen reservieren';

let server: StartedServer;
let browser: Browser;
let rendererDir: string;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
/** Requests the story provokes on purpose (the refused enablement answers 422). */
const expectedFailures = [/status of 422/];

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

/** Runs axe-core (injected as source: the CSP blocks script tags) and returns the WCAG 2.1 A/AA violations. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  });
}

/** Focuses a form control by its label and replaces its value by typing (newlines become Enter key presses). */
async function typeInto(page: Page, label: string | RegExp, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: typeof label === 'string' }).first();
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Activates a link or button with the keyboard: focus, then Enter. */
async function press(page: Page, role: 'link' | 'button', name: string | RegExp): Promise<void> {
  const target = page.getByRole(role, { name, exact: typeof name === 'string' }).first();
  await target.focus();
  await page.keyboard.press('Enter');
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

describe('legal pages, service information and the enable checklist', () => {
  it('When an Erkelenz admin fills legal pages and local details by keyboard, then the service can be enabled (refused before) and a citizen sees Impressum, Datenschutz and the Art. 13 notice', { timeout: 240_000 }, async () => {
    // Erkelenz starts without legal pages (the seed gives every demo portal some).
    const empty = { impressum: '', privacyController: '', privacyOfficer: '', privacyRights: '', privacySupervisory: '', privacyMore: '', contact: '' };
    await server.deps.storage.legalPages.put('erkelenz', empty, new Date().toISOString(), 'test');
    const account = { email: `admin.${randomUUID().slice(0, 6)}@erkelenz.example`, password: `Passwort-${randomUUID()}` };
    await server.deps.storage.users.create({ id: randomUUID(), tenant: 'erkelenz', email: account.email, role: 'admin', disabled: false, createdAt: new Date().toISOString(), passwordHash: await hashPassword(account.password) });

    // The admin signs in and is told at once that the legal pages are missing.
    const admin = await newPage();
    await admin.goto(`${server.baseUrl}/staff/`);
    await admin.getByRole('heading', { name: 'Anmeldung für Beschäftigte' }).waitFor();
    await typeInto(admin, 'E-Mail-Adresse', account.email);
    await typeInto(admin, 'Passwort', account.password);
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { name: 'Übersicht' }).waitFor();
    await admin.getByText('Rechtliche Seiten fehlen').waitFor();
    expect(await admin.locator('main').innerText()).toContain('Datenschutz: Aufsichtsbehörde');
    expect(await axeViolations(admin)).toEqual([]);

    // The offering page shows the checklist; switching the service on is refused while it is incomplete.
    await admin.goto(`${server.baseUrl}/staff/angebot/${SERVICE}`);
    await admin.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await admin.getByRole('heading', { name: 'Checkliste vor dem Anbieten' }).waitFor();
    const checklist = await admin.locator('.staff-checklist').innerText();
    expect(checklist).toContain('Fehlt: Impressum des Portals');
    expect(checklist).toContain('Fehlt: Anschrift der zuständigen Stelle');
    expect(checklist).toContain('Fehlt: Gebühr vor Ort: Reservierung und Zuteilung eines Wunschkennzeichens');
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByLabel('Auf unserem Portal anbieten').focus();
    await admin.keyboard.press('Space');
    await press(admin, 'button', 'Angebot speichern');
    await admin.getByText(/^Die Leistung kann erst angeboten werden, wenn die Checkliste vollständig ist\. Es fehlt: Impressum des Portals/).waitFor();
    expect((await server.deps.storage.enablements.get('erkelenz', SERVICE))?.enabled ?? false).toBe(false);

    // The admin writes the legal pages (safe text: paragraphs, lists, links).
    await press(admin, 'link', 'Rechtliche Seiten');
    await admin.getByRole('heading', { name: 'Rechtliche Seiten des Portals' }).waitFor();
    await typeInto(admin, /^Impressum/, '## Herausgeber\nStadt Erkelenz\nJohannismarkt 17\n41812 Erkelenz\n\nE-Mail: [info@erkelenz.example](mailto:info@erkelenz.example)');
    await typeInto(admin, /^Datenschutz: Verantwortlicher/, 'Stadt Erkelenz, vertreten durch den Bürgermeister\nJohannismarkt 17, 41812 Erkelenz');
    await typeInto(admin, /^Datenschutz: Datenschutzbeauftragte/, 'Datenschutzbeauftragte der Stadt Erkelenz: [datenschutz@erkelenz.example](mailto:datenschutz@erkelenz.example)');
    await typeInto(admin, /^Datenschutz: Ihre Rechte/, '- Auskunft (Art. 15 DSGVO)\n- Berichtigung (Art. 16 DSGVO)\n- Löschung (Art. 17 DSGVO)');
    await typeInto(admin, /^Datenschutz: Aufsichtsbehörde/, 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen\n[www.ldi.nrw.de](https://www.ldi.nrw.de)');
    await typeInto(admin, /^Kontakt/, 'Rathaus Erkelenz\nTelefon: [02431 85-0](tel:02431850)');
    await press(admin, 'button', 'Rechtliche Seiten speichern');
    await admin.getByText('Die rechtlichen Seiten wurden gespeichert.').waitFor();
    await expect.poll(() => admin.getByText('Rechtliche Seiten fehlen').count()).toBe(0);
    expect(await axeViolations(admin)).toEqual([]);

    // Then the local details of the service, with the local fee amount.
    await admin.goto(`${server.baseUrl}/staff/angebot/${SERVICE}`);
    await admin.getByRole('heading', { name: 'Checkliste vor dem Anbieten' }).waitFor();
    await typeInto(admin, 'Zuständige Stelle', 'Stadt Erkelenz, Straßenverkehrsamt');
    await typeInto(admin, 'Telefon', '02431 85-0');
    await typeInto(admin, 'E-Mail', 'strassenverkehr@erkelenz.example');
    await typeInto(admin, 'Anschrift der zuständigen Stelle', 'Johannismarkt 17\n41812 Erkelenz');
    await typeInto(admin, 'Öffnungszeiten', 'Montag bis Freitag 8 bis 12 Uhr');
    await typeInto(admin, 'Gebühr vor Ort: Reservierung und Zuteilung eines Wunschkennzeichens', '12,80 Euro');
    await press(admin, 'button', 'Örtliche Angaben speichern');
    await admin.getByText('Die örtlichen Angaben wurden gespeichert.').waitFor();
    await admin.getByText('Alles vollständig: Sie können die Leistung anbieten.').waitFor();
    const offer = admin.getByLabel('Auf unserem Portal anbieten');
    if (!(await offer.isChecked())) {
      await offer.focus();
      await admin.keyboard.press('Space');
    }
    await press(admin, 'button', 'Angebot speichern');
    await admin.getByText('Das Angebot wurde gespeichert.').waitFor();
    expect(await server.deps.storage.enablements.get('erkelenz', SERVICE)).toMatchObject({ enabled: true });
    expect(await axeViolations(admin)).toEqual([]);

    // A citizen reads the service page: fees with the local amount, documents, processing time, the office.
    const citizen = await newPage();
    await citizen.goto(`${server.baseUrl}/erkelenz/leistungen/${SERVICE}`);
    await citizen.getByRole('heading', { name: 'Kosten' }).waitFor();
    const service = await citizen.locator('main').innerText();
    expect(service).toContain('12,80 Euro');
    expect(service).toContain('Erforderliche Unterlagen');
    expect(service).toContain('Bearbeitungsdauer');
    expect(service).toContain('Johannismarkt 17');
    const order = ['Kosten', 'Erforderliche Unterlagen', 'Bearbeitungsdauer', 'Zuständige Stelle', 'Weitere Informationen'].map((heading) => service.indexOf(heading));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(await axeViolations(citizen)).toEqual([]);

    // Footer: Impressum and Datenschutz beside the accessibility statement.
    const footer = citizen.getByRole('navigation', { name: 'Service, Barrierefreiheit und rechtliche Hinweise' });
    expect(await footer.getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['Erklärung zur Barrierefreiheit', 'Impressum', 'Datenschutz', 'Kontakt']));
    await footer.getByRole('link', { name: 'Impressum' }).focus();
    await citizen.keyboard.press('Enter');
    await citizen.getByRole('heading', { name: 'Impressum', level: 1 }).waitFor();
    await citizen.getByRole('heading', { name: 'Herausgeber', level: 2 }).waitFor();
    expect(await citizen.getByRole('link', { name: 'info@erkelenz.example' }).getAttribute('href')).toBe('mailto:info@erkelenz.example');
    expect(await axeViolations(citizen)).toEqual([]);
    await footer.getByRole('link', { name: 'Datenschutz' }).focus();
    await citizen.keyboard.press('Enter');
    await citizen.getByRole('heading', { name: 'Datenschutzerklärung', level: 1 }).waitFor();
    // The heading stands while the page's text is still loading ("Seite wird geladen …"): read it once it is there.
    await citizen.getByText('Seite wird geladen …').waitFor({ state: 'detached' });
    const privacy = await citizen.locator('main').innerText();
    expect(privacy).toContain('Stadt Erkelenz, vertreten durch den Bürgermeister');
    expect(privacy).toContain('Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen');
    expect(await citizen.getByRole('listitem').filter({ hasText: 'Auskunft (Art. 15 DSGVO)' }).count()).toBe(1);
    expect(await axeViolations(citizen)).toEqual([]);

    // The form's first page states the Art. 13 facts with a link to the Datenschutzerklärung.
    await citizen.goto(`${server.baseUrl}/erkelenz/leistungen/${SERVICE}/antrag`);
    await citizen.getByRole('heading', { name: 'Hinweise zum Datenschutz' }).waitFor();
    const notice = await citizen.locator('.kf-privacy-notice').innerText();
    expect(notice).toContain('Stadt Erkelenz, vertreten durch den Bürgermeister');
    expect(notice).toContain('Reservierung des gewünschten Kennzeichens');
    expect(notice).toContain('Art. 6 Abs. 1 Buchst. c und e DSGVO');
    expect(notice).toMatch(/Ihre Angaben werden \d+ Tage nach dem Eingang automatisch gelöscht/);
    expect(notice).toContain('Kraftfahrt-Bundesamt');
    expect(await citizen.locator('.kf-privacy-notice').getByRole('link', { name: 'Datenschutzerklärung' }).getAttribute('href')).toBe('/erkelenz/datenschutz');
    expect(await axeViolations(citizen)).toEqual([]);

    expect(consoleErrors).toEqual([]);
  });
});
