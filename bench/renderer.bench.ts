/**
 * `npm run bench:renderer`: the citizen form renderer in headless Chromium on generated definitions, beside a bare
 * @rjsf/core Form with @rjsf/validator-ajv8 measured in the same run. Prints keystroke latency (keydown event time to
 * the end of React's commit, i.e. a document-level input listener that runs after React's root listener; median and
 * p95 of 60 keystrokes at 1000 fields), the longest main-thread task on the first input and on submit
 * (PerformanceObserver longtask), first paint and interactivity at 200 fields, and the gzip size of the citizen
 * bundle. The kreisform page is served like the portal's form route: server-rendered (its App, KernBenchApp, rendered
 * in this process with react-dom/server once per field count, into #root; no <script> in that markup), the definition
 * as a JSON data block in the page, validator module and validation runtime chunk preloaded; its entry hydrates the
 * markup (like FormPage it renders before the validator has arrived) and shows the review page after a valid submit.
 * The bare page fetches its (preloaded) definition and renders on the client.
 * First paint is the browser's own 'first-contentful-paint' entry on both pages (no page script is involved; the bare
 * page's body is empty until rjsf has rendered, so its FCP is the form's paint), read once the page has settled;
 * "interactive" is the paint after the App's first commit (kreisform: after hydration; harness.markPainted).
 * A hydration mismatch (the page's onRecoverableError) or an uncaught page error fails the run.
 * Ends with the targets of issue 17 and whether each is met.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { toScriptPreload } from '../server/routes/createPortalPagesRouter.ts';
import { createValidatorModuleSource } from '../server/usecases/createValidatorModuleSource.ts';
import { generateBenchDefinition } from './renderer/generateBenchDefinition.ts';
import { HYDRATION_ERROR_PREFIX, PAINTED_MESSAGE } from './renderer/paintedMessage.ts';
// The kreisform page's App without its CSS imports (those are in the page's entry, kern.tsx): rendered here like the
// portal server renders its app.
import { KernBenchApp } from './renderer/KernBenchApp.tsx';
import { createDeferredValidator, needsValidatorToRender } from '../renderer/shared/validation/deferredValidator.ts';
import { DEFINITION_DATA_BLOCK_ID, insertIntoHead, toJsonDataBlock } from '../contract/definitionDataBlock.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(tmpdir(), `kreisform-bench-renderer-${process.pid}`);
const FIELD_COUNTS = [200, 1000];
const KEYSTROKES = 60;
const PAINT_RUNS = 7;
/** Typing and submit are measured in this many fresh pages per variant; the median run is reported. */
const TYPING_RUNS = 3;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.woff2': 'font/woff2' };

type Variant = 'kern' | 'bare';

function vite(config: string, env: Record<string, string>): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', config, '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
}

function gzipSizeOf(dir: string, extension: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .reduce((sum, entry) => sum + gzipSync(readFileSync(join(entry.parentPath, entry.name)), { level: 9 }).length, 0);
}

/**
 * The kreisform page's lazily loaded validation runtime chunk (and what it imports besides the page's own entry),
 * from its build manifest: the portal's form route preloads the same chunk (server: formPageChunks).
 */
function validationRuntimeChunks(outDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[] }>;
  const key = Object.keys(manifest).find((name) => name.endsWith('shared/validation/validatorRuntime.ts'));
  if (!key) return [];
  const chunk = manifest[key]!;
  return [chunk.file, ...(chunk.imports ?? []).filter((name) => !name.endsWith('.html')).map((name) => manifest[name]!.file)];
}

const EMPTY_ROOT = '<div id="root"></div>';

/**
 * The kreisform page for a definition as the portal's form route serves it: the App server-rendered into #root
 * (its first screen: KernForm renders the first fields in its first commit), the definition as a JSON data block.
 */
function renderKernPage(template: string, definition: { schema: Record<string, unknown>; uiSchema: Record<string, unknown> }): string {
  // The bench definitions have no conditionals or choices: rjsf renders them without asking the validator, and
  // KernForm starts loading it in an effect, which does not run on the server.
  if (needsValidatorToRender(definition.schema)) throw new Error('The server render of the benchmark page would need the validator');
  const validator = createDeferredValidator(() => Promise.reject(new Error('The server render does not validate')));
  const app = renderToString(createElement(KernBenchApp, { schema: definition.schema as RJSFSchema, uiSchema: definition.uiSchema as UiSchema, validator }));
  // The portal's strict CSP (script-src 'self', no inline scripts): the rendered markup must carry no script.
  if (/<script/i.test(app)) throw new Error('The server-rendered kreisform page contains a <script>');
  if (template.split(EMPTY_ROOT).length !== 2) throw new Error(`kern.html has no single ${EMPTY_ROOT}`);
  const page = template.replace(EMPTY_ROOT, () => `<div id="root">${app}</div>`);
  return insertIntoHead(page, toJsonDataBlock(DEFINITION_DATA_BLOCK_ID, definition));
}

