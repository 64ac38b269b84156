import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test as base, expect, Page, TestInfo } from '@playwright/test';

export function jsEnabled(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/**
 * Fails on any WCAG 2.1 A/AA violation axe finds on the page as it is now. axe is a script, so
 * it cannot run in a page with JavaScript off; there, the exact HTML that page received is
 * checked in a page that runs scripts but has the site's own JavaScript and WebAssembly blocked,
 * so what axe sees is what a visitor without JavaScript gets.
 */
/**
 * Pages axe has run in since their last navigation. axe-core can put `<style>` elements of its own
 * into the page it checks (to read the CSSOM, and in its elementsFromPoint fallback), which the
 * site's `style-src 'self'` rightly blocks and Chromium reports; seen once in CI on the staff
 * login page. Those reports are axe's, not the site's, and are not counted (other kinds are).
 */
const checkedByAxe = new WeakSet<Page>();

export async function expectAccessible(page: Page, testInfo: TestInfo) {
  checkedByAxe.add(page);
  let target = page;
  let cleanup = async () => {};
  if (!jsEnabled(testInfo)) {
    const html = await page.content();
    const context = await page.context().browser()!.newContext({
      viewport: page.viewportSize() ?? undefined,
      javaScriptEnabled: true,
    });
    await context.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    target = await context.newPage();
    await target.goto(new URL('/robots.txt', page.url()).toString());
    await target.setContent(html, { waitUntil: 'load' });
    cleanup = () => context.close();
  }
  try {
    const results = await new AxeBuilder({ page: target })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  } finally {
    await cleanup();
  }
}

/** Collects errors the page logs, so hydration problems fail the test. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/**
 * Waits until the WebAssembly bundle has hydrated every island on the page. Each island marks
 * its root `data-live` from an effect, and effects run only once it is alive in the browser.
 */
export async function waitForIslands(page: Page) {
  if ((await page.locator('leptos-island').count()) === 0) {
    // Nothing to hydrate; let the bundle finish loading so its errors would show.
    await page.waitForLoadState('networkidle');
    return;
  }
  try {
    await page.waitForFunction(
      () => {
        const islands = document.querySelectorAll('leptos-island').length;
        return islands > 0 && document.querySelectorAll('leptos-island > [data-live]').length === islands;
      },
      undefined,
      { timeout: 20_000 },
    );
  } catch (error) {
    // Say which islands stayed dead and whether the bundle loaded, so a failure can be read.
    const state = await page.evaluate(() => ({
      dead: Array.from(document.querySelectorAll('leptos-island'))
        .filter((island) => !island.querySelector(':scope > [data-live]'))
        .map((island) => island.outerHTML.slice(0, 160)),
      resources: performance
        .getEntriesByType('resource')
        .map((r) => `${r.name.split('/').pop()} ${Math.round(r.duration)} ms`)
        .filter((r) => r.includes('klimadialog')),
    }));
    throw new Error(`islands not hydrated: ${JSON.stringify(state, null, 1)}\n${error}`);
  }
}

/**
 * The `test` of every journey: it remembers each page the journey visits and, when the journey
 * is done, runs axe on every one of them in the same browser context (same cookies, so the same
 * language), so no visited page goes unchecked. Chromium reports anything the site's
 * Content-Security-Policy blocked on the console; any such report fails the journey.
 */
/** A 1×1 PNG: every tile of the test tile server (see playwright.config.ts). */
export const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const TILE_SERVER = 'https://tiles.e2e.invalid/**';

export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use, testInfo) => {
    await page.route(TILE_SERVER, (route) => route.fulfill({ contentType: 'image/png', body: TILE_PNG }));
    const visited = new Set<string>();
    const blocked: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) checkedByAxe.delete(page);
      if (frame === page.mainFrame() && frame.url().startsWith('http')) {
        visited.add(frame.url().split('#')[0]);
      }
    });
    // Everything the page said, printed when a journey fails: a panic during hydration shows
    // here, and only here.
    const said: string[] = [];
    page.on('console', (msg) => {
      said.push(`${msg.type()}: ${msg.text()}`);
      const axesOwnStyle = checkedByAxe.has(page) && /Applying inline style/i.test(msg.text());
      if (/Content Security Policy/i.test(msg.text()) && !axesOwnStyle) {
        blocked.push(`${page.url()}: ${msg.text()}`);
      }
    });
    page.on('pageerror', (error) => said.push(`pageerror: ${error.message}`));
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) {
      if (said.length) console.log(`console of the failed journey:\n${said.join('\n').slice(0, 4000)}`);
      return;
    }
    for (const url of visited) {
      await page.goto(url);
      await expectAccessible(page, testInfo);
    }
    expect(blocked, 'Content-Security-Policy violations').toEqual([]);
  },
});

/**
 * The newest sign-in code mailed to `address`. The e2e server has no SMTP server, so it writes
 * mail as .eml files into its outbox; the HTTP tests cover real SMTP.
 */
export async function codeMailedTo(
  address: string,
  dataDir: string = process.env.KLIMADIALOG_E2E_DATA!,
): Promise<string> {
  const outbox = path.join(dataDir, 'outbox');
  let found: string | undefined;
  await expect
    .poll(() => {
      const mails = fs
        .readdirSync(outbox)
        .map((name) => path.join(outbox, name))
        .filter((file) => {
          const raw = fs.readFileSync(file, 'utf8');
          // Codes come without a stop link; mails about what one follows carry one.
          return raw.includes(`To: ${address}`) && !/^List-Unsubscribe:/m.test(raw);
        })
        .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
      found = mails[0];
      return found !== undefined;
    })
    .toBe(true);
  const code = mailText(fs.readFileSync(found!, 'utf8')).match(/\b(\d{6})\b/);
  expect(code, 'a six-digit code in the mail').not.toBeNull();
  return code![1];
}

