// Scheduling and registration as people do it in a browser: a process leader creates a
// workshop with an agenda and a question; a strategist registers two people and the
// third is refused by the cap; axe checks the event page, the form and the calendar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, login, clickAndLoad, assertAccessible, inDays } from './harness.mjs';

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

test('a workshop is scheduled, two are registered and the third is refused by the cap', async () => {
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await login(leader, server.base, 'processledare@demo.test');
  await leader.goto(`${server.base}/events/new`);
  await assertAccessible(leader, 'new event form');
  await leader.selectOption('#f-kind', 'workshop');
  await leader.selectOption('#f-phase', 'omvarlden');
  await leader.fill('#f-title', 'Workshop om trender i webbläsaren');
  await leader.fill('#f-description', 'Vi **spanar** tillsammans.');
  await leader.fill('#f-starts', inDays(20, 9));
  await leader.fill('#f-ends', inDays(20, 16));
  await leader.fill('#f-venue', 'Regionens hus');
  await leader.fill('#f-capacity', '40');
  await leader.fill('#f-per_organisation_cap', '2');
  await Promise.all([leader.waitForURL(/\/events\/\d+$/), leader.click('main form button[type=submit]')]);
  const eventUrl = leader.url();

  await leader.click('text=Lägg till programpunkt');
  await leader.fill('#f-starts', inDays(20, 9));
  await leader.fill('#f-ends', inDays(20, 10));
  await leader.fill('#f-title', 'Välkommen och inledning');
  await leader.fill('#f-speaker', 'Processledningen');
  await clickAndLoad(leader, '#agenda form button[type=submit]');
  assert.match(await leader.locator('table.agenda').innerText(), /Välkommen och inledning/);

  await leader.click('text=Lägg till fråga');
  await leader.selectOption('#questions #f-kind', 'yes_no');
  await leader.fill('#questions #f-label', 'Deltar du på middagen?');
  await leader.check('#f-required');
  await clickAndLoad(leader, '#questions form button[type=submit]');
  assert.match(await leader.locator('#questions').innerText(), /Deltar du på middagen\?/);
  await assertAccessible(leader, 'event page (process leader)');
  await leaderContext.close();

  const strategistContext = await browser.newContext();
  const strategist = await strategistContext.newPage();
  await login(strategist, server.base, 'strateg.skane@demo.test');
  await strategist.goto(eventUrl);
  await assertAccessible(strategist, 'event page with registration form');

  // Without answering the required question: refused at the field, nothing lost.
  await strategist.check('#person-self');
  await clickAndLoad(strategist, '#registration-form button[type=submit]');
  const questionError = strategist.locator('#registration .error');
  assert.equal(await questionError.count(), 1);
  await assertAccessible(strategist, 'registration form with an error');

  const registerOther = async (name, email) => {
    await strategist.check('#person-other');
    await strategist.fill('#f-name', name);
    await strategist.fill('#f-email', email);
    await strategist.check('#registration input[value="yes"]');
    await clickAndLoad(strategist, '#registration-form button[type=submit]');
  };
  await strategist.check('#person-self');
  await strategist.check('#registration input[value="yes"]');
  await clickAndLoad(strategist, '#registration-form button[type=submit]');
  assert.match(await strategist.locator('#registration').innerText(), /Du är anmäld och har en plats/);

  await registerOther('Karin Kollega', 'karin.kollega@skane.demo.test');
  assert.match(await strategist.locator('#registration').innerText(), /Karin Kollega/);

  await registerOther('Tredje Person', 'tredje@skane.demo.test');
  assert.match(
    await strategist.locator('#registration-problem').innerText(),
    /Organisationen har redan så många anmälda/,
  );
  assert.equal(await strategist.inputValue('#f-name'), 'Tredje Person', 'what was typed is kept');

  await strategist.goto(`${server.base}/calendar`);
  assert.match(await strategist.locator('main').innerText(), /Workshop om trender i webbläsaren/);
  await assertAccessible(strategist, 'calendar list');
  await strategist.goto(`${server.base}/calendar?view=month&month=${inDays(20, 9).slice(0, 7)}`);
  assert.match(await strategist.locator('table.month').innerText(), /Workshop om trender i webbläsaren/);
  await assertAccessible(strategist, 'calendar month');
  await strategist.goto(`${server.base}/my-events`);
  await assertAccessible(strategist, 'my events');
  await strategistContext.close();
});
