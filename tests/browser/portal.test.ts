import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PARTICIPANTS } from '../../engine/participants.ts';
import type { FormDefinition } from '../../engine/index.ts';
import { hashResumeCode } from '../../server/usecases/hashResumeCode.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';
import { sampleFileFor, withDataUrls, withoutUploadTokens, type SampleFile, type UploadRefValue } from '../helpers/uploadSamples.ts';
import { detectDateTyping, KeyboardFormFiller, type DateTyping } from './fillFormWithKeyboard.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FORMS = join(ROOT, 'forms');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

type Data = Record<string, never>;
interface ServedDefinition extends FormDefinition {
  tenant: { slug: string };
}

let server: StartedServer;
let browser: Browser;
let context: BrowserContext;
let dates: DateTyping;
const problems: string[] = [];
const staffSessions = new Map<string, StaffSessionForTest>();

/** A page whose console errors, uncaught errors and CSP violations are collected into `problems`. */
async function openPage(allowed: RegExp[] = []): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const text = `${message.type()}: ${message.text()} (${page.url()})`;
    if (!allowed.some((pattern) => pattern.test(text))) problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message} (${page.url()})`));
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return page;
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, `axe on ${what}`).toEqual([]);
}

function listServiceIds(): string[] {
  return readdirSync(FORMS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function firstValidFixture(service: string): { name: string; data: Data } {
  const dir = join(FORMS, service, 'fixtures', 'valid');
  const name = readdirSync(dir).filter((file) => file.endsWith('.json')).sort()[0]!;
  return { name, data: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Data };
}

async function getJson<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** A participant serving `service` under which the fixture is valid (fixtures follow the newest version). */
async function findPortalFor(service: string, data: Data): Promise<{ tenant: string; definition: ServedDefinition } | undefined> {
  for (const participant of PARTICIPANTS) {
    const response = await fetch(`${server.baseUrl}/api/v1/tenants/${participant.slug}/services/${service}`);
    if (response.status !== 200) continue;
    const definition = (await response.json()) as ServedDefinition;
    if (server.deps.validator.validate(definition, data).valid) return { tenant: participant.slug, definition };
  }
  return undefined;
}

async function staffSession(tenant: string): Promise<StaffSessionForTest> {
  let session = staffSessions.get(tenant);
  if (!session) {
    session = await createStaffSession(server, tenant, 'staff');
    staffSessions.set(tenant, session);
  }
  return session;
}

async function pressSubmit(page: Page): Promise<void> {
  await page.locator('.kf-form button[type=submit]').focus();
  await page.keyboard.press('Enter');
}

/**
 * Waits until the focus sits on the element the portal moves it to after a page or step change. Keys pressed
 * before that could land on the control the focus is leaving, so the keyboard walk waits for it, and it checks
 * the portal's focus management on the way.
 */
async function expectFocusOn(page: Page, id: string, where: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? ''), { message: `focus on #${id} (${where})`, timeout: 10_000 }).toBe(id);
}

/** What the form shows when a step did not move on: its error summary, for the failure message. */
async function describeStuckStep(page: Page): Promise<string> {
  return page.locator('#kf-fehleruebersicht').innerText({ timeout: 1000 }).catch(() => 'no error summary');
}

beforeAll(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const scratch = await context.newPage();
  dates = await detectDateTyping(scratch);
  await scratch.close();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  const found = problems.splice(0);
  expect(found, 'console errors, page errors or CSP violations').toEqual([]);
});

