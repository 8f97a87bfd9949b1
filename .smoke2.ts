import { chromium } from 'playwright-core';
const base = process.argv[2]!;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const context = await browser.newContext({ locale: 'de-DE' });
const page = await context.newPage();
page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('request', (r) => console.log('REQ', r.url()));
page.on('requestfinished', (r) => console.log('DONE', r.url()));
await page.goto(base + '/erkelenz/leistungen/hundesteuer-abmeldung/antrag');
for (let i = 0; i < 5; i++) {
  await new Promise((r) => setTimeout(r, 1000));
  const t = await Promise.race([page.evaluate(() => document.querySelector('main')?.textContent?.slice(0, 100)), new Promise((r) => setTimeout(() => r('TIMEOUT'), 2000))]);
  console.log(i, t);
}
await browser.close();
