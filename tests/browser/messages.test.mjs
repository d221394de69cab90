// Messages as people receive them, through a real SMTP server on loopback (smtp-server,
// parsed by mailparser): a visitor registers for the public final conference and
// confirms by the link in the mail they receive, then gets the confirmation with the
// event as a calendar file; a strategist changes what they receive and unsubscribes from
// the digest by its link in one click. axe checks every page on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { startServer, startBrowser, login, clickAndLoad, assertAccessible } from './harness.mjs';

let smtp;
let server;
let browser;
const inbox = [];

function startSmtp() {
  return new Promise((resolve, reject) => {
    const mailServer = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          })
          .catch(callback);
      },
    });
    mailServer.on('error', reject);
    mailServer.listen(0, '127.0.0.1', () => resolve(mailServer));
  });
}

/** The first message to `address` whose subject matches `subject`, waiting for it. */
async function mailTo(address, subject, seconds = 30) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const found = inbox.find((m) => m.to.includes(address) && subject.test(m.mail.subject ?? ''));
    if (found) return found.mail;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seen = inbox.filter((m) => m.to.includes(address)).map((m) => m.mail.subject);
  throw new Error(`no message to ${address} matching ${subject}; seen: ${JSON.stringify(seen)}`);
}

before(async () => {
  smtp = await startSmtp();
  server = await startServer({ smtpPort: smtp.server.address().port });
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => (smtp ? smtp.close(r) : r()));
});

test('a visitor registers for the final conference and confirms by the link in the mail', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.base}/calendar`);
  await clickAndLoad(page, 'main a:has-text("Slutkonferens: Regionerna 2050")');
  const eventUrl = page.url();
  await assertAccessible(page, 'the public conference with its registration form');

  const address = 'anna.lindqvist@besokare.test';
  await page.fill('#registration-form #f-name', 'Anna Lindqvist');
  await page.fill('#registration-form #f-email', address);
  await clickAndLoad(page, '#registration-form button[type=submit]');
  assert.equal(await page.getAttribute('[data-notice]', 'data-notice'), 'received');
  await assertAccessible(page, 'the conference after registering');

  const confirm = await mailTo(address, /Bekräfta/);
  assert.equal(confirm.headers.get('content-language'), 'sv');
  const link = confirm.text.split(/\s+/).find((w) => w.includes('/registrations/confirm/'));
  assert.ok(link?.startsWith(server.base), `a link to this workspace: ${link}`);
  assert.ok(confirm.html.includes(link.split('/').pop()), 'the HTML part has the link too');

  await page.goto(link);
  await assertAccessible(page, 'the confirmation page');
  await clickAndLoad(page, 'main form button[type=submit]');
  assert.equal(page.url().split('?')[0], eventUrl.split('?')[0]);
  // Counted now: a seat, or (the demo's conference being full) a place on the waiting list.
  const notice = await page.getAttribute('[data-notice]', 'data-notice');
  assert.ok(['confirmed', 'waiting'].includes(notice), notice);
  await assertAccessible(page, 'the conference after confirming');

  const confirmed = await mailTo(address, notice === 'confirmed' ? /Anmälan bekräftad/ : /väntelistan/);
  const invitation = confirmed.attachments.find((a) => a.filename?.endsWith('.ics'));
  assert.ok(invitation, 'the event as a calendar file');
  const ics = invitation.content.toString('utf8');
  assert.match(ics, /METHOD:REQUEST/);
  assert.match(ics, /SUMMARY:Slutkonferens: Regionerna 2050/);

  // The link works once.
  await page.goto(link);
  assert.equal(await page.locator('main form button[type=submit]').count(), 0);
  await context.close();
});

test('a strategist chooses what they receive and unsubscribes from the digest in one click', async () => {
  const address = 'strateg.skane@demo.test';
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, server.base, address);
  await page.goto(`${server.base}/account/messages`);
  await assertAccessible(page, 'the message preferences');
  assert.equal(await page.isChecked('#f-digest-weekly'), true, 'the demo chose the weekly digest');
  await page.check('#f-digest-daily');
  await page.uncheck('#f-kind-round-opened');
  await clickAndLoad(page, 'main form button[type=submit]');
  assert.equal(await page.locator('[data-saved]').count(), 1);
  assert.equal(await page.isChecked('#f-digest-daily'), true);
  assert.equal(await page.isChecked('#f-kind-round-opened'), false);
  assert.equal(await page.isChecked('#f-kind-assignment-reminder'), true);
  await assertAccessible(page, 'the message preferences after saving');

  // The digest the demo's scheduled task wrote goes out once the workspace runs with a server.
  const digest = await mailTo(address, /Nytt i Regionerna 2050/);
  const line = digest.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  const unsubscribe = line.match(/<([^>]+)>/)?.[1].replace(/\s+/g, '');
  assert.ok(unsubscribe?.startsWith(`${server.base}/unsubscribe/`), line);
  const post = digest.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line ?? '';
  assert.match(post, /^List-Unsubscribe-Post:\s*List-Unsubscribe=One-Click$/i);
  const fromText = digest.text.split(/\s+/).find((w) => w.includes('/unsubscribe/'));
  assert.equal(fromText, unsubscribe, 'the text offers the same link');

  await page.goto(fromText);
  await assertAccessible(page, 'the unsubscribe page');
  await clickAndLoad(page, 'main form button[type=submit]');
  assert.equal(await page.getAttribute('[data-unsubscribed]', 'data-unsubscribed'), 'digest');
  await assertAccessible(page, 'the unsubscribe page when done');

  await page.goto(`${server.base}/account/messages`);
  assert.equal(await page.isChecked('#f-digest-none'), true, 'no digest any more');
  assert.equal(await page.isChecked('#f-kind-round-opened'), false, 'the other choices stay');
  await context.close();
});
