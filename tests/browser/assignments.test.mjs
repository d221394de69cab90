// A home assignment as people do it in a browser: a strategist drafts, saves and submits;
// a process leader returns it with a comment; the strategist resubmits; the progress
// tracker shows the change; axe checks every page on the way.
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

/** The tracker's cell of an organisation in phase 1, with every phase shown. */
async function phaseOneCell(page, organisation) {
  const row = page.locator('table.tracker tbody tr', { hasText: organisation });
  return row.locator('td[data-phase="omvarlden"]').innerText();
}

test('a home assignment is drafted, submitted, returned, resubmitted and tracked', async () => {
  // A trend to rank, by an organisation that has not started its first home assignment.
  const strategist = await (await browser.newContext()).newPage();
  await login(strategist, server.base, 'strateg.kronoberg@demo.test');
  await strategist.goto(`${server.base}/bank/new`);
  await strategist.selectOption('#f-type', 'trend');
  await strategist.fill('#f-title', 'Fler arbetar på distans');
  await strategist.selectOption('#f-category', 'social');
  await Promise.all([
    strategist.waitForURL(/\/bank\/\d+$/),
    strategist.click('button[formaction="/bank/new?then=submit"]'),
  ]);
  const trend = strategist.url().split('/').pop();

  const leader = await (await browser.newContext()).newPage();
  await login(leader, server.base, 'processledare@demo.test');
  await leader.goto(`${server.base}/progress?phases=all`);
  await assertAccessible(leader, 'progress tracker');
  const before = await phaseOneCell(leader, 'Region Kronoberg');

  // Draft, saved explicitly; still there after reloading.
  await strategist.goto(`${server.base}/phases/omvarlden/assignment`);
  await assertAccessible(strategist, 'assignment form');
  await strategist.fill('#answer-viktigast', 'Distansarbetet förändrar **pendlingen**.');
  await strategist.fill('#most-1', trend);
  await strategist.fill('#most-1-reason', 'Påverkar hela regionen');
  await clickAndLoad(strategist, 'button[value=save]');
  await strategist.reload();
  assert.equal(await strategist.inputValue('#answer-viktigast'), 'Distansarbetet förändrar **pendlingen**.');
  assert.equal(await strategist.inputValue('#most-1'), trend);

  // Submitting without the second required answer: the error sits at the field.
  await clickAndLoad(strategist, 'button[value=submit]');
  assert.ok(await strategist.locator('#answer-minst-viktiga-error').isVisible());
  await assertAccessible(strategist, 'assignment form with errors');
  await strategist.fill('#answer-minst-viktiga', 'Turismen.');
  await clickAndLoad(strategist, 'button[value=submit]');
  assert.match(await strategist.locator('dl.facts').innerText(), /Inlämnat/);

  // The process leader returns it with a comment.
  await leader.goto(`${server.base}/phases/omvarlden/submissions`);
  await assertAccessible(leader, 'submissions side by side');
  await leader.click('a:text("Region Kronoberg")');
  await assertAccessible(leader, 'one submission');
  await leader.fill('#f-comment', 'Utveckla svaret om turismen.');
  await clickAndLoad(leader, 'button[value=return]');
  assert.match(await leader.locator('dl.facts').innerText(), /Återsänt/);

  // The strategist sees the comment and resubmits.
  await strategist.goto(`${server.base}/phases/omvarlden/assignment`);
  assert.match(await strategist.locator('main .notice[role=note]').innerText(), /Utveckla svaret om turismen/);
  await assertAccessible(strategist, 'returned assignment');
  await strategist.fill('#answer-minst-viktiga', 'Turismen, eftersom säsongen är kort.');
  await clickAndLoad(strategist, 'button[value=submit]');
  assert.match(await strategist.locator('dl.facts').innerText(), /Inlämnat/);

  // The tracker shows the change.
  await leader.goto(`${server.base}/progress?phases=all`);
  const after = await phaseOneCell(leader, 'Region Kronoberg');
  assert.notEqual(after, before);
  assert.match(after, /Inlämnad/);
  await leader.goto(`${server.base}/phases/omvarlden/heatmap`);
  await assertAccessible(leader, 'heatmap');
});
