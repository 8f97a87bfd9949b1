import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { makePdf, makePng, startFilesServer } from '../files/filesHelpers.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

let server: StartedServer;
let browser: Browser;
let context: BrowserContext;
let downloads: string;
const problems: string[] = [];

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, `axe on ${what}`).toEqual([]);
}

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    // The refused upload of the wrong file type is expected to log its 415.
    if (message.type() === 'error' && !/status of 415/.test(message.text())) problems.push(`${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // Registered when the page opens, so the chooser is intercepted from the first key press on.
  nextFiles.set(page, []);
  page.on('filechooser', (chooser) => {
    const file = nextFiles.get(page)!.shift();
    if (file) void chooser.setFiles(file);
  });
  return page;
}

async function expectFocusOn(page: Page, id: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? ''), { timeout: 10_000 }).toBe(id);
}

type ChosenFile = { name: string; mimeType: string; buffer: Buffer };
const nextFiles = new WeakMap<Page, ChosenFile[]>();

/** Chooses a file for a file input by keyboard: focus it, Enter opens the chooser, which gets the file. */
async function chooseFile(page: Page, inputId: string, file: ChosenFile): Promise<void> {
  await page.locator(`#${inputId}`).focus();
  await expectFocusOn(page, inputId);
  nextFiles.get(page)!.push(file);
  await page.keyboard.press('Enter');
  await expect.poll(() => nextFiles.get(page)!.length, { message: `file chooser of #${inputId}`, timeout: 10_000 }).toBe(0);
}

