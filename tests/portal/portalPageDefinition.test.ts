import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITION_DATA_BLOCK_ID, toJsonDataBlock } from '../../contract/definitionDataBlock.ts';
import { formPageChunks } from '../../server/routes/createPortalPagesRouter.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';

const HOSTILE = 'Stadt </script><script>alert(1)</script> <!-- & </SCRIPT > \u2028 Ende';
const FORM_PAGE = '/erkelenz/leistungen/hundesteuer-anmeldung/antrag';
const SERVICE_PAGE = '/erkelenz/leistungen/hundesteuer-anmeldung';

let server: StartedServer;
let rendererDir: string;

/** The content of the page's JSON data block, exactly as the HTML parser ends it (at the first `</script`). */
function dataBlockOf(html: string): string | undefined {
  const open = `<script type="application/json" id="${DEFINITION_DATA_BLOCK_ID}">`;
  const start = html.indexOf(open);
  if (start === -1) return undefined;
  const rest = html.slice(start + open.length);
  return rest.slice(0, rest.search(/<\/script/i));
}

beforeAll(async () => {
  // A built renderer of its own (page + manifest), so the test does not depend on `npm run build`.
  rendererDir = await mkdtemp(join(tmpdir(), 'kreisform-portal-page-'));
  await writeFile(join(rendererDir, 'portal.html'), '<!doctype html><html lang="de"><head><title>Serviceportal</title></head><body><div id="root"></div><script type="module" src="/assets/portal-X.js"></script></body></html>');
  await mkdir(join(rendererDir, '.vite'));
  await writeFile(
    join(rendererDir, '.vite', 'manifest.json'),
    JSON.stringify({
      'portal.html': { file: 'assets/portal-X.js', isEntry: true, dynamicImports: ['portal/pages/FormPage.tsx'] },
      'portal/pages/FormPage.tsx': { file: 'assets/FormPage-Y.js', isDynamicEntry: true, imports: ['portal.html', '_shared-Z.js'] },
      '_shared-Z.js': { file: 'assets/shared-Z.js' },
    }),
  );
  server = await startServer({ config: { rendererDir } });
  const pages = await server.deps.storage.legalPages.get('erkelenz');
  expect(pages).toBeDefined();
  await server.deps.storage.legalPages.put('erkelenz', { ...pages!, privacyController: HOSTILE }, new Date().toISOString(), 'test');
});

afterAll(async () => {
  await server?.close();
  await rm(rendererDir, { recursive: true, force: true });
});

