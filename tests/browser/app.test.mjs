// What only a browser shows: signing in, the timeline as a person sees it, the language
// switch without JavaScript, the strict CSP holding, and no WCAG 2.1 AA violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, startBrowser, axeViolations, login, clickAndLoad } from './harness.mjs';

mkdirSync(new URL('./artifacts/', import.meta.url), { recursive: true });

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage() {
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return { page, problems };
}

test('a process leader signs in and sees the six-phase timeline with the active phase', async () => {
  const { page, problems } = await newPage();
  await login(page, server.base, 'processledare@demo.test');
  await page.goto(`${server.base}/`);
  await assert.doesNotReject(page.getByText('Inloggad som', { exact: false }).waitFor());
  const phases = page.locator('ol.timeline > li');
  assert.equal(await phases.count(), 6);
  const active = page.locator('ol.timeline > li[aria-current="step"]');
  assert.equal(await active.count(), 1);
  // The demo acts as a day of the policy phase (workshop 4).
  assert.equal(await active.getAttribute('data-phase'), 'policyutveckling');
  assert.match(await active.innerText(), /Aktiv fas/);
  await page.screenshot({ path: new URL('./artifacts/home.png', import.meta.url).pathname, fullPage: true });
  assert.deepEqual(problems, []);
});

test('the home page, a phase page and the login page have no WCAG 2.1 AA violations', async () => {
  const { page, problems } = await newPage();
  for (const path of ['/login', '/', '/phases/omvarlden']) {
    await page.goto(`${server.base}${path}`);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations, null, 2)}`);
  }
  await login(page, server.base, 'admin@demo.test');
  for (const path of ['/start', '/', '/phases/scenarier', '/organisations', '/address-list', '/admin/users', '/active-phase', '/bank', '/bank/new', '/sources', '/sources/new', '/methods', '/methods/scenario-cross']) {
    await page.goto(`${server.base}${path}`);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${path} signed in: ${JSON.stringify(violations, null, 2)}`);
  }
  assert.deepEqual(problems, []);
});

test('a form with errors stays accessible and keeps what was typed', async () => {
  const { page } = await newPage();
  await login(page, server.base, 'admin@demo.test');
  await page.goto(`${server.base}/organisations/new`);
  await page.fill('#f-name', '');
  await page.fill('#f-contact_email', 'inte-en-adress');
  await page.fill('#f-city', 'Östersund');
  await page.click('main form button[type=submit]');
  assert.equal(await page.inputValue('#f-city'), 'Östersund');
  assert.equal(await page.getAttribute('#f-contact_email', 'aria-invalid'), 'true');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
});

test('the language switch works without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.base}/phases/omvarlden`);
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  await page.selectOption('#language-choice', 'en');
  await Promise.all([page.waitForURL(`${server.base}/phases/omvarlden`), page.click('.language-switch button')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('h1').innerText(), /The environment/);
  await page.selectOption('#language-choice', 'nb');
  await clickAndLoad(page, '.language-switch button');
  assert.equal(await page.getAttribute('html', 'lang'), 'nb');
  await context.close();
});

test('signing out ends the session', async () => {
  const { page } = await newPage();
  await login(page, server.base, 'strateg.skane@demo.test');
  await page.goto(`${server.base}/organisations`);
  assert.match(await page.locator('h1').innerText(), /Organisationer/);
  await page.click('.account button');
  await page.goto(`${server.base}/organisations`);
  assert.match(page.url(), /\/login\?next=/);
});