async function pdfText(path: string): Promise<string> {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  server = await startFilesServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', acceptDownloads: true });
  downloads = await mkdtemp(join(tmpdir(), 'kreisform-downloads-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(downloads, { recursive: true, force: true });
});

describe('a citizen attaches files, submits, downloads the PDF and follows the status (keyboard, axe)', () => {
  let reference = '';
  let statusCode = '';
  let submissionId = '';
  let erkelenz: StaffSessionForTest;

  it('When the citizen attaches a PDF and a photo by keyboard and submits, then the confirmation shows reference, status code and a PDF download', async () => {
    const page = await openPage();
    await page.goto(`${server.baseUrl}/erkelenz/leistungen/nachweis/antrag`);
    // The app has taken the server's form over (a chosen file can only be handed to the app).
    await page.locator('.kf-form button[type=submit]:enabled').waitFor();
    await expectNoAxeViolations(page, 'empty form with file fields');

    await page.locator('#root_name').focus();
    await page.keyboard.type('Erika Mustermann');
    await page.locator('input[name="root_art"]').first().focus();
    await page.keyboard.press('Space');

    // A photo for the PDF field: refused by type, the German message shows at the field.
    await chooseFile(page, 'root_nachweis', { name: 'foto.pdf', mimeType: 'application/pdf', buffer: makePng() });
    await expect.poll(() => page.locator('#root_nachweis__upload-error').innerText()).toContain('Diese Dateiart wird hier nicht angenommen');
    await expectNoAxeViolations(page, 'file field with an upload error');
    // Submitting now lists the problem in the error summary.
    await page.locator('.kf-form button[type=submit]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#kf-fehleruebersicht').innerText()).toContain('Diese Dateiart wird hier nicht angenommen');
    await expectNoAxeViolations(page, 'error summary with an upload error');

    await chooseFile(page, 'root_nachweis', { name: 'Mietbescheinigung.pdf', mimeType: 'application/pdf', buffer: makePdf('Mietbescheinigung') });
    await expect.poll(() => page.locator('#root_nachweis__file').innerText()).toMatch(/Mietbescheinigung\.pdf \(\d+ Byte\)/);
    await chooseFile(page, 'root_foto', { name: 'Foto.png', mimeType: 'image/png', buffer: makePng(16, 16) });
    await expect.poll(() => page.locator('#root_foto__file').innerText()).toContain('Foto.png');
    await expectNoAxeViolations(page, 'form with two uploaded files');

    // Remove the photo and attach it again, all by keyboard.
    const remove = page.locator('#root_foto__file + button');
    expect(await remove.innerText()).toContain('Entfernen');
    await remove.focus();
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'root_foto');
    expect(await page.locator('#root_foto__file').count()).toBe(0);
    await chooseFile(page, 'root_foto', { name: 'Foto.png', mimeType: 'image/png', buffer: makePng(16, 16) });
    await expect.poll(() => page.locator('#root_foto__file').innerText()).toContain('Foto.png');

    await page.locator('.kf-form button[type=submit]').focus();
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'kf-seitentitel');
    expect(await page.locator('main').innerText()).toContain('Mietbescheinigung.pdf');
    await page.getByRole('button', { name: 'Antrag absenden' }).focus();
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'kf-bestaetigung');
    await expectNoAxeViolations(page, 'confirmation');
    reference = (await page.locator('.kf-reference').innerText()).trim();
    statusCode = (await page.locator('#kf-statuscode-wert').innerText()).trim();
    expect(reference).toMatch(/^ERK-\d{4}-\d{6}$/);
    expect(statusCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

    await page.getByRole('button', { name: 'Antrag als PDF herunterladen' }).focus();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = join(downloads, 'antrag.pdf');
    await (await download).saveAs(file);
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(file);
    expect(text).toContain(`Referenz: ${reference}`);
    expect(text).toContain('Vollständiger Name: Erika Mustermann');
    expect(text).toContain('Art des Nachweises: Mietbescheinigung');
    expect(text).toContain('Mietbescheinigung.pdf');
    expect(text).toContain('Foto.png');
    await page.close();

    submissionId = (await server.deps.storage.submissions.list({ tenant: 'erkelenz' }, { offset: 0, limit: 1 })).items[0]!.id;
  }, 120_000);

  it('When staff change the status, then the status page shows it with its history (keyboard, axe)', async () => {
    erkelenz = await createStaffSession(server, 'erkelenz');
    const changed = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${submissionId}/status`, { method: 'POST', headers: erkelenz.headers(), body: JSON.stringify({ status: 'in_bearbeitung' }) });
    expect(changed.status).toBe(200);

    const page = await openPage();
    await page.goto(`${server.baseUrl}/erkelenz/status`);
    await page.locator('#kf-referenz').waitFor();
    await expectNoAxeViolations(page, 'status page');
    // Empty submit: errors in a summary that takes the focus.
    await page.getByRole('button', { name: 'Status anzeigen' }).focus();
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'kf-status-fehler');
    await expectNoAxeViolations(page, 'status page with errors');
    await page.locator('#kf-referenz').focus();
    await page.keyboard.type(reference);
    await page.keyboard.press('Tab');
    await page.keyboard.type(statusCode.toLowerCase());
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain('Aktueller Status');
    await expectFocusOn(page, 'kf-status-ergebnis');
    expect(await page.locator('#kf-status-ergebnis').innerText()).toBe('Aktueller Status: In Bearbeitung');
    const history = await page.locator('#kf-status-verlauf').innerText();
    expect(history).toContain('Eingegangen');
    expect(history).toContain('In Bearbeitung');
    expect(await page.locator('main').innerText()).not.toContain('Erika');
    await expectNoAxeViolations(page, 'status page with a status');
    await page.close();
  }, 60_000);

  it('When staff of the participant open the submission, then they see and download both attachments and the PDF; another participant gets 404 for all three', async () => {
    const url = new URL(server.baseUrl);
    await context.addCookies([{ name: erkelenz.cookie.split('=')[0]!, value: erkelenz.cookie.split('=').slice(1).join('='), domain: url.hostname, path: '/' }]);
    const page = await openPage();
    await page.goto(`${server.baseUrl}/staff/eingang/${submissionId}`);
    await page.locator('text=Anlagen des Antrags').waitFor({ timeout: 15_000 });
    await expectNoAxeViolations(page, 'staff submission with attachments');
    const table = await page.locator('table').filter({ hasText: 'Mietbescheinigung.pdf' }).innerText();
    expect(table).toContain('Foto.png');
    expect(table).toContain('nicht geprüft');
    for (const name of ['Mietbescheinigung.pdf', 'Foto.png', 'Antrag als PDF herunterladen']) {
      await page.getByRole('link', { name }).focus();
      const download = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      const saved = join(downloads, `staff-${name}`);
      await (await download).saveAs(saved);
      expect((await readFile(saved)).length).toBeGreaterThan(0);
    }
    await page.close();

    const gangelt = await createStaffSession(server, 'gangelt');
    const attachments = (await (await fetch(`${server.baseUrl}/api/v1/staff/submissions/${submissionId}/attachments`, { headers: { cookie: erkelenz.cookie } })).json()) as { items: { id: string }[] };
    const paths = [...attachments.items.map((a) => `/submissions/${submissionId}/attachments/${a.id}`), `/submissions/${submissionId}/pdf`];
    expect(paths).toHaveLength(3);
    for (const path of paths) expect((await fetch(`${server.baseUrl}/api/v1/staff${path}`, { headers: { cookie: gangelt.cookie } })).status).toBe(404);
    expect(problems).toEqual([]);
  }, 60_000);
});
