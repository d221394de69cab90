// The main pages on a 390 px phone and on a 1280 px laptop, as a process leader of the
// demo and as a visitor: nothing wider than the screen, a header of one row, no WCAG 2.1
// AA violations, and the menu's top row on one line on the laptop. The run also writes
// the README's screenshots (the first screen of each page) into docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, startBrowser, login, assertAccessible } from './harness.mjs';

const shots = new URL('../../docs/screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

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

async function open(viewport, who) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (who) await login(page, server.base, who);
  return page;
}

/** The first link in `main` of a list page whose address matches `pattern`. */
async function firstLink(page, path, pattern) {
  await page.goto(`${server.base}${path}`);
  const hrefs = await page.$$eval('main a[href]', (links) => links.map((a) => a.getAttribute('href')));
  const found = hrefs.find((h) => pattern.test(h));
  assert.ok(found, `a link like ${pattern} on ${path}`);
  return found;
}

/** The main pages, named for their screenshots; the round's pages only for members. */
async function mainPages(page, member) {
  const pages = [
    ['home', '/'],
    ['phase', '/phases/policyutveckling'],
    ['calendar', '/calendar'],
    ['bank', '/bank'],
    ['note', await firstLink(page, '/bank', /^\/bank\/\d+$/)],
    ['publication', await firstLink(page, '/publications', /^\/publications\/\d+$/)],
  ];
  if (member) {
    const round = await firstLink(page, '/rounds', /^\/rounds\/\d+$/);
    pages.push(['radar', `${round}/radar`], ['progress', '/progress']);
  }
  return pages;
}

async function measure(page) {
  return page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    header: document.querySelector('header.site-header').getBoundingClientRect().height,
  }));
}

for (const [who, email] of [['a process leader', 'processledare@demo.test'], ['a visitor', null]]) {
  test(`on a 390 px phone, ${who} sees no page wider than the screen and a one-row header`, async () => {
    const page = await open(PHONE, email);
    for (const [name, path] of await mainPages(page, Boolean(email))) {
      const response = await page.goto(`${server.base}${path}`);
      assert.equal(response.status(), 200, path);
      const { width, header } = await measure(page);
      assert.ok(width <= PHONE.width, `${path}: ${width} px wide`);
      assert.ok(header <= 130, `${path}: the header is ${header} px tall`);
      await assertAccessible(page, `${path} at 390 px (${who})`);
      if (email) await page.screenshot({ path: new URL(`${name}-phone.png`, shots).pathname });
    }
    // The menu opens in place, within the screen, and lists the groups.
    await page.goto(`${server.base}/bank`);
    await page.click('summary.nav-menu-toggle');
    assert.ok(await page.locator('nav.main-nav').isVisible());
    assert.ok((await measure(page)).width <= PHONE.width);
    if (email) {
      await page.click('li[data-nav-group="bank"] > details > summary');
      assert.ok(await page.locator('a[data-nav="nav-sources"]').isVisible());
      await assertAccessible(page, 'the open menu at 390 px');
      await page.screenshot({ path: new URL('menu-phone.png', shots).pathname });
    }
  });

  test(`on a 1280 px laptop, ${who} sees the menu's top row on one line`, async () => {
    const page = await open(LAPTOP, email);
    for (const [name, path] of await mainPages(page, Boolean(email))) {
      await page.goto(`${server.base}${path}`);
      assert.ok(await page.locator('nav.main-nav').isVisible(), `${path}: the menu shows without a click`);
      const tops = await page.$$eval('nav.main-nav ul.nav-top > li', (items) => items.map((li) => li.offsetTop));
      assert.ok(tops.length >= 6, `${path}: ${tops.length} items`);
      assert.equal(new Set(tops).size, 1, `${path}: the top row wraps: ${tops}`);
      assert.ok((await measure(page)).width <= LAPTOP.width, path);
      await assertAccessible(page, `${path} at 1280 px (${who})`);
      if (email) await page.screenshot({ path: new URL(`${name}-desktop.png`, shots).pathname });
      if (name === 'progress') {
        // Every organisation's row of the tracker fits one laptop screen.
        const height = await page.$eval('table.tracker', (t) => t.getBoundingClientRect().height);
        const rows = await page.locator('table.tracker tbody tr').count();
        assert.ok(rows >= 20, `${rows} organisations`);
        assert.ok(height <= LAPTOP.height, `the tracker is ${height} px tall`);
      }
    }
    if (email) {
      // A group opens its panel of links; opening another closes the first.
      await page.goto(`${server.base}/`);
      await page.click('li[data-nav-group="bank"] > details > summary');
      assert.ok(await page.locator('a[data-nav="nav-sources"]').isVisible());
      await page.click('li[data-nav-group="publishing"] > details > summary');
      assert.ok(!(await page.locator('a[data-nav="nav-sources"]').isVisible()));
      assert.ok(await page.locator('a[data-nav="nav-publications"]').isVisible());
      await assertAccessible(page, 'an open group at 1280 px');
    }
  });
}
