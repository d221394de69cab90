// The bank as people use it in a browser: a strategist submits a trend, a process leader
// puts it to a rating round, the strategist rates it, finds it by search and sees it on
// the radar; axe checks every page on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, login, assertAccessible, inDays } from './harness.mjs';

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

test('a strategist submits a trend, rates it in a round, finds it by search and sees it on the radar', async () => {
  const title = 'Ensamhushåll ökar i glesbygden';
  const strategist = await (await browser.newContext()).newPage();
  await login(strategist, server.base, 'strateg.skane@demo.test');

  // Submitting a trend.
  await strategist.goto(`${server.base}/bank/new`);
  await assertAccessible(strategist, 'new note form');
  await strategist.selectOption('#f-type', 'trend');
  await strategist.fill('#f-title', title);
  await strategist.fill('#f-summary', 'Fler bor **ensamma**, särskilt äldre på landsbygden.');
  await strategist.selectOption('#f-category', 'social');
  await strategist.selectOption('#f-time_band', '2030_2040');
  await Promise.all([
    strategist.waitForURL(/\/bank\/\d+$/),
    strategist.click('button[formaction="/bank/new?then=submit"]'),
  ]);
  const noteId = strategist.url().split('/').pop();
  assert.equal(await strategist.locator('h1').innerText(), title);
  await assertAccessible(strategist, 'note page');

  // A process leader opens a round on it.
  const leader = await (await browser.newContext()).newPage();
  await login(leader, server.base, 'processledare@demo.test');
  await leader.goto(`${server.base}/rounds/new`);
  await assertAccessible(leader, 'new round form');
  await leader.fill('#f-title', 'Prioritering i webbläsaren');
  await leader.fill('#f-notes', noteId);
  await leader.fill('#f-opens_at', inDays(-1, 9));
  await leader.fill('#f-closes_at', inDays(10, 17));
  await Promise.all([leader.waitForURL(/\/rounds\/\d+$/), leader.click('main form button[type=submit]')]);
  const roundUrl = leader.url();

  // The strategist rates it; a value is chosen per criterion, with a reason.
  await strategist.goto(roundUrl);
  await assertAccessible(strategist, 'rating page');
  await strategist.check(`#r-${noteId}-impact-5`);
  await strategist.check(`#r-${noteId}-uncertainty-4`);
  await strategist.click(`#rate-note-${noteId} .rating-reason summary`);
  await strategist.fill(`#reason-${noteId}`, 'Märks redan i våra kommuner.');
  await Promise.all([strategist.waitForURL(/saved=1/), strategist.click('main form button[type=submit]')]);
  assert.match(await strategist.locator('[role=status]').innerText(), /sparade/);
  assert.ok(await strategist.locator(`#r-${noteId}-impact-5`).isChecked());
  assert.match(await strategist.locator('#rating-progress-top').innerText(), /1 av 1/);
  await assertAccessible(strategist, 'rating page after saving');

  // Found by search, with å and ö as typed.
  await strategist.goto(`${server.base}/bank`);
  await strategist.fill('#bank-q', 'ensamhushåll glesbygd');
  await Promise.all([strategist.waitForURL(/q=/), strategist.click('form[role=search] button[type=submit]')]);
  assert.ok(await strategist.locator(`a[href="/bank/${noteId}"]`).isVisible());
  await assertAccessible(strategist, 'bank search');
  await strategist.goto(`${server.base}/search?q=${encodeURIComponent('ökar')}`);
  assert.ok(await strategist.locator(`a[href="/bank/${noteId}"]`).isVisible());
  await assertAccessible(strategist, 'workspace search');

  // On the radar: one marker per note and the same figures in the table.
  await strategist.goto(`${roundUrl}/radar`);
  const svg = strategist.locator('svg.chart-radar');
  assert.ok(await svg.isVisible());
  assert.equal(await svg.locator('path.chart-marker').count(), 1);
  // Numbered by the note's bank number, as on every page.
  assert.equal(await svg.locator('text.chart-num').textContent(), String(noteId));
  const row = await strategist.locator('#radar-table tbody tr').innerText();
  assert.match(row, new RegExp(title));
  assert.match(row, /\t5\t1$/);
  await assertAccessible(strategist, 'radar');
  await strategist.goto(`${roundUrl}/driver-map`);
  assert.equal(await strategist.locator('svg.chart-drivers circle.chart-point').count(), 1);
  await assertAccessible(strategist, 'driver map');
  await strategist.goto(`${roundUrl}/notes/${noteId}`);
  await assertAccessible(strategist, 'answer distribution');
  await strategist.goto(`${roundUrl}/results`);
  await assertAccessible(strategist, 'round results');

  // An editor's view of the note (curating, merging, publishing) and the import page.
  const editor = await (await browser.newContext()).newPage();
  await login(editor, server.base, 'redaktor@demo.test');
  await editor.goto(`${server.base}/bank/${noteId}`);
  assert.ok(await editor.locator(`form[action="/bank/${noteId}/merge"]`).isVisible());
  await assertAccessible(editor, "editor's note page");
  await Promise.all([
    editor.waitForURL(`${server.base}/bank/${noteId}`),
    editor.click(`form[action="/bank/${noteId}/public"] button`),
  ]);
  assert.match(await editor.locator('dl.facts').innerText(), /allmänheten/);
  await editor.goto(`${server.base}/bank/import`);
  await assertAccessible(editor, 'import page');
});
