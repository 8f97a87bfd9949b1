import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../helpers/startServer.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the form page paints its first step without a request waterfall', () => {
  it('When a citizen opens a form, then the definition comes with the page, the preloaded code is used, and nothing breaks the CSP', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP: ${text}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });

    await page.goto(`${server.baseUrl}/erkelenz/leistungen/hundesteuer-anmeldung/antrag`);
    await page.locator('#kf-schritt').waitFor();
    await page.locator('form input, form select').first().waitFor();
    // Preloads that were not used would be reported as console warnings after a few seconds.
    await page.waitForTimeout(3500);

    expect(requests.filter((path) => path === '/api/v1/tenants/erkelenz/services/hundesteuer-anmeldung')).toEqual([]);
    expect(requests.filter((path) => path.startsWith('/api/v1/validators/hundesteuer-anmeldung/'))).toHaveLength(1);
    // Each preloaded script is fetched once: the module imports take the preloaded responses.
    const scripts = requests.filter((path) => path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(2);
    expect(scripts).toEqual([...new Set(scripts)]);
    expect(await page.evaluate(() => document.getElementById('kf-definition'))).toBeNull();
    expect(problems).toEqual([]);
    const result = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
    await context.close();
  });

  it('When a citizen moves from the service page to the form, then the definition the page came with is used for both', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${server.baseUrl}/erkelenz/leistungen/hundesteuer-anmeldung`);
    await page.locator('h1').first().waitFor();
    await page.locator('a[href$="/hundesteuer-anmeldung/antrag"]').first().click();
    await page.locator('#kf-schritt').waitFor();
    expect(requests.filter((path) => path === '/api/v1/tenants/erkelenz/services/hundesteuer-anmeldung')).toEqual([]);
    await context.close();
  });

  it('When a citizen opens a form, then the page itself shows the first step, without a script, its submit button waiting for the app', async () => {
    const response = await fetch(`${server.baseUrl}/erkelenz/leistungen/hundesteuer-anmeldung/antrag`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const app = html.slice(html.indexOf('<div id="root">'), html.indexOf('<noscript>'));
    expect(app).toContain('id="kf-schritt"');
    expect(app).toContain('<input id="root_halter_vorname"');
    expect(app).toContain('<select id="root_halter_anrede"');
    expect(app).toMatch(/<button type="submit" class="kern-btn kern-btn--primary" disabled="">/);
    expect(app).not.toContain('<script');
  });

  it('When the app arrives after the citizen has begun, then it takes the page over as it is and keeps what was entered', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    // The app's entry is held back until the citizen has typed, chosen and pressed Enter.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/portal-[^/]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${server.baseUrl}/erkelenz/leistungen/hundesteuer-anmeldung/antrag`, { waitUntil: 'commit' });
    await page.locator('#root_halter_vorname').waitFor();
    await page.locator('#root_halter_vorname').fill('Erika');
    await page.locator('#root_halter_anrede').selectOption({ label: 'Frau' });
    await page.locator('#root_halter_vorname').press('Enter');
    expect(await page.locator('button[type=submit]').isDisabled()).toBe(true);
    expect(new URL(page.url()).search).toBe('');
    await page.evaluate(() => ((document.getElementById('kf-schritt') as HTMLElement & { fromServer?: boolean }).fromServer = true));

    release();
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled === false);
    // Hydrated, not rendered anew: the server's elements are still there.
    expect(await page.evaluate(() => (document.getElementById('kf-schritt') as HTMLElement & { fromServer?: boolean }).fromServer)).toBe(true);
    await page.locator('button[type=submit]').click();
    const summary = page.locator('#kf-fehleruebersicht');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Familienname');
    expect(await summary.textContent()).not.toContain('Vorname');
    expect(await summary.textContent()).not.toContain('Anrede');
    expect(await page.locator('#root_halter_vorname').inputValue()).toBe('Erika');
    expect(await page.locator('#root_halter_anrede option:checked').textContent()).toBe('Frau');
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("When any served version of any catalogue form is opened, then the app takes the server's first step over without rendering it anew", { timeout: 240_000 }, async () => {
    // Every (service, version) some participant serves, each opened at the first participant that serves it.
    const tenants = ((await (await fetch(`${server.baseUrl}/api/v1/tenants`)).json()) as { items: { slug: string }[] }).items;
    const pages = new Map<string, string>();
    for (const { slug } of tenants) {
      const services = ((await (await fetch(`${server.baseUrl}/api/v1/tenants/${slug}/services`)).json()) as { items: { id: string; version: string }[] }).items;
      for (const { id, version } of services) if (!pages.has(`${id}@${version}`)) pages.set(`${id}@${version}`, `/${slug}/leistungen/${id}/antrag`);
    }
    expect(pages.size).toBeGreaterThanOrEqual(15);
    const context = await browser.newContext({ locale: 'de-DE' });
    const failures: string[] = [];
    for (const [form, path] of pages) {
      const page = await context.newPage();
      page.on('console', (message) => message.type() === 'error' && failures.push(`${form}: ${message.text()}`));
      page.on('pageerror', (error) => failures.push(`${form}: ${error.message}`));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/portal-[^/]+\.js$/, async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(`${server.baseUrl}${path}`, { waitUntil: 'commit' });
      await page.locator('#kf-schritt').waitFor();
      await page.evaluate(() => ((document.getElementById('kf-schritt') as HTMLElement & { fromServer?: boolean }).fromServer = true));
      release();
      await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled === false);
      if (!(await page.evaluate(() => (document.getElementById('kf-schritt') as HTMLElement & { fromServer?: boolean }).fromServer))) failures.push(`${form}: rendered anew`);
      await page.close();
    }
    expect(failures).toEqual([]);
    await context.close();
  });
});
