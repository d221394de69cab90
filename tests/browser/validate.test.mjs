// Every kind of page of the demo, as a visitor and as each role signs in, is valid HTML by
// the Nu Html Checker (vnu, the W3C's checker, run locally from its npm package).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startServer, startBrowser, login } from './harness.mjs';

const require = createRequire(import.meta.url);
const vnuJar = require('vnu-jar');

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

/** Where a crawl does not go: files, downloads, feeds and signing out. */
function crawlable(path) {
  return !/^\/(assets|print|logout|feed)/.test(path) && !/\.(csv|xlsx|ics|json|svg|png|pdf|atom|txt|ico)$/.test(path);
}

/** A page's shape: its address with the numbers taken out, so each kind is checked twice at most. */
function shape(path) {
  return path.replace(/\d+/g, 'N');
}

/** Fetches the pages a person reaches by following links from the start pages. */
async function crawl(request, seeds, limit = 220) {
  const pages = new Map();
  const shapes = new Map();
  const queue = [...seeds];
  const seen = new Set(queue);
  while (queue.length && pages.size < limit) {
    const path = queue.shift();
    const response = await request.get(`${server.base}${path}`, { maxRedirects: 0 });
    const type = response.headers()['content-type'] || '';
    if (response.status() !== 200 || !type.startsWith('text/html')) continue;
    const body = await response.text();
    pages.set(path, body);
    for (const match of body.matchAll(/href="(\/[^"#?]*)(\?[^"#]*)?"/g)) {
      const next = match[1];
      if (seen.has(next) || !crawlable(next)) continue;
      seen.add(next);
      const count = shapes.get(shape(next)) || 0;
      if (count >= 2) continue;
      shapes.set(shape(next), count + 1);
      queue.push(next);
    }
  }
  return pages;
}

function vnu(dir) {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', dir],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        try {
          resolve(JSON.parse(stderr || stdout).messages);
        } catch {
          reject(error || new Error(stderr));
        }
      },
    );
  });
}

async function checkAs(email) {
  const context = await browser.newContext();
  if (email) {
    const page = await context.newPage();
    await login(page, server.base, email);
    await page.close();
  }
  const seeds = ['/', '/start', '/calendar', '/bank', '/progress', '/publications', '/rounds', '/search?q=klimat', '/login', '/no-such-page'];
  const pages = await crawl(context.request, seeds);
  await context.close();
  const dir = mkdtempSync(join(tmpdir(), 'framsyn-vnu-'));
  const names = new Map();
  [...pages.entries()].forEach(([path, body], i) => {
    const name = `page-${i}.html`;
    names.set(name, path);
    writeFileSync(join(dir, name), body);
  });
  const messages = await vnu(dir);
  rmSync(dir, { recursive: true, force: true });
  const errors = messages
    .filter((m) => m.type === 'error')
    .map((m) => `${names.get(m.url.split('/').pop())}:${m.lastLine}: ${m.message}`);
  return { count: pages.size, errors };
}

for (const who of [null, 'processledare@demo.test', 'redaktor@demo.test', 'admin@demo.test', 'strateg.skane@demo.test']) {
  test(`every kind of page is valid HTML for ${who || 'a visitor'}`, { timeout: 600_000 }, async () => {
    const { count, errors } = await checkAs(who);
    assert.ok(count >= 10, `only ${count} pages reached`);
    assert.deepEqual(errors, []);
  });
}
