import type { Page } from 'playwright-core';
import { isUploadRef, sampleFileFor } from '../helpers/uploadSamples.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface DateTyping {
  /** Order of the date segments the browser's date input expects, e.g. ['month', 'day', 'year']. */
  order: ('day' | 'month' | 'year')[];
}

/**
 * Finds how this Chromium's <input type=date> orders its segments (it follows the browser's UI language, not the
 * page): types 01, 02, 2000 into a scratch input and reads the ISO value back.
 */
export async function detectDateTyping(page: Page): Promise<DateTyping> {
  await page.setContent('<input id="d" type="date">');
  await page.focus('#d');
  await page.keyboard.type('01022000');
  const value = await page.inputValue('#d');
  return { order: value === '2000-02-01' ? ['day', 'month', 'year'] : value === '2000-01-02' ? ['month', 'day', 'year'] : ['year', 'month', 'day'] };
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDataUrl(value: string): { name: string; mimeType: string; buffer: Buffer } | undefined {
  const match = /^data:([^;,]*)(?:;name=([^;,]+))?;base64,(.*)$/.exec(value);
  if (!match) return undefined;
  return { mimeType: match[1] || 'application/octet-stream', name: decodeURIComponent(match[2] ?? 'datei'), buffer: Buffer.from(match[3]!, 'base64') };
}

/**
 * Fills an rjsf form with the KEYBOARD, walking a fixture: each control is found by its rjsf id (root_<path>),
 * focused, and given its value by typing or key presses (select: Home + ArrowDown; radio/checkbox: Space; list:
 * Enter on the add button). Only file inputs use setInputFiles (no keyboard path to the OS file dialog); a file
 * reference `{ token, name, type, size, sha256 }` (x-upload) chooses the sample file it describes (tests/fixtures/uploads).
 */
export class KeyboardFormFiller {
  constructor(
    private readonly page: Page,
    private readonly dates: DateTyping,
  ) {}

  /** Fills the given top-level properties (one step) of `data`. */
  async fill(data: { [key: string]: Json }, only?: readonly string[]): Promise<void> {
    for (const [key, value] of Object.entries(data)) {
      if (only && !only.includes(key)) continue;
      await this.fillValue(['root', key], value);
    }
  }

  private async fillValue(path: string[], value: Json): Promise<void> {
    const id = path.join('_');
    if (isUploadRef(value)) {
      await this.chooseUpload(id, value);
      return;
    }
    if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) await this.fillValue([...path, key], child);
      return;
    }
    if (Array.isArray(value)) {
      await this.fillArray(id, path, value);
      return;
    }
    const page = this.page;
    // A control may appear only once an earlier answer made it relevant (if/then): give it a moment.
    const control = page.locator(`[id="${id}"], [id="${id}-0"]`).first();
    await control.waitFor({ state: 'attached', timeout: 15_000 });
    const info = await control.evaluate((element) => ({
      tag: element.tagName.toLowerCase(),
      type: (element as HTMLInputElement).type,
      id: element.id,
      checked: (element as HTMLInputElement).checked,
    }));
    if (info.tag === 'select') return this.chooseOption(id, value);
    if (info.type === 'radio') {
      const radio = page.locator(`input[name="${id}"][data-value='${JSON.stringify(value)}']`);
      await radio.focus();
      await page.keyboard.press('Space');
      return;
    }
    if (info.type === 'checkbox') {
      if (info.checked !== Boolean(value)) {
        await control.focus();
        await page.keyboard.press('Space');
      }
      return;
    }
    if (info.type === 'file') {
      const file = typeof value === 'string' ? parseDataUrl(value) : undefined;
      if (file) await control.setInputFiles(file);
      return;
    }
    if (info.type === 'date' && typeof value === 'string') {
      const [year, month, day] = value.split('-');
      await control.focus();
      const parts = { year: year!, month: month!, day: day! };
      for (const segment of this.dates.order) await page.keyboard.type(parts[segment]);
      await page.keyboard.press('Tab');
      return;
    }
    await control.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(String(value));
    await page.keyboard.press('Tab');
  }

  /**
   * A file reference (fixtures of x-upload fields): its sample file goes to the field's file input. The upload widget
   * uploads it at once; the walk waits until the widget shows the uploaded file. A field of an older version
   * (data-URL file widget) simply reads the same file.
   */
  private async chooseUpload(id: string, ref: Parameters<typeof sampleFileFor>[0]): Promise<void> {
    const input = this.page.locator(`input[type=file][id="${id}"]`);
    await input.waitFor({ state: 'attached', timeout: 15_000 });
    const isUploadWidget = await input.evaluate((element) => element.closest('.kf-upload') !== null);
    await input.setInputFiles(sampleFileFor(ref));
    if (!isUploadWidget) return;
    const shown = this.page.locator(`[id="${id}__file"]`);
    await shown.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      const problem = await this.page.locator(`[id="${id}__upload-error"]`).innerText({ timeout: 500 }).catch(() => 'no upload error shown');
      throw new Error(`upload of ${ref.name} into #${id} did not finish: ${problem} ${String(error)}`);
    });
    const text = await shown.innerText();
    if (!text.includes(ref.name)) throw new Error(`#${id} shows ${text}, expected ${ref.name}`);
  }

  private async chooseOption(id: string, value: Json): Promise<void> {
    const page = this.page;
    const select = page.locator(`[id="${id}"]`);
    const values = await select.locator('option').evaluateAll((options) => options.map((option) => option.getAttribute('data-value')));
    const index = values.indexOf(JSON.stringify(value));
    if (index < 0) throw new Error(`No option ${JSON.stringify(value)} in #${id}`);
    await select.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
  }

  private async fillArray(id: string, path: string[], values: Json[]): Promise<void> {
    const page = this.page;
    if (values.length === 0) return;
    // Like a single control, a list may appear only once an earlier answer made it relevant: wait for any of its forms.
    await page
      .locator(`input[type=checkbox][name="${id}"], input[type=file][id="${id}"], [id="${id}__add"], [id^="${id}_0"]`)
      .first()
      .waitFor({ state: 'attached', timeout: 15_000 });
    const checkboxes = page.locator(`input[type=checkbox][name="${id}"]`);
    if ((await checkboxes.count()) > 0) {
      for (const value of values) {
        await page.locator(`input[type=checkbox][name="${id}"][data-value='${JSON.stringify(value)}']`).focus();
        await page.keyboard.press('Space');
      }
      return;
    }
    const fileInput = page.locator(`input[type=file][id="${id}"]`);
    if ((await fileInput.count()) > 0) {
      await fileInput.setInputFiles(values.flatMap((value) => (typeof value === 'string' ? [parseDataUrl(value)!] : isUploadRef(value) ? [sampleFileFor(value)] : [])));
      return;
    }
    const add = page.locator(`[id="${id}__add"]`);
    for (let index = 0; index < values.length; index++) {
      const itemId = `${id}_${index}`;
      if ((await page.locator(`[id^="${itemId}"]`).count()) === 0) {
        await add.focus();
        await page.keyboard.press('Enter');
        await page.locator(`[id^="${itemId}"]`).first().waitFor({ state: 'attached', timeout: 15_000 });
      }
      await this.fillValue([...path, String(index)], values[index]!);
    }
  }
}
