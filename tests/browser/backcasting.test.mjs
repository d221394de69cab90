// Workshop 4 as people do it in a browser: a strategist writes the region's roadmap (a
// milestone refused first for lying after the vision's year, then an action), a process
// leader stress-tests an action of the shared vision against the four scenarios, an
// editor publishes the final publication as a report, and a visitor downloads its PDF.
// axe checks every page on the way.
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

const ASSIGNMENT = '/phases/policyutveckling/assignment';

/** A strategist whose organisation has its own vision in home assignment 4 and may still
 * write it (neither submitted nor accepted). */
async function strategistWriting() {
  for (const email of STRATEGISTS) {
    const page = await (await browser.newContext()).newPage();
    await login(page, server.base, email);
    await page.goto(`${server.base}${ASSIGNMENT}`);
    const part = page.locator('section[data-part="milestones"]');
    const vision = await part.locator('[data-milestones="vision"]').count();
    const locked = await part.locator('[data-milestones="locked"]').count();
    const adding = await part.locator('[data-action="add-milestone"]').count();
    if (vision && !locked && adding) return page;
    await page.context().close();
  }
  throw new Error('no organisation of the demo may write its own vision in home assignment 4');
}

test('a region writes its roadmap, an action is stress-tested, and the final publication is downloaded as a PDF', async () => {
  // The strategist adds a milestone to the organisation's own vision.
  const strategist = await strategistWriting();
  await assertAccessible(strategist, 'home assignment 4');
  await clickAndLoad(strategist, 'section[data-part="milestones"] [data-action="add-milestone"]');
  await assertAccessible(strategist, 'a new milestone');
  const title = 'Alla kommuner i länet har en gemensam klimatanpassningsplan';
  await strategist.fill('#f-year', '2199');
  await strategist.fill('#f-title', title);
  await strategist.selectOption('#f-level', { index: 1 });
  await strategist.selectOption('#f-kind', 'partnership');
  await strategist.fill('#f-actor', 'Länets kommuner');
  await clickAndLoad(strategist, 'form button[type=submit][data-variant="primary"]');
  // A year after the vision's own is refused at the field, and what was typed stays.
  assert.equal(await strategist.locator('#f-year-error').count(), 1);
  assert.equal(await strategist.inputValue('#f-title'), title);
  assert.equal(await strategist.inputValue('#f-actor'), 'Länets kommuner');
  await assertAccessible(strategist, 'a milestone refused');
  await strategist.fill('#f-year', '2031');
  await clickAndLoad(strategist, 'form button[type=submit][data-variant="primary"]');
  assert.match(strategist.url(), /\/(milestones|visions)\/\d+/);
  const milestone = strategist.url().match(/\/milestones\/(\d+)/)?.[1];

  // And an action the organisation is responsible for.
  await strategist.goto(`${server.base}${ASSIGNMENT}`);
  await clickAndLoad(strategist, 'section[data-part="milestones"] [data-action="add-action"]');
  await assertAccessible(strategist, 'a new action');
  await strategist.fill('#f-text', 'Bjuda in kommunerna till ett gemensamt arbete med klimatanpassning');
  await strategist.selectOption('#f-start', 'next-quarter');
  await strategist.fill('#f-strategy', 'RUS');
  await strategist.selectOption('#f-status', 'proposed');
  // Without a responsible organisation it is refused at the field, the text kept.
  const organisation = await strategist.inputValue('#f-organisation');
  assert.notEqual(organisation, '', 'the organisation answers for its own actions by default');
  await strategist.selectOption('#f-organisation', '');
  await clickAndLoad(strategist, 'form button[type=submit][data-variant="primary"]');
  assert.equal(await strategist.locator('#f-organisation-error').count(), 1);
  assert.equal(await strategist.inputValue('#f-strategy'), 'RUS');
  await assertAccessible(strategist, 'an action refused');
  await strategist.selectOption('#f-organisation', organisation);
  await clickAndLoad(strategist, 'form button[type=submit][data-variant="primary"]');
  assert.match(strategist.url(), /\/(actions|visions)\/\d+/);

  // The region's roadmap shows its own milestone beside the shared vision.
  await strategist.goto(`${server.base}${ASSIGNMENT}`);
  await clickAndLoad(strategist, 'section[data-part="milestones"] [data-link="roadmap"]');
  await assertAccessible(strategist, 'the region\'s roadmap');
  const own = strategist.locator('table[data-table="roadmap"] tr[data-group="own"][data-kind="milestone"]');
  assert.ok((await own.count()) >= 2, 'the roadmap lists the organisation\'s milestones');
  if (milestone) {
    assert.equal(await strategist.locator(`svg [data-kind="milestone"][data-id="${milestone}"]`).count(), 1);
  }
  assert.ok((await strategist.locator('table[data-table="roadmap"] tr[data-group="shared"]').count()) >= 1);

  // The process leader stress-tests the shared vision's first action.
  const leader = await (await browser.newContext()).newPage();
  await login(leader, server.base, 'processledare@demo.test');
  await leader.goto(`${server.base}/backcasting`);
  await assertAccessible(leader, 'the backcasting overview');
  await leader.goto(`${server.base}/visions/1/stress-test`);
  await assertAccessible(leader, 'the stress-test grid');
  const row = leader.locator('table[data-table="stress-test"] tr[data-kind="action"]').first();
  const action = await row.getAttribute('data-id');
  await leader.goto(`${server.base}/actions/${action}/stress-test`);
  await assertAccessible(leader, 'the stress-test form');
  const scenarios = await leader.locator('form[data-stress-form] fieldset[data-scenario]').evaluateAll((f) => f.map((e) => e.dataset.scenario));
  assert.equal(scenarios.length, 4);
  const verdicts = ['robust', 'adapt', 'fails', 'robust'];
  for (const [i, id] of scenarios.entries()) {
    await leader.check(`#f-verdict-${id}-${verdicts[i]}`);
    await leader.fill(`#f-note-${id}`, `Bedömning ${i + 1} från workshopen.`);
  }
  await clickAndLoad(leader, 'form[data-stress-form] button[type=submit]');
  await leader.goto(`${server.base}/visions/1/stress-test`);
  const cells = await leader
    .locator(`table[data-table="stress-test"] tr[data-kind="action"][data-id="${action}"] td[data-scenario]`)
    .evaluateAll((c) => c.map((e) => e.dataset.verdict));
  assert.deepEqual(cells, verdicts);

  // An editor publishes the final publication's report.
  const editor = await (await browser.newContext()).newPage();
  await login(editor, server.base, 'redaktor@demo.test');
  await editor.goto(`${server.base}/publication`);
  await assertAccessible(editor, 'the final publication for an editor');
  await clickAndLoad(editor, 'form[action="/publication/editions"] button[type=submit]');
  const edition = await editor.locator('#report [data-edition]').getAttribute('data-edition');
  assert.notEqual(edition, 'none');

  // A visitor finds the download and gets a PDF.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${server.base}/publication`);
  await assertAccessible(visitor, 'the final publication for a visitor');
  const href = await visitor.locator('#report a[href="/publication.pdf"]').getAttribute('href');
  const response = await visitor.request.get(`${server.base}${href}`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^application\/pdf/);
  const body = await response.body();
  assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(body.length > 50_000, `the report is ${body.length} bytes`);
});
