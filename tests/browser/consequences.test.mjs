// Workshop 3 as people do it in a browser: a process leader captures the workshop's
// shared consequences of a scenario, a line each, some following from others; a
// strategist whose organisation has not started writes its own consequences from the
// shared ones and submits the home assignment (refused first, at each scenario still
// without one); an editor writes a text with the heat table and another publishes it,
// and a visitor reads it. axe checks every page on the way.
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

const STRATEGISTS = [
  'skane', 'vgr', 'stockholm', 'vasterbotten', 'norrbotten', 'gavleborg', 'dalarna', 'varmland',
  'orebro', 'ostergotland', 'jonkoping', 'kronoberg', 'kalmar', 'blekinge', 'halland', 'uppsala',
  'jamtland', 'vasternorrland', 'skl', 'tillvaxtverket', 'boverket', 'trafikverket', 'vinnova',
  'tillvaxtanalys',
].map((o) => `strateg.${o}@demo.test`);

/** A strategist whose organisation has not started home assignment 3 (its part lists
 * no consequence of its own for any scenario, and may be written). */
async function strategistNotStarted() {
  for (const email of STRATEGISTS) {
    const page = await (await browser.newContext()).newPage();
    await login(page, server.base, email);
    await page.goto(`${server.base}/phases/regionalisering/assignment`);
    const part = page.locator('section[data-part="consequences"]');
    const counts = await part.locator('section[data-scenario]').evaluateAll((s) => s.map((e) => e.dataset.count));
    const locked = await part.locator('[data-consequences="locked"]').count();
    if (!locked && counts.length === 4 && counts.every((c) => c === '0')) return page;
    await page.context().close();
  }
  throw new Error('no organisation of the demo has home assignment 3 not started');
}