function serve(dir: string, kernPreloads: readonly string[]): Promise<Server> {
  // Rendered once per field count (as the portal renders once per served version), before the first request: no
  // measured page waits for a render.
  const kernTemplate = readFileSync(join(dir, 'kern.html'), 'utf8');
  const kernPages = new Map(
    FIELD_COUNTS.map((fields) => [String(fields), renderKernPage(kernTemplate, JSON.parse(readFileSync(join(dir, `definition-${fields}.json`), 'utf8')))]),
  );
  const server = createServer((req, res) => {
    const [pathname, query] = (req.url ?? '/').split('?');
    const path = join(dir, decodeURIComponent(pathname!));
    try {
      let body: Buffer | string = readFileSync(path);
      const headers: Record<string, string | string[]> = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
      const fields = new URLSearchParams(query).get('fields');
      // Like the portal server's form route: the page comes server-rendered with its definition, the validator is
      // preloaded.
      if (fields && pathname === '/kern.html') {
        const page = kernPages.get(fields);
        if (!page) throw new Error(`No benchmark definition with ${fields} fields`);
        body = page;
        headers.link = [...kernPreloads.map((file) => toScriptPreload(`/${file}`)), toScriptPreload(`/validator-${fields}.js`)];
      }
      // The bare page fetches its definition; it is preloaded (the best a page without an inlined definition can do).
      if (fields && pathname === '/bare.html') headers.link = [`</definition-${fields}.json>; rel=preload; as=fetch; crossorigin=anonymous`];
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen(server)));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** What went wrong on the pages opened so far (uncaught errors, hydration mismatches); any of it fails the run. */
const pageProblems: string[] = [];

function failOnPageProblems(): void {
  if (pageProblems.length > 0) throw new Error(`The benchmark pages reported errors, the run is void:\n${pageProblems.join('\n')}`);
}

/** Closes a page's context; throws if any page has reported a problem. */
async function closeForm(page: Page): Promise<void> {
  await page.context().close();
  failOnPageProblems();
}

async function openForm(browser: Browser, base: string, variant: Variant, fields: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageProblems.push(`${variant} (${fields} fields): ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith(HYDRATION_ERROR_PREFIX)) pageProblems.push(`${variant} (${fields} fields): ${message.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  // The page reports its first paint by a console message (harness.markPainted): nothing of the runner's runs in the
  // page before that mark (page.waitForFunction would compile Playwright's injected script on its main thread).
  const painted = page.waitForEvent('console', { predicate: (message) => message.text() === PAINTED_MESSAGE, timeout: 60_000 });
  await page.goto(`${base}/${variant}.html?fields=${fields}`);
  try {
    await painted;
  } catch (error) {
    failOnPageProblems();
    throw error;
  }
  await page.waitForTimeout(300);
  failOnPageProblems();
  return page;
}

/** The page's 'first-contentful-paint' entry (ms from navigation), read after the page has settled. */
function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolveEntry, rejectEntry) => {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (!entry) return;
          observer.disconnect();
          resolveEntry(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => rejectEntry(new Error('The page has no first-contentful-paint entry')), 5000);
      }),
  );
}

/**
 * First paint (FCP) and interactivity (paint after the App's first commit; kreisform: after hydration) of both pages,
 * kreisform and bare alternating (so a change in the machine's load hits both alike); medians.
 */
async function firstPaints(browser: Browser, base: string, fields: number): Promise<Record<'fcp' | 'interactive', Record<Variant, number>>> {
  const runs = { fcp: { kern: [] as number[], bare: [] as number[] }, interactive: { kern: [] as number[], bare: [] as number[] } };
  for (let run = 0; run < PAINT_RUNS; run++) {
    for (const variant of ['kern', 'bare'] as const) {
      const page = await openForm(browser, base, variant, fields);
      runs.interactive[variant].push(await page.evaluate(() => (window as unknown as { __bench: { firstPaint: number } }).__bench.firstPaint));
      runs.fcp[variant].push(await firstContentfulPaint(page));
      await closeForm(page);
    }
  }
  const medians = (values: Record<Variant, number[]>) => ({ kern: percentile(values.kern, 50), bare: percentile(values.bare, 50) });
  return { fcp: medians(runs.fcp), interactive: medians(runs.interactive) };
}