/** Signs in on the sign-in page the journey is on, with the code mailed to `email`. */
export async function signIn(page: Page, email: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind med din e-mail' })).toBeVisible();
  await page.getByLabel('Din e-mail').fill(email);
  await page.getByRole('button', { name: 'Send mig en kode' }).click();
  await page.getByLabel('Kode (6 cifre)').fill(await codeMailedTo(email));
  await page.getByRole('button', { name: 'Log ind' }).click();
}

/** A mail's headers and its plain text, decoded where it is sent as base64 or as
 * quoted-printable (as mail in non-ASCII text is); of a mail with an HTML alternative, the
 * plain-text part. */
export function mailText(raw: string): string {
  const [headers, body] = splitPart(raw);
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const boundary = unfolded.match(/^Content-Type:\s*multipart\/[^\r\n]*boundary="?([^";\r\n]+)"?/im);
  if (boundary) {
    const plain = body
      .split(`--${boundary[1]}`)
      .map((part) => part.replace(/^\r?\n/, ''))
      .find((part) => /^Content-Type:\s*text\/plain/im.test(splitPart(part)[0]));
    if (plain) return `${headers}\n\n${decoded(...splitPart(plain))}`;
  }
  return `${headers}\n\n${decoded(headers, body)}`;
}

function splitPart(raw: string): [string, string] {
  const split = raw.search(/\r?\n\r?\n/);
  return split < 0 ? [raw, ''] : [raw.slice(0, split), raw.slice(split).trim()];
}

function decoded(headers: string, body: string): string {
  if (/^Content-Transfer-Encoding:\s*base64/im.test(headers)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (/^Content-Transfer-Encoding:\s*quoted-printable/im.test(headers)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/**
 * Every mail in the outbox whose text holds `needle`, once the mail worker has stopped adding
 * to them: recipient and decoded text.
 */
export async function mailsContaining(needle: string): Promise<{ to: string; text: string }[]> {
  const outbox = path.join(process.env.KLIMADIALOG_E2E_DATA!, 'outbox');
  const read = () =>
    fs
      .readdirSync(outbox)
      .map((name) => mailText(fs.readFileSync(path.join(outbox, name), 'utf8')))
      .filter((text) => text.includes(needle))
      .map((text) => ({ to: text.match(/^To:\s*(.+)$/m)?.[1].trim() ?? '', text }));
  // The worker sends in rounds; the set is complete when two reads a second apart agree.
  let last = -1;
  await expect
    .poll(
      () => {
        const now = read().length;
        const settled = now > 0 && now === last;
        last = now;
        return settled;
      },
      { intervals: [1_000], timeout: 20_000 },
    )
    .toBe(true);
  return read();
}

/**
 * The journeys' clock: makes the rounds of `schedule` due `days` from now, as an operator's
 * `klimadialog digests --at` does; the server's mail worker sends them within seconds. Each
 * journey uses days of its own, so the rounds of one never stand in for another's.
 */
export function digestsInDays(days: number, schedule: 'daily' | 'weekly') {
  const bin = process.env.KLIMADIALOG_BIN ?? path.resolve(__dirname, '../../target/debug/klimadialog');
  const at = Math.floor(Date.now() / 1000) + days * 86_400;
  execFileSync(bin, ['digests', '--at', String(at), '--schedule', schedule], {
    env: {
      ...process.env,
      DATABASE_URL: path.join(process.env.KLIMADIALOG_E2E_DATA!, 'e2e.db'),
      RUST_LOG: 'warn',
    },
  });
}

/**
 * Runs `work` while no other journey holds the lock `name`: journeys of the two projects share
 * one server, one digest schedule (a round one makes between the other's events would split
 * that week's news over two mails) and one moderation queue.
 */
export async function alone<T>(name: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(process.env.KLIMADIALOG_E2E_DATA!, `${name}.lock`);
  await expect
    .poll(
      () => {
        try {
          fs.mkdirSync(lock);
          return true;
        } catch {
          return false;
        }
      },
      { intervals: [500], timeout: 120_000 },
    )
    .toBe(true);
  try {
    return await work();
  } finally {
    fs.rmdirSync(lock);
  }
}

/** The one mail to `to` holding `needle` (decoded), waiting for the mail worker to send it. */
export async function mailTo(to: string, needle: string): Promise<string> {
  const outbox = path.join(process.env.KLIMADIALOG_E2E_DATA!, 'outbox');
  const read = () =>
    fs
      .readdirSync(outbox)
      .map((name) => mailText(fs.readFileSync(path.join(outbox, name), 'utf8')))
      .filter((text) => new RegExp(`^To:\\s*${to}\\s*$`, 'm').test(text) && text.includes(needle));
  await expect.poll(() => read().length, { intervals: [1_000], timeout: 60_000 }).toBeGreaterThan(0);
  const found = read();
  expect(found).toHaveLength(1);
  return found[0];
}

/** Signs in as the journeys' admin, on the way to `next`. */
export async function staffLogin(page: Page, next: string) {
  await page.context().clearCookies();
  await page.goto(`/staff/login?next=${next}`);
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
}
