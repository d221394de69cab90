// An editorial text as editors and readers meet it in a browser: one editor drafts,
// previews and sends it for review; another publishes it; a visitor reads it and prints
// it to PDF; axe checks every page on the way.
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

test('an editor drafts and previews, another publishes, a visitor reads and prints', async () => {
  const title = 'Omvärldsanalysen fördjupad';
  const writer = await (await browser.newContext()).newPage();
  await login(writer, server.base, 'redaktor@demo.test');
  await writer.goto(`${server.base}/editorial/new`);
  await assertAccessible(writer, 'new text form');
  await writer.selectOption('#f-kind', 'output');
  await writer.selectOption('#f-phase', 'omvarlden');
  await writer.selectOption('#f-output', 'fordjupad-omvarldsanalys');
  await writer.fill('#f-title', title);
  await writer.fill('#f-body', 'Trenderna **fördjupade**.\n\n- Demografi\n- Klimat');
  await clickAndLoad(writer, 'button[value=preview]');
  assert.match(await writer.locator('.preview').innerText(), /fördjupade/);
  assert.equal(await writer.locator('.preview strong').innerText(), 'fördjupade');
  await assertAccessible(writer, 'preview');
  await clickAndLoad(writer, 'button[value=save]');
  assert.match(writer.url(), /\/editorial\/\d+$/);
  const id = writer.url().split('/').pop();
  await assertAccessible(writer, 'text page');
  await clickAndLoad(writer, 'button:text("Skicka till granskning")');
  assert.match(await writer.locator('p.kind').innerText(), /För granskning/);

  // The writer may not publish their own text; another editor does.
  const reviewer = await (await browser.newContext()).newPage();
  await login(reviewer, server.base, 'redaktor2@demo.test');
  await reviewer.goto(`${server.base}/editorial/${id}`);
  await assertAccessible(reviewer, 'review');
  await clickAndLoad(reviewer, 'button[value=publish]');
  assert.match(await reviewer.locator('p.kind').innerText(), /Publicerad/);
  await reviewer.goto(`${server.base}/editorial/${id}/history`);
  await assertAccessible(reviewer, 'history with diff');

  // A visitor reads it and prints it.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${server.base}/publications`);
  await assertAccessible(visitor, 'public list');
  await clickAndLoad(visitor, `a:text("${title}")`);
  assert.equal(await visitor.locator('h1').innerText(), title);
  await assertAccessible(visitor, 'public text');
  const pdf = await visitor.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 1000);

  // The final publication prints as a title page, contents, a chapter per phase with
  // published outputs, and the sources.
  await visitor.goto(`${server.base}/publication`);
  await assertAccessible(visitor, 'final publication');
  const headings = await visitor.locator('.final-publication h2, .final-publication h3').allInnerTexts();
  assert.deepEqual(headings.slice(0, 3), ['Innehåll', '1. Omvärlden', title]);
  await visitor.emulateMedia({ media: 'print' });
  const book = await visitor.pdf({ format: 'A4' });
  const pages = (book.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  // Title page, contents, the phase's chapter (and the sources, if any).
  assert.ok(pages >= 3, `${pages} pages`);
});