test('shared consequences are captured, an organisation writes its own and submits, and the heat table is published', async () => {
  const leader = await (await browser.newContext()).newPage();
  await login(leader, server.base, 'processledare@demo.test');

  // From the landing's heat table to a scenario's consequences.
  await leader.goto(`${server.base}/consequences`);
  await assertAccessible(leader, 'consequences landing');
  const scenario = await leader.locator('ul[data-list="scenarios"] li[data-scenario]').first().getAttribute('data-scenario');
  const cell = leader.locator(`table[data-table="consequences"] td[data-scenario="${scenario}"][data-level="regional"]`).first();
  const before = Number(await cell.getAttribute('data-count'));
  await leader.goto(`${server.base}/scenarios/${scenario}/consequences`);
  await assertAccessible(leader, 'a scenario\'s consequences');

  // A line indented two steps under the one above is refused at the field, on its line,
  // and everything typed stays.
  const bad = '+ Fler pendlar över länsgränserna\n      - Tågen blir överfulla';
  await leader.selectOption('#f-level', 'regional');
  await leader.selectOption('#f-theme', 'transporter');
  await leader.fill('#f-lines', bad);
  await clickAndLoad(leader, 'form[data-capture] button[type=submit]');
  const error = leader.locator('#f-lines-error');
  assert.equal(await error.getAttribute('data-error'), 'error-capture-indent');
  assert.equal(await error.getAttribute('data-line'), '2');
  assert.equal(await leader.inputValue('#f-lines'), bad);
  assert.equal(await leader.inputValue('#f-theme'), 'transporter');
  await assertAccessible(leader, 'capture with an error');

  // Three lines: a 1st-order consequence, one following from it, and one from that.
  await leader.fill('#f-lines', '+ Fler pendlar över länsgränserna\n  - Tågen blir överfulla i rusningstid\n    ± Regionerna köper fler tåg tillsammans');
  await clickAndLoad(leader, 'form[data-capture] button[type=submit]');
  assert.match(leader.url(), new RegExp(`/scenarios/${scenario}/consequences$`));
  const first = leader.locator('.cq-item[data-order="1"]', { hasText: 'Fler pendlar över länsgränserna' });
  assert.equal(await first.count(), 1);
  const third = leader.locator('.cq-item[data-order="3"]', { hasText: 'Regionerna köper fler tåg tillsammans' });
  assert.equal(await third.count(), 1, 'the twice indented line is of the 3rd order');
  assert.equal(await third.locator('[data-valence="mixed"]').count(), 1);
  await assertAccessible(leader, 'a scenario\'s consequences after the capture');

  // The heat table counts the three at the regional level.
  await leader.goto(`${server.base}/scenario-sets/1/consequences`);
  await assertAccessible(leader, 'the heat table');
  const after = Number(await leader.locator(`table[data-table="consequences"] td[data-scenario="${scenario}"][data-level="regional"]`).first().getAttribute('data-count'));
  assert.equal(after, before + 3);

  // The futures wheel draws them.
  await leader.goto(`${server.base}/scenarios/${scenario}/wheel`);
  await assertAccessible(leader, 'the futures wheel');
  assert.ok((await leader.locator('svg [data-order="3"]').count()) >= 1);

  // A strategist whose organisation has not started submits with nothing: refused at
  // each scenario.
  const strategist = await strategistNotStarted();
  await assertAccessible(strategist, 'home assignment 3');
  for (const [key, text] of [
    ['answer-innebord', 'Utvecklingen innebär att vi måste planera för både tillväxt och minskning.'],
    ['answer-konsekvenser', 'Bostäder, kompetens och vård blir viktigast för oss.'],
  ]) {
    await strategist.fill(`#${key}`, text);
  }
  await clickAndLoad(strategist, 'button[value=submit]');
  assert.equal(await strategist.locator('section[data-scenario] [data-error="error-consequences-none"]').count(), 4);
  assert.equal(await strategist.inputValue('#answer-innebord'), 'Utvecklingen innebär att vi måste planera för både tillväxt och minskning.');
  await assertAccessible(strategist, 'home assignment 3 refused');
  await clickAndLoad(strategist, 'button[value=save]');

  // For each scenario, one of the workshop's consequences holds for the organisation too.
  const scenarios = await strategist.locator('section[data-part="consequences"] section[data-scenario]').evaluateAll((s) => s.map((e) => e.dataset.scenario));
  for (const id of scenarios) {
    await strategist.goto(`${server.base}/phases/regionalisering/assignment`);
    const shared = strategist.locator(`details[data-shared="${id}"]`);
    await shared.locator('summary').click();
    const form = shared.locator('form.cqp-hold').first();
    await form.locator('textarea').fill('Det gäller också oss, särskilt i länets mindre kommuner.');
    await Promise.all([strategist.waitForLoadState('load'), form.locator('button').click()]);
    // Back in the home assignment, which now lists it.
    assert.match(strategist.url(), /\/phases\/regionalisering\/assignment#consequence-part$/);
    assert.equal(await strategist.locator(`section[data-scenario="${id}"]`).getAttribute('data-count'), '1');
    if (id === scenarios[0]) await assertAccessible(strategist, 'home assignment 3 with an own consequence');
  }
  await strategist.goto(`${server.base}/phases/regionalisering/assignment`);
  const counts = await strategist.locator('section[data-part="consequences"] section[data-scenario]').evaluateAll((s) => s.map((e) => e.dataset.count));
  assert.deepEqual(counts, ['1', '1', '1', '1']);
  await clickAndLoad(strategist, 'button[value=submit]');
  assert.match(await strategist.locator('dl.facts').innerText(), /Inlämnat/);
  assert.equal(await strategist.locator('[data-consequences="locked"]').count(), 1);

  // An editor writes the phase's text with the heat table; another publishes it.
  const title = 'Konsekvenserna för regionerna';
  const writer = await (await browser.newContext()).newPage();
  await login(writer, server.base, 'redaktor@demo.test');
  await writer.goto(`${server.base}/editorial/new`);
  await writer.selectOption('#f-kind', 'output');
  await writer.selectOption('#f-phase', 'regionalisering');
  await writer.selectOption('#f-output', 'regionala-konsekvenser');
  await writer.fill('#f-title', title);
  await writer.fill('#f-body', 'Konsekvenserna per nivå och scenario.\n\n[[consequences:1]]');
  await clickAndLoad(writer, 'button[value=preview]');
  assert.equal(await writer.locator('.preview svg.chart-consequence-heat').count(), 1);
  await assertAccessible(writer, 'preview with the heat table');
  await clickAndLoad(writer, 'button[value=save]');
  const text = writer.url().split('/').pop();
  await clickAndLoad(writer, 'button:text("Skicka till granskning")');
  const reviewer = await (await browser.newContext()).newPage();
  await login(reviewer, server.base, 'redaktor2@demo.test');
  await reviewer.goto(`${server.base}/editorial/${text}`);
  await clickAndLoad(reviewer, 'button[value=publish]');
  assert.match(await reviewer.locator('p.kind').innerText(), /Publicerad/);

  // A visitor reads it: the table's figures beside the chart.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${server.base}/publications/${text}`);
  assert.equal(await visitor.locator('h1').innerText(), title);
  assert.ok(await visitor.locator('svg.chart-consequence-heat').isVisible());
  assert.ok((await visitor.locator('table[data-table="consequences"] td[data-count]').count()) >= 16);
  await assertAccessible(visitor, 'public text with the heat table');

  // At 390 px the heat table's page scrolls nowhere sideways outside its regions.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(`${server.base}/publications/${text}`);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the published text is ${overflow} px too wide at 390 px`);
});
