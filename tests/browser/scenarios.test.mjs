// Workshop 2 as people do it in a browser: a process leader makes a scenario set from the
// driver map, writes its four scenarios and opens it; a strategist assesses it in the home
// assignment and submits; the set is settled and made public; an editor embeds the cross
// and another publishes; a visitor reads it, and it stays as published after a later
// assessment. axe checks every page on the way.
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

const SCENARIOS = {
  low_high: ['Statens nya landsbygd', 'Staten styr och sprider'],
  high_high: ['Regionernas nätverk', 'Starka regioner i ett spritt land'],
  low_low: ['Den centrala planen', 'Staten samlar resurserna i storstäderna'],
  high_low: ['Metropolernas tid', 'Starka regioner kring storstäderna'],
};

/** Assesses every scenario of the open set in the home assignment of phase 2, marking
 * the scenario `most` as most interesting, and submits. */
async function assessAndSubmit(page, most, what) {
  await page.goto(`${server.base}/phases/scenarier/assignment`);
  await assertAccessible(page, `${what}: assignment form`);
  const scenarios = page.locator('#assessment fieldset[data-scenario]');
  const count = await scenarios.count();
  assert.equal(count, 4, 'the open set has four scenarios');
  // Submitting with nothing marked as most interesting is refused at the field.
  for (let i = 0; i < count; i++) {
    const id = await scenarios.nth(i).getAttribute('data-scenario');
    await page.check(`#scenario-${id}-interest-${(i % 5) + 1}`);
    await page.check(`#scenario-${id}-plausibility-3`);
    await page.check(`#scenario-${id}-desirability-${i % 2 ? '-1' : '2'}`);
    await page.fill(`#scenario-${id}-reason`, `Skäl ${i + 1} för vår region.`);
    await page.uncheck(`#scenario-${id}-most`);
  }
  for (const [key, text] of [
    ['answer-mest-intressanta', 'Regionernas nätverk, för att det bygger på samverkan.'],
    ['answer-fordjupning', 'Vi fördjupar med vår egen pendlingsstatistik.'],
  ]) {
    if ((await page.inputValue(`#${key}`)) === '') await page.fill(`#${key}`, text);
  }
  await clickAndLoad(page, 'button[value=submit]');
  assert.ok(await page.locator('[data-error="error-scenario-most-required"]').first().isVisible());
  await assertAccessible(page, `${what}: assignment form with errors`);
  // What was typed is kept.
  const first = await scenarios.nth(0).getAttribute('data-scenario');
  assert.equal(await page.inputValue(`#scenario-${first}-reason`), 'Skäl 1 för vår region.');
  await page.check(`#scenario-${most}-most`);
  await clickAndLoad(page, 'button[value=submit]');
  assert.match(await page.locator('dl.facts').innerText(), /Inlämnat/);
}

