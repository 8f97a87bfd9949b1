import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../engine/generated/FormDefinition.ts';
import { hashPassword } from '../../server/auth/hashPassword.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';
import { SAMPLES_DIR, writeImportedCatalogue } from '../import/importSamples.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: StartedServer;
let browser: Browser;
let context: BrowserContext;
let dir: string;
let definitions: FormDefinition[] = [];
const problems: string[] = [];

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message} (${page.url()})`));
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kreisform-import-browser-'));
  const rendererDir = join(dir, 'renderer');
  await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'error', build: { outDir: rendererDir, emptyOutDir: true } });
  const catalogue = await writeImportedCatalogue(dir);
  definitions = catalogue.definitions;
  server = await startServer({ config: { rendererDir, formsDir: catalogue.formsDir, enablementsFile: catalogue.enablementsFile } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  context = await browser.newContext({ locale: 'de-DE' });
}, 240_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('imported forms in Chromium', () => {
  it('When every imported sample is opened in the portal, then its form renders without console errors (axe on one form per family)', { timeout: 240_000 }, async () => {
    expect(definitions.length).toBeGreaterThanOrEqual(12);
    const page = await openPage();
    const violations: string[] = [];
    const audited = new Set<string>();
    for (const definition of definitions) {
      await page.goto(`${server.baseUrl}/erkelenz/leistungen/${definition.id}/antrag`);
      await page.locator('.kf-form button[type=submit]:enabled').waitFor();
      const firstStep = definition.steps?.[0]?.properties ?? Object.keys(definition.schema.properties);
      const first = firstStep[0];
      if (first) await page.locator(`[id^="root_${first}"]`).first().waitFor({ state: 'attached' });
      // axe takes seconds per page on a busy machine: one full audit per source family.
      const family = definition.source?.kind ?? '';
      if (!audited.has(family)) {
        audited.add(family);
        violations.push(...(await axeViolations(page)).map((violation) => `${definition.id}: ${violation}`));
      }
    }
    await page.close();
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('When a Kreis editor imports a DigiWF form by keyboard, then the draft is created, the German report is shown and the draft opens in the editor', { timeout: 120_000 }, async () => {
    const email = `editor.${randomUUID().slice(0, 6)}@example.org`;
    const password = `Passwort-${randomUUID()}`;
    await server.deps.storage.users.create({ id: randomUUID(), tenant: 'kreis-heinsberg', email, role: 'editor', disabled: false, createdAt: new Date().toISOString(), passwordHash: await hashPassword(password) });
    const page = await openPage();
    await page.goto(`${server.baseUrl}/staff/`);
    await page.getByLabel('E-Mail-Adresse').focus();
    await page.keyboard.type(email);
    await page.getByLabel('Passwort').focus();
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Übersicht' }).waitFor();
    await page.getByRole('link', { name: 'Dienste bearbeiten' }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Formular importieren' }).waitFor();

    // A circular schema is refused with the place of the reference.
    await page.getByLabel('Formular als JSON').focus();
    await page.keyboard.insertText(readFileSync(join(SAMPLES_DIR, 'jsonschema/rjsf-references.json'), 'utf8'));
    await page.getByRole('button', { name: 'Importieren' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Das Formular kann nicht importiert werden.' }).getByText(/zirkulär/).waitFor();

    // A SurveyJS file is uploaded; the form names itself nowhere, so the file name gives title and id.
    await page.getByLabel('Formulardatei (JSON)').setInputFiles(join(SAMPLES_DIR, 'surveyjs/visibleIf.json'));
    await page.getByText('Gewählt: visibleIf.json').waitFor();
    await page.getByRole('button', { name: 'Importieren' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Importbericht: Import visibleIf' }).waitFor();
    await page.getByText('Entwurf „visibleif“ angelegt').waitFor();
    await page.getByRole('cell', { name: /„kids“ ist Pflicht, wenn „haveKids“ den Wert "Yes" hat/ }).waitFor();

    // The DigiWF form: pasted, kind chosen and id typed by keyboard, sent with Enter.
    await page.getByLabel('Formular als JSON').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(readFileSync(join(SAMPLES_DIR, 'digiwf/greeting-startformular.json'), 'utf8'));
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('import-art');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#import-art').inputValue()).toBe('digiwf');
    await page.keyboard.press('Tab');
    await page.keyboard.type('gruss-versenden');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: 'Importbericht: Daten zum Gruß' });
    await heading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('importbericht');
    await page.getByText('Entwurf „gruss-versenden“ angelegt').waitFor();
    await page.getByRole('cell', { name: 'Keine Höchstlänge angegeben; 2000 Zeichen ergänzt (mehrzeiliger Text).' }).waitFor();
    await page.getByRole('cell', { name: '/schema/allOf/0/allOf/1/properties/FormField_Grusstext' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Entwurf im Editor öffnen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Entwurf: Daten zum Gruß' }).waitFor();
    await page.getByText('Aus DigiWF importiert („e8468c2e-4037-45a1-b26c-c25e7d61170c“).').waitFor();
    await page.locator('#vorschau').getByLabel(/Grußtext/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    expect(problems.filter((problem) => !/status of 422/.test(problem))).toEqual([]);
  });
});