describe('the served definition travels with the page', () => {
  it('When the form page is requested, then it carries the served definition as a JSON data block equal to the API answer', async () => {
    const page = await fetch(`${server.baseUrl}${FORM_PAGE}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const api = await (await fetch(`${server.baseUrl}/api/v1/tenants/erkelenz/services/hundesteuer-anmeldung`)).json();
    const block = dataBlockOf(html);
    expect(block).toBeDefined();
    expect(JSON.parse(block!)).toEqual(api);
    expect(html.indexOf(`id="${DEFINITION_DATA_BLOCK_ID}"`)).toBeLessThan(html.indexOf('</head>'));
  });

  it('When a definition text contains </script>, <!-- and &, then it cannot end the data block or add markup', async () => {
    const html = await (await fetch(`${server.baseUrl}${FORM_PAGE}`)).text();
    const block = dataBlockOf(html)!;
    const served = JSON.parse(block) as { privacyNotice: { controller: string } };
    expect(served.privacyNotice.controller).toBe(HOSTILE);
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script\b/gi)).toHaveLength(2);
  });

  it('When the form page is requested, then the strict CSP stays and the form code and validator are preloaded', async () => {
    const page = await fetch(`${server.baseUrl}${FORM_PAGE}`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const link = page.headers.get('link') ?? '';
    expect(link).toContain('</assets/FormPage-Y.js>; rel=preload; as=script; crossorigin=anonymous');
    expect(link).toContain('</assets/shared-Z.js>; rel=preload; as=script; crossorigin=anonymous');
    expect(link).not.toContain('portal-X.js');
    expect(link).toMatch(/<\/api\/v1\/validators\/hundesteuer-anmeldung\/[0-9.]+\.js>; rel=preload; as=script; crossorigin=anonymous/);
    const validator = await fetch(`${server.baseUrl}${/<(\/api\/v1\/validators\/[^>]+)>/.exec(link)![1]}`);
    expect(validator.status).toBe(200);
  });

  it('When the service page is requested, then it carries the definition too; other pages and unknown services carry none', async () => {
    expect(dataBlockOf(await (await fetch(`${server.baseUrl}${SERVICE_PAGE}`)).text())).toBeDefined();
    expect(dataBlockOf(await (await fetch(`${server.baseUrl}/erkelenz/`)).text())).toBeUndefined();
    const missing = await fetch(`${server.baseUrl}/erkelenz/leistungen/gibt-es-nicht/antrag`);
    expect(missing.status).toBe(404);
    expect(dataBlockOf(await missing.text())).toBeUndefined();
  });
});

/** What the page carries inside `<div id="root">` (the server-rendered app, if any). */
function appHtmlOf(html: string): string {
  const start = html.indexOf('<div id="root">') + '<div id="root">'.length;
  return html.slice(start, html.lastIndexOf('</div><script'));
}

describe('the server renders the form page', () => {
  it("When the form page is requested, then the app's HTML shows the first step, with the participant's texts escaped", async () => {
    const app = appHtmlOf(await (await fetch(`${server.baseUrl}${FORM_PAGE}`)).text());
    expect(app).toContain('id="kf-schritt"');
    expect(app).toContain('<input id="root_halter_vorname"');
    expect(app).toContain('Stadt &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(app).not.toMatch(/<script/i);
  });

  it('When the same form page is requested under another spelling of its URL, then both carry the same app HTML', async () => {
    const plain = appHtmlOf(await (await fetch(`${server.baseUrl}${FORM_PAGE}`)).text());
    expect(plain).toContain('id="kf-schritt"');
    const encoded = await fetch(`${server.baseUrl}/erkelenz/leistungen/hundesteuer%2Danmeldung/antrag`);
    expect(encoded.status).toBe(200);
    expect(appHtmlOf(await encoded.text())).toBe(plain);
  });

  it("When the renderer's server-side entry is not built, then the page comes without app HTML for the browser to render", async () => {
    const bare = await startServer({ config: { rendererDir, rendererSsrEntry: join(rendererDir, 'not-built.js') } });
    try {
      const page = await fetch(`${bare.baseUrl}${FORM_PAGE}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<div id="root"></div>');
      expect(dataBlockOf(html)).toBeDefined();
    } finally {
      await bare.close();
    }
  });

  it('When the server-side entry fails, then the page still comes (rendered by the browser) and the failure is logged without personal data', async () => {
    const entry = join(rendererDir, 'failing-entry.js');
    await writeFile(entry, "throw new Error('render broke');\n");
    const logged: { message: string; fields?: Record<string, unknown> }[] = [];
    const record = (message: string, fields?: Record<string, unknown>) => void logged.push({ message, fields });
    const failing = await startServer({ config: { rendererDir, rendererSsrEntry: entry }, logger: { debug: record, info: record, warn: record, error: record } });
    try {
      const page = await fetch(`${failing.baseUrl}${FORM_PAGE}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
      expect(logged.find((line) => line.message === 'form page prerender failed')?.fields).toMatchObject({ service: 'hundesteuer-anmeldung', error: 'render broke' });
    } finally {
      await failing.close();
    }
  });
});

describe('toJsonDataBlock and formPageChunks', () => {
  it('When any string is written into a data block, then the block parses back to the same value', () => {
    const value = { a: HOSTILE, b: ['<', '>', '&', '\u2029', '</script >', '<!--<script>'], c: 1 };
    const block = toJsonDataBlock('kf-test', value);
    const content = block.slice(block.indexOf('>') + 1, block.lastIndexOf('</script>'));
    expect(content).not.toMatch(/[<>&]/);
    expect(JSON.parse(content)).toEqual(value);
    expect(() => toJsonDataBlock('x" onload="y', value)).toThrow();
  });

  it('When the manifest has no form page, then nothing is preloaded', () => {
    expect(formPageChunks({})).toEqual([]);
  });

  it('When the form page loads the validation runtime lazily, then its chunk is preloaded with the form page, each file once', () => {
    const manifest = {
      'portal.html': { file: 'assets/portal-X.js', dynamicImports: ['portal/pages/FormPage.tsx'] },
      'portal/pages/FormPage.tsx': { file: 'assets/FormPage-Y.js', imports: ['portal.html', '_shared-Z.js', 'shared/validation/loadPrecompiledValidator.ts'] },
      'shared/validation/loadPrecompiledValidator.ts': { file: 'assets/load-L.js', imports: ['portal.html'], dynamicImports: ['shared/validation/validatorRuntime.ts'] },
      'shared/validation/validatorRuntime.ts': { file: 'assets/validatorRuntime-R.js', imports: ['_shared-Z.js', 'shared/validation/loadPrecompiledValidator.ts'] },
      '_shared-Z.js': { file: 'assets/shared-Z.js' },
    };
    expect(formPageChunks(manifest)).toEqual(['assets/FormPage-Y.js', 'assets/shared-Z.js', 'assets/load-L.js', 'assets/validatorRuntime-R.js']);
  });
});
