// What only a printer shows: on paper every page has the programme's name at the top
// and "page N of M" at the foot (read back from a real PDF with pdftotext), wide tables
// fit the page, headings stay with what follows them, and filter forms stay off paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, startBrowser, login } from './harness.mjs';

const artifacts = new URL('./artifacts/', import.meta.url);
mkdirSync(artifacts, { recursive: true });

// A4 less the print style sheet's side margins (15 mm each), at 96 px per inch: upright,
// and on its side for the pages of wide tables.
const A4_CONTENT_WIDTH = Math.floor(((210 - 30) / 25.4) * 96);
const A4_LANDSCAPE_CONTENT_WIDTH = Math.floor(((297 - 30) / 25.4) * 96);

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

async function printedPage(path, width = A4_CONTENT_WIDTH) {
  const context = await browser.newContext({
    viewport: { width, height: 1000 },
  });
  const page = await context.newPage();
  await login(page, server.base, 'processledare@demo.test');
  await page.goto(`${server.base}${path}`);
  await page.emulateMedia({ media: 'print' });
  return page;
}

test('a printed page has a running header and page numbers', async () => {
  const page = await printedPage('/progress?phases=all');
  const pdf = await page.pdf({ format: 'A4' });
  const file = fileURLToPath(new URL('progress.pdf', artifacts));
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  assert.ok(pages.length >= 1, 'the PDF has pages');
  pages.forEach((p, i) => {
    assert.match(p, /Regionerna 2050/, `page ${i + 1} has the running header`);
    assert.match(p, new RegExp(`Sida ${i + 1} av ${pages.length}`), `page ${i + 1} is numbered`);
  });
  // The tracker's columns are wide enough that no word is cut in two.
  for (const word of ['Regionalisering', 'Policyutveckling', 'Slutkonferens']) {
    assert.ok(text.includes(word), `"${word}" is printed whole`);
  }
  await page.context().close();
});

test('wide tables fit the page and filters stay off paper', async () => {
  for (const path of ['/progress', '/phases/omvarlden/heatmap']) {
    // Wide tables go on landscape pages; every other table fits an upright page.
    const upright = await printedPage(path);
    for (const handle of await upright.locator('main table').elementHandles()) {
      const wide = await handle.evaluate((t) => t.closest('.table-scroll') !== null);
      if (wide) {
        assert.equal(
          await handle.evaluate((t) => getComputedStyle(t.closest('.table-scroll')).page),
          'wide',
          `${path}: a wide table asks for a landscape page`,
        );
      } else {
        const right = await handle.evaluate((t) => t.getBoundingClientRect().right);
        assert.ok(right <= A4_CONTENT_WIDTH + 1, `${path}: a table ends at ${right} px`);
      }
    }
    await upright.context().close();
    const page = await printedPage(path, A4_LANDSCAPE_CONTENT_WIDTH);
    const tables = page.locator('main .table-scroll table');
    assert.ok((await tables.count()) > 0, `${path} has a wide table`);
    for (const handle of await tables.elementHandles()) {
      const right = await handle.evaluate((t) => t.getBoundingClientRect().right);
      assert.ok(right <= A4_LANDSCAPE_CONTENT_WIDTH + 1, `${path}: a wide table ends at ${right} px`);
    }
    for (const hidden of ['form.filters', '.language-switch', '.actions']) {
      for (const handle of await page.locator(hidden).elementHandles()) {
        assert.equal(await handle.evaluate((e) => getComputedStyle(e).display), 'none', `${path}: ${hidden}`);
      }
    }
    const headings = await page.locator('main h1, main h2, main caption').evaluateAll((all) =>
      all.map((h) => getComputedStyle(h).breakAfter),
    );
    assert.ok(headings.length > 0);
    assert.deepEqual([...new Set(headings)], ['avoid'], `${path}: headings keep with what follows`);
    await page.context().close();
  }
});
