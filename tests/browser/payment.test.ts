import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../engine/index.ts';
import { createXBezahldiensteStandIn, type XBezahldiensteStandIn } from '../../server/payments/standin/createXBezahldiensteStandIn.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';
import { detectDateTyping, KeyboardFormFiller, type DateTyping } from './fillFormWithKeyboard.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const SERVICE = 'bewohnerparkausweis';
const CLIENT = { clientId: 'kreisform-erkelenz', clientSecret: 'standin-geheim-erk-browser', originatorId: 'kreisform-bpa', endPointId: '05370004' };

type Data = Record<string, never>;

let server: StartedServer;
let standIn: XBezahldiensteStandIn;
let browser: Browser;
let context: BrowserContext;
let dates: DateTyping;
let admin: StaffSessionForTest;
const problems: string[] = [];

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, `axe on ${what}`).toEqual([]);
}

async function pressOn(page: Page, name: string | RegExp, role: 'button' | 'link' = 'button', within?: string): Promise<void> {
  const target = (within ? page.getByRole('navigation', { name: within }) : page).getByRole(role, { name, exact: typeof name === 'string' });
  await target.waitFor({ timeout: 10_000 });
  await target.focus();
  await page.keyboard.press('Enter');
}

describe('Online payment in the browser (keyboard only)', () => {
  beforeAll(async () => {
    standIn = createXBezahldiensteStandIn({ clients: [CLIENT] });
    const standInUrl = await standIn.listen(0);
    server = await startServer();
    admin = await createStaffSession(server, 'erkelenz', 'admin');
    const put = async (path: string, body: unknown) => {
      const response = await fetch(`${server.baseUrl}/api/v1/staff${path}`, { method: 'PUT', headers: admin.headers(), body: JSON.stringify(body) });
      expect(response.status, path).toBe(200);
    };
    await put('/payment-provider', { kind: 'xbezahldienste', baseUrl: standInUrl, ...CLIENT, fixedCostCents: 25, percentBasisPoints: 150 });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    context = await browser.newContext({ locale: 'de-DE' });
    const scratch = await context.newPage();
    dates = await detectDateTyping(scratch);
    await scratch.close();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await standIn?.close();
  });

  it('When Erkelenz sets its fee and a citizen applies for a Bewohnerparkausweis there, cancels, returns to the review and pays, then the reference shows, staff see the payment and the report has only Erkelenz', async () => {
    const data = JSON.parse(readFileSync(join(ROOT, 'forms', SERVICE, 'fixtures', 'valid', '01-minimal.json'), 'utf8')) as Data;
    const definition = (await (await fetch(`${server.baseUrl}/api/v1/tenants/erkelenz/services/${SERVICE}`)).json()) as FormDefinition;
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()} (${page.url()})`);
    });

    // Erkelenz's admin sets its own fee on the "Zahlungen" page.
    const staffPage = await context.newPage();
    await staffPage.goto(`${server.baseUrl}/staff/`);
    await staffPage.getByLabel('E-Mail-Adresse').focus();
    await staffPage.keyboard.type(admin.email);
    await staffPage.getByLabel('Passwort').focus();
    await staffPage.keyboard.type(admin.password);
    await staffPage.keyboard.press('Enter');
    await pressOn(staffPage, 'Zahlungen', 'link', 'Hauptnavigation');
    await staffPage.getByLabel(/Gebühr in Cent/).waitFor({ timeout: 10_000 });
    await expect.poll(() => staffPage.getByLabel(/Client-Id/).inputValue(), { timeout: 10_000 }).toBe(CLIENT.clientId);
    expect(await staffPage.getByLabel(/Client-Secret/).inputValue()).toBe('');
    await staffPage.getByLabel(/Gebühr in Cent/).focus();
    await staffPage.keyboard.type('3050');
    await pressOn(staffPage, 'Gebühr speichern');
    await staffPage.getByText('Gebühr für bewohnerparkausweis gespeichert: 30,50 €.').waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(staffPage, 'payments page');

    await page.goto(`${server.baseUrl}/erkelenz/leistungen/${SERVICE}`);
    await expect.poll(() => page.locator('#kf-gebuehr').innerText().catch(() => '')).toBe('30,50 € (online zu bezahlen)');
    await expectNoAxeViolations(page, 'service page with fee');
    await pressOn(page, 'Antrag online stellen', 'link');
    const filler = new KeyboardFormFiller(page, dates);
    const steps = definition.steps ?? [{ title: definition.title, properties: Object.keys(definition.schema.properties as object) }];
    for (const step of steps) {
      await page.locator('.kf-form button[type=submit]:enabled').waitFor();
      await filler.fill(data, step.properties);
      await page.locator('.kf-form button[type=submit]').focus();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(100);
    }
    await page.getByRole('button', { name: 'Zahlungspflichtig beantragen' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#kf-gebuehr-betrag').innerText()).toBe('Zu zahlen: 30,50 €');
    await expectNoAxeViolations(page, 'review page with fee');
    const answersShown = await page.locator('.kf-review dd').allInnerTexts();
    expect(answersShown.length).toBeGreaterThan(0);

    // Cancel at the provider: back to the review with the answers intact, nothing received.
    await pressOn(page, 'Zahlungspflichtig beantragen');
    await pressOn(page, 'Zahlung abbrechen');
    await pressOn(page, 'Zurück zur Prüfung Ihrer Angaben');
    await page.getByRole('button', { name: 'Zahlungspflichtig beantragen' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.kf-review dd').allInnerTexts()).toEqual(answersShown);

    // Pay at the stand-in provider.
    await pressOn(page, 'Zahlungspflichtig beantragen');
    await page.getByRole('button', { name: 'Jetzt 30,50 € bezahlen' }).waitFor({ timeout: 10_000 });
    expect(page.url().startsWith(`http://127.0.0.1:`)).toBe(true);
    await pressOn(page, 'Jetzt 30,50 € bezahlen');
    const reference = (await page.locator('.kf-reference').innerText({ timeout: 15_000 })).trim();
    expect(reference).toMatch(/^ERK-\d{4}-\d{6}$/);
    expect(await page.locator('#kf-bezahlt').innerText()).toMatch(/^Bezahlt: 30,50 € \(Zahlungsreferenz SI-[0-9A-F]{10}\)/);
    expect(new URL(page.url()).pathname).toBe('/erkelenz/zahlung');
    await expectNoAxeViolations(page, 'payment confirmation');

    // Staff of Erkelenz see the payment in the inbox.
    await pressOn(staffPage, 'Posteingang', 'link', 'Hauptnavigation');
    const row = staffPage.locator('tr', { hasText: reference });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toMatch(/bezahlt · 30,50 € · SI-[0-9A-F]{10}/);
    await expectNoAxeViolations(staffPage, 'inbox with payment');
    await pressOn(staffPage, reference, 'link');
    await staffPage.getByRole('heading', { name: 'Zahlung', exact: true }).waitFor({ timeout: 10_000 });
    const paymentDetails = await staffPage.locator('section', { has: staffPage.getByRole('heading', { name: 'Zahlung', exact: true }) }).innerText();
    expect(paymentDetails).toContain('30,50 €');
    expect(paymentDetails).toMatch(/SI-[0-9A-F]{10}/);
    expect(paymentDetails).toContain('0,71 €');
    await expectNoAxeViolations(staffPage, 'submission with payment');

    // The Kreis' report of the year: Erkelenz's transaction cost (25 ct + 1.50 % = 71 ct), no other participant.
    const kreis = await createStaffSession(server, 'kreis-heinsberg', 'editor');
    const kreisContext = await browser.newContext({ locale: 'de-DE' });
    const reportPage = await kreisContext.newPage();
    await reportPage.goto(`${server.baseUrl}/staff/`);
    await reportPage.getByLabel('E-Mail-Adresse').focus();
    await reportPage.keyboard.type(kreis.email);
    await reportPage.getByLabel('Passwort').focus();
    await reportPage.keyboard.type(kreis.password);
    await reportPage.keyboard.press('Enter');
    await pressOn(reportPage, 'Kostenberichte', 'link', 'Hauptnavigation');
    const table = reportPage.locator('table', { hasText: 'Zahlungen und Transaktionskosten' });
    await table.waitFor({ timeout: 10_000 });
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split('\t').map((cell) => cell.trim())).toEqual(['Erkelenz', SERVICE, '1', '30,50 €', '0,71 €', '0']);
    await expectNoAxeViolations(reportPage, 'reports with payments');
    await kreisContext.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
