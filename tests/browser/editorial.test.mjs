// An editorial text as editors and readers meet it in a browser: one editor drafts,
// previews it with a round's radar embedded and sends it for review; another publishes
// it; a visitor reads it, with the radar as it stood at publication, and prints it to
// PDF; axe checks every page on the way.
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

/// A public trend rated in an open round: what the text embeds. Returns the round's id.
async function ratedRound(writer) {
  const strategist = await (await browser.newContext()).newPage();
  await login(strategist, server.base, 'strateg.skane@demo.test');
  await strategist.goto(`${server.base}/bank/new`);
  await strategist.selectOption('#f-type', 'trend');
  await strategist.fill('#f-title', 'Fler arbetar på distans');
  await strategist.selectOption('#f-category', 'economic');
  await strategist.selectOption('#f-time_band', '2030_2040');
  await clickAndLoad(strategist, 'button[formaction="/bank/new?then=submit"]');
  const noteId = strategist.url().split('/').pop();

  const leader = await (await browser.newContext()).newPage();
  await login(leader, server.base, 'processledare@demo.test');
  await leader.goto(`${server.base}/rounds/new`);
  await leader.fill('#f-title', 'Trender att fördjupa');
  await leader.fill('#f-notes', noteId);
  await leader.fill('#f-opens_at', inDays(-1, 9));
  await leader.fill('#f-closes_at', inDays(10, 17));
  await clickAndLoad(leader, 'main form button[type=submit]');
  const roundId = leader.url().split('/').pop();

  await strategist.goto(`${server.base}/rounds/${roundId}`);
  await strategist.check(`#r-${noteId}-impact-4`);
  await clickAndLoad(strategist, 'main form button[type=submit]');

  // Only what the public may see can be published: the editor makes the trend public.
  await writer.goto(`${server.base}/bank/${noteId}`);
  await clickAndLoad(writer, `form[action="/bank/${noteId}/public"] button`);
  return { roundId, noteId, strategist };
}

test('an editor drafts, previews and embeds the radar, another publishes, a visitor reads and prints', async () => {
  const title = 'Omvärldsanalysen fördjupad';
  const writer = await (await browser.newContext()).newPage();
  await login(writer, server.base, 'redaktor@demo.test');
  const { roundId, noteId, strategist } = await ratedRound(writer);
  await writer.goto(`${server.base}/editorial/new`);
  await assertAccessible(writer, 'new text form');
  await writer.selectOption('#f-kind', 'output');
  await writer.selectOption('#f-phase', 'omvarlden');
  await writer.selectOption('#f-output', 'fordjupad-omvarldsanalys');
  await writer.fill('#f-title', title);
  await writer.fill('#f-body', `Trenderna **fördjupade**.\n\n[[radar:${roundId}]]\n\n- Demografi\n- Klimat`);
  await clickAndLoad(writer, 'button[value=preview]');
  assert.match(await writer.locator('.preview').innerText(), /fördjupade/);
  assert.equal(await writer.locator('.preview strong').first().innerText(), 'fördjupade');
  // The radar, live: one marker, and its figures in the table beside it.
  assert.equal(await writer.locator('.preview svg.chart-radar path.chart-marker').count(), 1);
  assert.match(await writer.locator('.preview .embed-radar table tbody tr').innerText(), /Fler arbetar på distans\t.*\t4\t1$/);
  await assertAccessible(writer, 'preview with the radar');
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
  // Another answer after publication changes the workspace, not the published text.
  await strategist.goto(`${server.base}/rounds/${roundId}`);
  await strategist.check(`#r-${noteId}-impact-2`);
  await clickAndLoad(strategist, 'main form button[type=submit]');
  await clickAndLoad(visitor, `a:text("${title}")`);
  assert.equal(await visitor.locator('h1').innerText(), title);
  assert.ok(await visitor.locator('svg.chart-radar').isVisible());
  assert.match(await visitor.locator('.embed-radar table tbody tr').innerText(), /\t4\t1$/);
  await assertAccessible(visitor, 'public text with the radar');
  const pdf = await visitor.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 1000);

  // The final publication prints as a title page, contents, a chapter per phase with
  // published outputs, and the sources.
  await visitor.goto(`${server.base}/publication`);
  await assertAccessible(visitor, 'final publication');
  const headings = await visitor.locator('.final-publication h2, .final-publication h3').allInnerTexts();
  // The new text stands in its phase's chapter, among what the demo published before.
  assert.equal(headings[0], 'Innehåll');
  const chapter = headings.indexOf('1. Omvärlden');
  const next = headings.indexOf('2. Scenarier');
  const at = headings.indexOf(title);
  assert.ok(chapter > 0 && at > chapter && (next < 0 || at < next), JSON.stringify(headings));
  await visitor.emulateMedia({ media: 'print' });
  const book = await visitor.pdf({ format: 'A4' });
  const pages = (book.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  // Title page, contents, the phase's chapter (and the sources, if any).
  assert.ok(pages >= 3, `${pages} pages`);
});
