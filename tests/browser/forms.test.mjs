// What only a browser shows of a form with errors: focus lands on the error summary,
// the title says there are errors, each line names its field, and axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, login, clickAndLoad, assertAccessible } from './harness.mjs';

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

test('a form sent with errors puts focus on its summary, which names each field', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, server.base, 'admin@demo.test');
  await page.goto(`${server.base}/organisations/new`);
  await page.fill('#f-contact_email', 'inte-en-adress');
  await clickAndLoad(page, 'main form button[type=submit]');
  const focused = await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'));
  assert.equal(focused, true, 'focus is on the error summary');
  assert.match(await page.title(), /^Fel:/);
  const fields = await page.locator('[data-error-summary] a[data-field]').evaluateAll((links) =>
    links.map((a) => a.dataset.field),
  );
  assert.equal(fields[0], 'name');
  assert.ok(fields.includes('contact_email'));
  const inFormOrder = await page.evaluate((names) => {
    const inputs = names.map((n) => document.getElementById(`f-${n}`));
    return inputs.every(
      (input, i) => i === 0 || inputs[i - 1].compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
  }, fields);
  assert.ok(inFormOrder, `the summary follows the form's order: ${fields}`);
  const first = await page.locator('[data-error-summary] a[data-field]').first().innerText();
  assert.match(first, /^Namn: /, 'a line starts with its field label');
  await assertAccessible(page, 'the organisation form with errors');
  await context.close();
});