describe('citizen portals', () => {
  it('When each participant portal is opened, then it shows its own name and its catalogue, and the start page has no axe violations', async () => {
    const page = await openPage();
    for (const participant of PARTICIPANTS) {
      const response = await page.goto(`${server.baseUrl}/${participant.slug}/`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await expect.poll(() => page.locator('.kf-header').innerText()).toContain(participant.portalName);
      const offered = await getJson<{ items: { title: string }[] }>(`/api/v1/tenants/${participant.slug}/services`);
      await page.locator('.kf-catalogue, [role=status]').first().waitFor();
      await expect.poll(() => page.locator('.kf-catalogue h3').count()).toBe(offered.items.length);
      expect(await page.title()).toContain(participant.portalName);
      if (participant.slug === 'erkelenz') await expectNoAxeViolations(page, 'start page');
    }
    await page.close();
  });

  it('When a citizen searches the catalogue, then only matching services remain', async () => {
    const page = await openPage();
    await page.goto(`${server.baseUrl}/erkelenz/`);
    await page.locator('.kf-catalogue h3').first().waitFor();
    await page.locator('#kf-suche').focus();
    await page.keyboard.type('hund');
    await expect.poll(async () => (await page.locator('.kf-catalogue h3').allInnerTexts()).every((title) => /hund/i.test(title))).toBe(true);
    expect(await page.locator('.kf-catalogue h3').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('When a participant recorded local contact details, then its service page shows them', async () => {
    await server.deps.storage.localDetails.put(
      'wegberg',
      'sperrmuell-anmeldung',
      { office: 'Bürgerbüro Wegberg', contact: 'Frau Beispiel', phone: '02434 83-0', email: 'buergerbuero@example.org', notificationEmail: 'intern@example.org', openingHours: 'Mo–Fr 8–12 Uhr', address: 'Rathausplatz 25\n41844 Wegberg', feeAmounts: {} },
      new Date().toISOString(),
      'test',
    );
    const page = await openPage();
    await page.goto(`${server.baseUrl}/wegberg/leistungen/sperrmuell-anmeldung`);
    await page.locator('#kf-kontakt').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Bürgerbüro Wegberg');
    expect(text).toContain('02434 83-0');
    expect(text).not.toContain('intern@example.org');
    await page.close();
  });

  it('When an unknown participant, service or page is requested, then a German 404 page answers with status 404', async () => {
    const page = await openPage([/status of 404/]);
    for (const path of ['/nirgendwo/', '/erkelenz/leistungen/gibt-es-nicht', '/erkelenz/unbekannte-seite']) {
      const response = await page.goto(`${server.baseUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      await expect.poll(() => page.locator('h1').innerText()).toBe('Seite nicht gefunden');
    }
    await page.close();
  });

  it('When the portal links its accessibility statement and the barrier report, then a report is stored', async () => {
    const page = await openPage();
    await page.goto(`${server.baseUrl}/gangelt/`);
    await page.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Erklärung zur Barrierefreiheit');
    await page.getByRole('link', { name: 'Barriere melden' }).first().click();
    await page.locator('#kf-meldung').waitFor();
    await expectFocusOn(page, 'kf-seitentitel', 'feedback page');
    await page.locator('#kf-meldung').focus();
    await page.keyboard.type('Der Kontrast der Fußzeile ist zu gering.');
    await page.locator('button[type=submit]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#kf-gesendet').waitFor();
    const stored = await server.deps.storage.accessibilityFeedback.listByTenant('gangelt');
    expect(stored.map((entry) => entry.message)).toContain('Der Kontrast der Fußzeile ist zu gering.');
    await page.close();
  });
});

describe('forms', () => {
  it('When a required field is left empty, then the error summary takes the focus and links to the field', async () => {
    const page = await openPage();
    await page.goto(`${server.baseUrl}/erkelenz/leistungen/hundesteuer-anmeldung/antrag`);
    await page.locator('.kf-form button[type=submit]:enabled').waitFor();
    await pressSubmit(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('kf-fehleruebersicht');
    const firstLink = page.locator('#kf-fehleruebersicht a').first();
    const target = ((await firstLink.getAttribute('href')) ?? '').slice(1);
    expect(target).toMatch(/^root_/);
    const describedBy = await page.locator(`[id="${target}"]`).getAttribute('aria-describedby');
    expect(describedBy).toContain(`${target}__error`);
    expect(await page.locator(`[id="${target}__error"]`).innerText()).toContain('Bitte');
    await expectNoAxeViolations(page, 'form in its error state');
    await firstLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(target);
    await page.close();
  });

  it('When a citizen saves a draft, then the resume link opens the form with the answers', async () => {
    const page = await openPage();
    await page.goto(`${server.baseUrl}/erkelenz/leistungen/hundesteuer-anmeldung/antrag`);
    await page.locator('.kf-form button[type=submit]:enabled').waitFor();
    const input = page.locator('input[id$="_vorname"]').first();
    const inputId = await input.getAttribute('id');
    await input.focus();
    await page.keyboard.type('Erika');
    await page.getByRole('button', { name: 'Zwischenspeichern' }).focus();
    await page.keyboard.press('Enter');
    const code = (await page.locator('#kf-zwischenstand code').innerText()).trim();
    expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const link = await page.locator('#kf-zwischenstand a').getAttribute('href');
    expect(link).toBe(`/erkelenz/fortsetzen#${code}`);
    const resumed = await openPage();
    await resumed.goto(`${server.baseUrl}${link}`);
    await resumed.locator(`[id="${inputId}"]`).waitFor();
    expect(await resumed.inputValue(`[id="${inputId}"]`)).toBe('Erika');
    expect(resumed.url()).toBe(`${server.baseUrl}/erkelenz/leistungen/hundesteuer-anmeldung/antrag`);
    await resumed.close();
    await page.close();
  });

  it('When a draft saved under an older compatible version is resumed, then the form opens with the answers and a notice', async () => {
    const code = 'E'.repeat(32);
    await server.deps.storage.citizenDrafts.create({
      codeHash: hashResumeCode(code)!,
      tenant: 'geilenkirchen',
      serviceId: 'hundesteuer-anmeldung',
      version: '1.0.0',
      data: { halter: { vorname: 'Erika' }, altesFeld: 'nicht mehr gefragt' },
      createdAt: new Date().toISOString(),
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    const page = await openPage();
    await page.goto(`${server.baseUrl}/geilenkirchen/fortsetzen#${code}`);
    await page.locator('#root_halter_vorname').waitFor();
    expect(await page.inputValue('#root_halter_vorname')).toBe('Erika');
    const notice = await page.locator('.kern-alert--info').innerText();
    expect(notice).toContain('Version 1.0.0');
    expect(notice).toContain('altesFeld');
    await page.close();
  });

  it('When a citizen sends a step while a chosen file is still being read, then the step waits for the file and keeps it', async () => {
    const service = 'sondernutzungserlaubnis';
    // Files read in the browser are those of a version published before x-upload (data-URL fields).
    const fixture = { data: withDataUrls(firstValidFixture(service).data) };
    const portal = await findPortalFor(service, fixture.data);
    expect(portal, `a participant serving a data-URL version of ${service}`).toBeDefined();
    const [first, second, third] = portal!.definition.steps!;
    const page = await openPage();
    await page.goto(`${server.baseUrl}/${portal!.tenant}/leistungen/${service}/antrag`);
    await page.locator('.kf-form button[type=submit]:enabled').waitFor();
    const filler = new KeyboardFormFiller(page, dates);
    await filler.fill(fixture.data, first!.properties);
    await pressSubmit(page);
    await expect.poll(() => page.locator('#kf-fortschritt').innerText()).toBe('Schritt 2 von 3');
    await expectFocusOn(page, 'kf-schritt', 'step 2');
    const { lageplan: _chosenBelow, ...place } = (fixture.data as unknown as { ort: Record<string, never> }).ort;
    await filler.fill({ ...fixture.data, ort: place } as unknown as Data, second!.properties);
    // Choosing the file and sending the step in one task: the submit comes before the browser has read the file.
    await page.evaluate(() => {
      const input = document.getElementById('root_ort_lageplan') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(4_000_000).fill(37)], 'lageplan.pdf', { type: 'application/pdf' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      document.querySelector<HTMLButtonElement>('.kf-form button[type=submit]')!.click();
    });
    await expect
      .poll(() => page.locator('#kf-fortschritt').innerText(), { timeout: 10_000 })
      .toBe('Schritt 3 von 3')
      .catch(async (error: unknown) => {
        throw new Error(`step 3 not reached: ${await describeStuckStep(page)} ${String(error)}`);
      });
    await expectFocusOn(page, 'kf-schritt', 'step 3');
    await filler.fill(fixture.data, third!.properties);
    await pressSubmit(page);
    await page.getByRole('button', { name: 'Antrag absenden' }).waitFor({ timeout: 10_000 });
    expect((await page.locator('.kf-review').allInnerTexts()).join('\n')).toContain('lageplan.pdf');
    await page.close();
  });

  for (const service of listServiceIds()) {
    it(`When ${service} is filled with its first valid fixture by keyboard, then it is received and staff find it`, async () => {
      const fixture = firstValidFixture(service);
      const portal = await findPortalFor(service, fixture.data);
      expect(portal, `a participant serving ${service} for which ${fixture.name} is valid`).toBeDefined();
      const { tenant, definition } = portal!;
      const page = await openPage();
      const checkAxe = service === 'hundesteuer-anmeldung';
      await page.goto(`${server.baseUrl}/${tenant}/leistungen/${service}`);
      await expect.poll(() => page.locator('h1').innerText()).toBe(definition.title);
      if (checkAxe) await expectNoAxeViolations(page, 'service page');
      await page.getByRole('link', { name: 'Antrag online stellen' }).focus();
      await page.keyboard.press('Enter');
      const filler = new KeyboardFormFiller(page, dates);
      const steps = definition.steps ?? [{ title: definition.title, properties: Object.keys(definition.schema.properties as object) }];
      for (const [index, step] of steps.entries()) {
        await page.locator('.kf-form button[type=submit]:enabled').waitFor();
        if (steps.length > 1) expect(await page.locator('#kf-fortschritt').innerText()).toBe(`Schritt ${index + 1} von ${steps.length}`);
        // The page heading takes the focus after the navigation, the step heading after "Weiter".
        await expectFocusOn(page, index === 0 ? 'kf-seitentitel' : 'kf-schritt', `step ${index + 1}`);
        await filler.fill(fixture.data, step.properties);
        await pressSubmit(page);
        if (index < steps.length - 1) {
          await expect
            .poll(() => page.locator('#kf-fortschritt').innerText(), { timeout: 10_000 })
            .toBe(`Schritt ${index + 2} von ${steps.length}`)
            .catch(async (error: unknown) => {
              throw new Error(`step ${index + 2} not reached: ${await describeStuckStep(page)} ${String(error)}`);
            });
        }
      }
      await page.getByRole('button', { name: 'Antrag absenden' }).waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
        throw new Error(`review page not reached: ${await describeStuckStep(page)} ${String(error)}`);
      });
      await expectFocusOn(page, 'kf-seitentitel', 'review page');
      expect(await page.locator('.kf-review dd').count()).toBeGreaterThan(0);
      if (checkAxe) await expectNoAxeViolations(page, 'review page');
      await page.getByRole('button', { name: 'Antrag absenden' }).focus();
      await page.keyboard.press('Enter');
      const reference = (await page.locator('.kf-reference').innerText({ timeout: 10_000 })).trim();
      await expectFocusOn(page, 'kf-bestaetigung', 'confirmation page');
      const prefix = PARTICIPANTS.find((participant) => participant.slug === tenant)!.referencePrefix;
      expect(reference).toMatch(new RegExp(`^${prefix}-\\d{4}-\\d{6}$`));
      if (checkAxe) {
        await expectNoAxeViolations(page, 'confirmation page');
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Zusammenfassung herunterladen (Textdatei)' }).focus();
        await page.keyboard.press('Enter');
        const file = await download;
        expect(file.suggestedFilename()).toBe(`antrag-${reference}.txt`);
        const text = readFileSync((await file.path())!, 'utf8');
        expect(text).toContain(`Aktenzeichen: ${reference}`);
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.kf-header').isVisible()).toBe(false);
        expect(await page.locator('.kf-reference').isVisible()).toBe(true);
        await page.emulateMedia({ media: 'screen' });
      }
      const session = await staffSession(tenant);
      const inbox = await getJson<{ items: { id: string; reference: string; service: string }[] }>(
        `/api/v1/staff/submissions?service=${service}&pageSize=200`,
        session.headers(),
      );
      const found = inbox.items.find((item) => item.reference === reference);
      expect(found, `submission ${reference} in the staff inbox of ${tenant}`).toBeDefined();
      const stored = await getJson<{ data: unknown }>(`/api/v1/staff/submissions/${found!.id}`, session.headers());
      // A file is stored as its reference with the upload's id instead of the token.
      expect(stored.data).toMatchObject(withoutUploadTokens(fixture.data));
      await page.close();
    });
  }
});

describe('files on the real catalogue', () => {
  it('When a citizen of the Kreis attaches a PDF and a photo to the Schwerbehinderten-Parkausweis (x-upload version) by keyboard and submits, then reference, status code and the PDF listing both files follow; Kreis staff get both files, another participant gets 404', async () => {
    const service = 'schwerbehinderten-parkausweis';
    const tenant = 'kreis-heinsberg';
    const fixture = firstValidFixture(service);
    const { ausweisKopie, lichtbild, ...ausweis } = (fixture.data as unknown as { ausweis: Record<string, UploadRefValue> }).ausweis;
    const pdf: SampleFile = { ...sampleFileFor(ausweisKopie!), name: 'Schwerbehindertenausweis.pdf', mimeType: 'application/pdf' };
    const photo: SampleFile = { ...sampleFileFor(lichtbild!), name: 'Passfoto.png', mimeType: 'image/png' };
    expect(pdf.buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const definition = await getJson<ServedDefinition>(`/api/v1/tenants/${tenant}/services/${service}`);
    expect(definition.version).toBe('2.0.0');
    expect((definition.schema as unknown as { properties: { ausweis: { properties: Record<string, unknown> } } }).properties.ausweis.properties.lichtbild).toHaveProperty('x-upload');
    // The other Kommunen do not offer this Kreis service.
    expect((await fetch(`${server.baseUrl}/api/v1/tenants/heinsberg/services/${service}`)).status).toBe(404);

    const page = await openPage();
    const chosen: SampleFile[] = [];
    page.on('filechooser', (chooser) => {
      const file = chosen.shift();
      if (file) void chooser.setFiles(file);
    });
    const chooseByKeyboard = async (inputId: string, file: SampleFile) => {
      await page.locator(`#${inputId}`).focus();
      await expectFocusOn(page, inputId, `file field ${inputId}`);
      chosen.push(file);
      await page.keyboard.press('Enter');
      await expect.poll(() => chosen.length, { message: `file chooser of #${inputId}`, timeout: 10_000 }).toBe(0);
      await expect.poll(() => page.locator(`#${inputId}__file`).innerText().catch(() => ''), { message: `upload into #${inputId}`, timeout: 15_000 }).toContain(file.name);
    };
    await page.goto(`${server.baseUrl}/${tenant}/leistungen/${service}`);
    await page.getByRole('link', { name: 'Antrag online stellen' }).focus();
    await page.keyboard.press('Enter');
    const filler = new KeyboardFormFiller(page, dates);
    const data = { ...fixture.data, ausweis } as unknown as Data;
    for (const [index, step] of definition.steps!.entries()) {
      await page.locator('.kf-form button[type=submit]:enabled').waitFor();
      await expectFocusOn(page, index === 0 ? 'kf-seitentitel' : 'kf-schritt', `step ${index + 1}`);
      await filler.fill(data, step.properties);
      if (step.properties.includes('ausweis')) {
        // The upload widget states the accepted types and size, and the field's help text describes the control.
        const photoInput = page.locator('#root_ausweis_lichtbild');
        expect(await photoInput.getAttribute('accept')).toBe('image/jpeg,image/png');
        const describedBy = ((await photoInput.getAttribute('aria-describedby')) ?? '').split(' ');
        expect(describedBy).toContain('root_ausweis_lichtbild__help');
        expect(await page.locator('#root_ausweis_lichtbild__help').innerText()).toContain('Passfoto');
        expect(await page.locator('#root_ausweis_lichtbild__description').innerText()).toContain('5 MB');
        await chooseByKeyboard('root_ausweis_ausweisKopie', pdf);
        await chooseByKeyboard('root_ausweis_lichtbild', photo);
      }
      await pressSubmit(page);
    }
    await page.getByRole('button', { name: 'Antrag absenden' }).waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      throw new Error(`review page not reached: ${await describeStuckStep(page)} ${String(error)}`);
    });
    const review = await page.locator('main').innerText();
    expect(review).toContain('Schwerbehindertenausweis.pdf');
    expect(review).toContain('Passfoto.png');
    await page.getByRole('button', { name: 'Antrag absenden' }).focus();
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'kf-bestaetigung', 'confirmation page');
    const reference = (await page.locator('.kf-reference').innerText()).trim();
    const statusCode = (await page.locator('#kf-statuscode-wert').innerText()).trim();
    expect(reference).toMatch(/^KRS-\d{4}-\d{6}$/);
    expect(statusCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

    const downloads = mkdtempSync(join(tmpdir(), 'kreisform-portal-downloads-'));
    try {
      await page.getByRole('button', { name: 'Antrag als PDF herunterladen' }).focus();
      const download = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      const file = join(downloads, 'antrag.pdf');
      await (await download).saveAs(file);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(`Referenz: ${reference}`);
      expect(text).toContain('Schwerbehindertenausweis.pdf');
      expect(text).toContain('Passfoto.png');
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }
    await page.close();

    // The status code works on the Kreis portal only.
    const status = (where: string) =>
      fetch(`${server.baseUrl}/api/v1/tenants/${where}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference, code: statusCode }) });
    expect((await status(tenant)).status).toBe(200);
    expect((await status('heinsberg')).status).toBe(404);

    const kreis = await staffSession(tenant);
    const inbox = await getJson<{ items: { id: string; reference: string }[] }>(`/api/v1/staff/submissions?service=${service}&pageSize=200`, kreis.headers());
    const submission = inbox.items.find((item) => item.reference === reference);
    expect(submission, `submission ${reference} in the Kreis inbox`).toBeDefined();
    const attachments = await getJson<{ items: { id: string; field: string; name: string; type: string; sha256: string }[] }>(
      `/api/v1/staff/submissions/${submission!.id}/attachments`,
      kreis.headers(),
    );
    expect(attachments.items.map(({ field, name, type }) => ({ field, name, type })).sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: '/ausweis/ausweisKopie', name: 'Schwerbehindertenausweis.pdf', type: 'application/pdf' },
      { field: '/ausweis/lichtbild', name: 'Passfoto.png', type: 'image/png' },
    ]);
    for (const attachment of attachments.items) {
      const response = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${submission!.id}/attachments/${attachment.id}`, { headers: kreis.headers() });
      expect(response.status).toBe(200);
      expect(createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex')).toBe(attachment.sha256);
    }
    const other = await staffSession('heinsberg');
    const paths = [`/submissions/${submission!.id}`, `/submissions/${submission!.id}/attachments`, ...attachments.items.map((a) => `/submissions/${submission!.id}/attachments/${a.id}`), `/submissions/${submission!.id}/pdf`];
    for (const path of paths) expect((await fetch(`${server.baseUrl}/api/v1/staff${path}`, { headers: other.headers() })).status, path).toBe(404);
  }, 120_000);
});