test('a set made from the driver map is written, opened, assessed, embedded and published frozen', async () => {
  const leader = await (await browser.newContext()).newPage();
  await login(leader, server.base, 'processledare@demo.test');

  // From the driver map of the Delphi round, with its critical uncertainties first.
  await leader.goto(`${server.base}/rounds/2/driver-map`);
  await assertAccessible(leader, 'driver map');
  await clickAndLoad(leader, 'a[data-make-set]');
  await assertAccessible(leader, 'new set from the map');
  const critical = leader.locator('#f-axis1_note optgroup[data-group="critical"] option');
  assert.ok((await critical.count()) >= 2, 'the map offers two critical uncertainties');
  const [first, second] = [await critical.nth(0).getAttribute('value'), await critical.nth(1).getAttribute('value')];
  await leader.fill('#f-title', 'Regionerna 2050: en andra omgång');
  await leader.selectOption('#f-axis1_note', first);
  await leader.fill('#f-axis1_low', 'Stark stat');
  await leader.fill('#f-axis1_high', 'Starka regioner');
  await leader.selectOption('#f-axis2_note', second);
  await leader.fill('#f-axis2_low', 'Koncentration');
  // The second axis's high pole is missing: the error sits at its field, the rest stays.
  await clickAndLoad(leader, 'main form button[type=submit]');
  assert.ok(await leader.locator('#f-axis2_high-error').isVisible());
  assert.equal(await leader.inputValue('#f-axis1_low'), 'Stark stat');
  await assertAccessible(leader, 'set form with errors');
  await leader.fill('#f-axis2_high', 'Spridning');
  await clickAndLoad(leader, 'main form button[type=submit]');
  assert.match(leader.url(), /\/scenario-sets\/\d+$/);
  const set = leader.url().split('/').pop();
  await assertAccessible(leader, 'set page, a draft');

  // The four scenarios, one per quadrant.
  for (const [quadrant, [name, tagline]] of Object.entries(SCENARIOS)) {
    await clickAndLoad(leader, `a[data-write="${quadrant}"]`);
    await leader.fill('#f-name', name);
    await leader.fill('#f-tagline', tagline);
    await leader.fill('#f-narrative', `År 2050 är **${name.toLowerCase()}** verklighet.\n\nSå gick det till.`);
    await leader.fill('#f-characteristics', 'Ett kännetecken\nEtt till');
    await leader.fill(`#f-state-${first}`, `Hur ${quadrant} ser ut längs den första axeln.`);
    await leader.fill('#f-signpost-1', 'Fler regionala skatter');
    await leader.fill('#f-signpost-1-indicator', 'Andel regional skatt');
    if (quadrant === 'low_high') await assertAccessible(leader, 'scenario form');
    await clickAndLoad(leader, 'main form button[type=submit]');
    assert.match(leader.url(), /\/scenarios\/\d+$/);
    if (quadrant === 'low_high') await assertAccessible(leader, 'scenario page');
    await leader.goto(`${server.base}/scenario-sets/${set}`);
  }
  await clickAndLoad(leader, 'button[data-move="open"]');
  assert.equal(await leader.locator('[data-status]').first().getAttribute('data-status'), 'open');
  await assertAccessible(leader, 'set page, open');
  const chosen = await leader.locator('[data-quadrant="high_high"] a[data-scenario]').getAttribute('data-scenario');

  // A strategist assesses it in the home assignment and submits.
  const strategist = await (await browser.newContext()).newPage();
  await login(strategist, server.base, 'strateg.kronoberg@demo.test');
  await strategist.goto(`${server.base}/scenario-sets/${set}`);
  await assertAccessible(strategist, 'set page for a strategist');
  await assessAndSubmit(strategist, chosen, 'Kronoberg');

  // The set is settled and made public; the cross counts the one choice.
  await leader.goto(`${server.base}/scenario-sets/${set}`);
  await clickAndLoad(leader, 'button[data-move="final"]');
  await clickAndLoad(leader, 'button[data-make-public="1"]');
  await leader.goto(`${server.base}/scenario-sets/${set}/cross`);
  await assertAccessible(leader, 'the cross');
  assert.equal(await leader.locator(`svg g[data-scenario="${chosen}"] text[data-count]`).getAttribute('data-count'), '1');
  await leader.goto(`${server.base}/scenario-sets/${set}/assessment`);
  await assertAccessible(leader, 'the assessment');

  // An editor embeds the cross; another publishes.
  const title = 'Fyra nya scenarier';
  const writer = await (await browser.newContext()).newPage();
  await login(writer, server.base, 'redaktor@demo.test');
  await writer.goto(`${server.base}/editorial/new`);
  await writer.selectOption('#f-kind', 'output');
  await writer.selectOption('#f-phase', 'scenarier');
  await writer.selectOption('#f-output', 'scenarier-2050');
  await writer.fill('#f-title', title);
  await writer.fill('#f-body', `Den andra omgångens scenarier.\n\n[[scenarios:${set}]]`);
  await clickAndLoad(writer, 'button[value=preview]');
  assert.equal(await writer.locator('.preview svg.chart-scenario-cross').count(), 1);
  await assertAccessible(writer, 'preview with the cross');
  await clickAndLoad(writer, 'button[value=save]');
  const text = writer.url().split('/').pop();
  await clickAndLoad(writer, 'button:text("Skicka till granskning")');
  const reviewer = await (await browser.newContext()).newPage();
  await login(reviewer, server.base, 'redaktor2@demo.test');
  await reviewer.goto(`${server.base}/editorial/${text}`);
  await clickAndLoad(reviewer, 'button[value=publish]');
  assert.match(await reviewer.locator('p.kind').innerText(), /Publicerad/);

  // Another organisation's assessment after publication changes the workspace's cross,
  // not the published one.
  const second_strategist = await (await browser.newContext()).newPage();
  await login(second_strategist, server.base, 'strateg.varmland@demo.test');
  await assessAndSubmit(second_strategist, chosen, 'Värmland');
  await leader.goto(`${server.base}/scenario-sets/${set}/cross`);
  assert.equal(await leader.locator(`svg g[data-scenario="${chosen}"] text[data-count]`).getAttribute('data-count'), '2');

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${server.base}/publications/${text}`);
  assert.equal(await visitor.locator('h1').innerText(), title);
  const cross = visitor.locator('svg.chart-scenario-cross');
  assert.ok(await cross.isVisible());
  assert.equal(await cross.locator(`g[data-scenario="${chosen}"] text[data-count]`).getAttribute('data-count'), '1');
  await assertAccessible(visitor, 'public text with the cross');
  // The visitor also finds the public set among the scenarios.
  await visitor.goto(`${server.base}/scenarios`);
  assert.equal(await visitor.locator(`tr[data-set="${set}"]`).count(), 1);
  await assertAccessible(visitor, 'public scenarios');
  await visitor.goto(`${server.base}/scenario-sets/${set}`);
  await assertAccessible(visitor, 'public set page');

  // At 390 px the cross's page scrolls nowhere sideways.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(`${server.base}/scenario-sets/${set}/cross`);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the cross's page is ${overflow} px too wide at 390 px`);
});
