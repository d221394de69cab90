// Starts a Framsyn server with demo data on a free loopback port, and Debian's Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
export const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const DEMO_PASSWORD = 'framsyn-demo-2050';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child, seconds = 30) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url}`);
}

/**
 * Starts the server over a fresh demo database. `smtpPort`, when given, is an SMTP server
 * on loopback that the workspace delivers its mail to (looking every second), with its
 * links pointing at this server.
 */
export async function startServer({ smtpPort } = {}) {
  const binary = process.env.FRAMSYN_BIN || join(root, 'target', 'debug', 'framsyn');
  const dir = mkdtempSync(join(tmpdir(), 'framsyn-browser-'));
  const port = await freePort();
  const env = {
    ...process.env,
    FRAMSYN_DATABASE: join(dir, 'framsyn.sqlite3'),
    FRAMSYN_ADDR: `127.0.0.1:${port}`,
    RUST_LOG: 'warn',
  };
  if (smtpPort) {
    Object.assign(env, {
      FRAMSYN_SMTP_HOST: '127.0.0.1',
      FRAMSYN_SMTP_PORT: String(smtpPort),
      FRAMSYN_SMTP_SECURITY: 'none',
      FRAMSYN_MAIL_POLL: '1',
      FRAMSYN_PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
  }
  execFileSync(binary, ['demo'], { env, stdio: 'ignore' });
  const child = spawn(binary, ['serve'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health`, child);
  setToday(await serverToday(base));
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Chromium. Every context is a Swedish participant's browser (its
 * Accept-Language and time zone), unless a test asks for another.
 */
export async function startBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) =>
    newContext({ locale: 'sv-SE', timezoneId: TIME_ZONE, ...options });
  return browser;
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page and returns its violations. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol, so the page's strict CSP stays as it is.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

export async function login(page, base, email) {
  await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  // Without a next address, signing in lands on the start page.
  await Promise.all([page.waitForURL(`${base}/start`), page.click('main button[type=submit]')]);
}

/** Clicks a submit button and waits until the page it leads to has loaded (waiting for
 * the load state alone can return before the navigation has begun). */
export async function clickAndLoad(page, selector) {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

/** Fails with axe's findings when the page has any WCAG 2.1 A or AA violation. */
export async function assertAccessible(page, what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 2)}`);
}

/** The programme's time zone: dates typed into forms are local times there. */
export const TIME_ZONE = 'Europe/Stockholm';

/** `YYYY-MM-DD` of an instant in the programme's time zone. */
export function dayIn(instant, timeZone = TIME_ZONE) {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(instant);
}

/**
 * The server's today in the programme's time zone. A demo database acts as a day of its
 * programme and says which on every page (`data-demo-day` on its banner); otherwise the
 * server runs on the real clock.
 */
export async function serverToday(base) {
  const page = await (await fetch(`${base}/`)).text();
  const demo = page.match(/data-demo-day="(\d{4}-\d{2}-\d{2})"/);
  return demo ? demo[1] : dayIn(new Date());
}

let today = dayIn(new Date());

/** Sets the day `inDays` counts from (startServer does, from the server it starts). */
export function setToday(day) {
  today = day;
}

/**
 * `YYYY-MM-DDTHH:00` some days from the server's today, a local time in the programme's
 * time zone (what a `datetime-local` field takes), whatever the machine's zone.
 */
export function inDays(days, hour) {
  // Calendar arithmetic on the date alone (noon UTC never crosses a day boundary).
  const [y, m, d] = today.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d + days, 12));
  return `${dayIn(day, 'UTC')}T${String(hour).padStart(2, '0')}:00`;
}