/** Longest long task (>= 50 ms, else 0) that started in [from, from + window). */
async function longestTask(page: Page, from: number, windowMs: number): Promise<number> {
  return page.evaluate(
    ([start, span]) =>
      Math.max(0, ...(window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((task) => task.start >= start - 5 && task.start < start + span).map((task) => task.duration)),
    [from, windowMs] as const,
  );
}

async function typing(browser: Browser, base: string, variant: Variant, fields: number) {
  const page = await openForm(browser, base, variant, fields);
  // The kreisform form adds the fields after its first screen over a few tasks; typing is measured on the whole form.
  await page.waitForSelector('[aria-busy="true"]', { state: 'detached', timeout: 60_000 });
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __keyStart: number };
    w.__keys = [];
    document.addEventListener('keydown', (event) => (w.__keyStart = event.timeStamp), true);
    // React commits a discrete update before its root listener returns; this document listener runs after it.
    document.addEventListener('input', () => w.__keys.push(performance.now() - w.__keyStart));
  });
  // The first input: a field in the middle of the form.
  const middle = `#root_f${String(Math.floor(fields / 2) + 1).padStart(4, '0')}`;
  await page.focus(middle);
  const firstStart = await page.evaluate(() => performance.now());
  await page.keyboard.press('x');
  await page.waitForTimeout(600);
  const firstInputTask = await longestTask(page, firstStart, 600);
  const firstInputLatency = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys[0]!);
  await page.evaluate(() => ((window as unknown as { __keys: number[] }).__keys = []));
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(200);
  const keys = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  // Submit: the required fields filled by typing, then the submit button pressed (first validation).
  for (let i = 0; i < 10; i++) {
    const id = `#root_f${String(i).padStart(4, '0')}`;
    if ((await page.locator(`input${id}`).count()) === 0) continue;
    await page.focus(id);
    await page.keyboard.type('Wert');
  }
  await page.focus('button[type=submit]');
  await page.waitForTimeout(300);
  const submitStart = await page.evaluate(() => performance.now());
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window as unknown as { __bench: { submitted?: number } }).__bench.submitted !== undefined, undefined, { timeout: 30_000 });
  const submitted = await page.evaluate(() => (window as unknown as { __bench: { submitted: number } }).__bench.submitted);
  // kreisform: until the review page is painted (bare rjsf has none: until its onSubmit).
  let reviewed = submitted;
  if (variant === 'kern') {
    await page.waitForFunction(() => (window as unknown as { __bench: { reviewed?: number } }).__bench.reviewed !== undefined, undefined, { timeout: 30_000 });
    reviewed = await page.evaluate(() => (window as unknown as { __bench: { reviewed: number } }).__bench.reviewed);
  }
  await page.waitForTimeout(500);
  const submitTask = await longestTask(page, submitStart, Math.max(2000, reviewed - submitStart + 100));
  await closeForm(page);
  return {
    median: percentile(keys, 50),
    p95: percentile(keys, 95),
    samples: keys.length,
    firstInputLatency,
    firstInputTask,
    submitToHandler: submitted - submitStart,
    submitToReview: reviewed - submitStart,
    submitTask,
  };
}

function row(name: string, kern: number, bare: number, unit: string, target: string): string {
  const ratio = kern > 0 ? `${(bare / kern).toFixed(1)}x` : bare > 0 ? '∞' : '–';
  return `| ${name} | ${kern.toFixed(1)} ${unit} | ${bare.toFixed(1)} ${unit} | ${ratio} | ${target} |`;
}

mkdirSync(WORK, { recursive: true });
try {
  console.log('Building the citizen portal, the benchmark page and the bare rjsf page …');
  const portalOut = join(WORK, 'portal');
  vite(join(ROOT, 'renderer/vite.config.ts'), { RENDERER_PAGES: 'portal', RENDERER_OUT_DIR: portalOut });
  const site = join(WORK, 'site');
  vite(join(ROOT, 'bench/renderer/vite.config.ts'), { BENCH_PAGE: 'kern', BENCH_OUT_DIR: join(WORK, 'kern') });
  vite(join(ROOT, 'bench/renderer/vite.config.ts'), { BENCH_PAGE: 'bare', BENCH_OUT_DIR: join(WORK, 'bare') });
  mkdirSync(site, { recursive: true });
  for (const variant of ['kern', 'bare']) execFileSync('cp', ['-r', `${join(WORK, variant)}/.`, site]);
  for (const fields of FIELD_COUNTS) {
    const definition = generateBenchDefinition(fields);
    writeFileSync(join(site, `definition-${fields}.json`), JSON.stringify(definition));
    writeFileSync(join(site, `validator-${fields}.js`), createValidatorModuleSource(definition.schema));
  }
  const server = await serve(site, validationRuntimeChunks(join(WORK, 'kern')));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const paint = await firstPaints(browser, base, 200);
    const runs = { kern: [] as Awaited<ReturnType<typeof typing>>[], bare: [] as Awaited<ReturnType<typeof typing>>[] };
    for (let run = 0; run < TYPING_RUNS; run++) {
      runs.kern.push(await typing(browser, base, 'kern', 1000));
      runs.bare.push(await typing(browser, base, 'bare', 1000));
    }
    const medianRun = (list: Awaited<ReturnType<typeof typing>>[]) => {
      const pick = (key: keyof Awaited<ReturnType<typeof typing>>) => percentile(list.map((entry) => entry[key]), 50);
      return { median: pick('median'), p95: pick('p95'), samples: pick('samples'), firstInputLatency: pick('firstInputLatency'), firstInputTask: pick('firstInputTask'), submitToHandler: pick('submitToHandler'), submitToReview: pick('submitToReview'), submitTask: pick('submitTask') };
    };
    const kern = medianRun(runs.kern);
    const bare = medianRun(runs.bare);
    const worst = (list: Awaited<ReturnType<typeof typing>>[], key: 'firstInputTask' | 'submitTask') => Math.max(...list.map((entry) => entry[key]));
    const bundle = {
      portalJs: gzipSizeOf(join(portalOut, 'assets'), '.js') / 1024,
      portalCss: gzipSizeOf(join(portalOut, 'assets'), '.css') / 1024,
      bareJs: gzipSizeOf(join(WORK, 'bare', 'assets'), '.js') / 1024,
    };
    console.log(`\nRenderer benchmark (headless Chromium, ${new Date().toISOString()}; kreisform = portal KernForm + precompiled validator, bare = @rjsf/core Form + @rjsf/validator-ajv8)\n`);
    console.log('| metric | kreisform | bare rjsf | bare/kreisform | target |');
    console.log('|---|---|---|---|---|');
    console.log(row(`keystroke latency median (1000 fields, ${kern.samples} keys)`, kern.median, bare.median, 'ms', '≤ 5 ms'));
    console.log(row('keystroke latency p95 (1000 fields)', kern.p95, bare.p95, 'ms', '≤ 10 ms'));
    console.log(row('first input: keydown to commit', kern.firstInputLatency, bare.firstInputLatency, 'ms', ''));
    console.log(row('first input: longest task (0 = none ≥ 50 ms)', kern.firstInputTask, bare.firstInputTask, 'ms', 'no task > 50 ms'));
    console.log(row('submit: Enter to onSubmit (first validation)', kern.submitToHandler, bare.submitToHandler, 'ms', ''));
    console.log(row('submit: Enter to review page painted (bare: to onSubmit)', kern.submitToReview, bare.submitToReview, 'ms', ''));
    console.log(row('submit: longest task to the review page (0 = none ≥ 50 ms)', kern.submitTask, bare.submitTask, 'ms', 'no task > 50 ms'));
    console.log(row(`first paint at 200 fields (FCP; median of ${PAINT_RUNS}, alternating, from navigation)`, paint.fcp.kern, paint.fcp.bare, 'ms', '≤ 0.6× bare'));
    console.log(row('interactive at 200 fields (first commit / hydration, painted; same runs)', paint.interactive.kern, paint.interactive.bare, 'ms', ''));
    console.log(row('bundle JS gzip (portal: all chunks; bare: page)', bundle.portalJs, bundle.bareJs, 'KB', '≤ 150 KB'));
    console.log(`\nEach typing/submit figure is the median of ${TYPING_RUNS} fresh pages; worst long task over all runs: first input ${worst(runs.kern, 'firstInputTask').toFixed(0)} ms (kreisform) / ${worst(runs.bare, 'firstInputTask').toFixed(0)} ms (bare), submit ${worst(runs.kern, 'submitTask').toFixed(0)} ms / ${worst(runs.bare, 'submitTask').toFixed(0)} ms.`);
    console.log(`\nPortal CSS gzip (KERN UX incl. utilities): ${bundle.portalCss.toFixed(1)} KB (fonts not counted).`);
    // The targets of issue 17: ratios against bare rjsf in this run, absolute limits for the long tasks.
    const paintRatio = paint.fcp.kern / paint.fcp.bare;
    const worstSubmit = worst(runs.kern, 'submitTask');
    const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');
    console.log('\n| target | measured | result |');
    console.log('|---|---|---|');
    console.log(`| first paint (FCP) at 200 fields ≤ 0.6× bare rjsf's | ${paintRatio.toFixed(2)}× (${paint.fcp.kern.toFixed(0)} ms / ${paint.fcp.bare.toFixed(0)} ms) | ${verdict(paintRatio <= 0.6)} |`);
    console.log(`| submit at 1000 fields: no task > 50 ms from Enter to the review page (every run) | longest ${worstSubmit.toFixed(0)} ms (median run ${kern.submitTask.toFixed(0)} ms) | ${verdict(worstSubmit <= 50)} |`);
    console.log(`| keystroke latency p95 at 1000 fields ≤ 10 ms | ${kern.p95.toFixed(1)} ms | ${verdict(kern.p95 <= 10)} |`);
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  rmSync(WORK, { recursive: true, force: true });
}
