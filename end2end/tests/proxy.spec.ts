import { expect, request } from '@playwright/test';
import * as crypto from 'node:crypto';
import * as zlib from 'node:zlib';
import { codeMailedTo, jsEnabled, test, waitForIslands } from './helpers';

// The site behind Debian's nginx, configured with the example the package ships: TLS (a
// self-signed certificate made for the test), HTTP/2, X-Forwarded-For and -Proto, and the body
// size for photos. Its own site and data folder (playwright.config.ts).
const proxyData = process.env.KLIMADIALOG_E2E_PROXY_DATA!;

/**
 * A photo as large as a phone's: `width`×`height` pixels of noise, which no compression
 * shrinks (1 200×900 is 3.2 MB, over nginx's default 1 MB body limit, under the site's 10 MB).
 */
function noisePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  crypto.randomFillSync(rows);
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0; // no filter
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PHOTO = noisePng(1200, 900);

test('behind nginx with TLS a resident proposes with a phone-sized photo, signs in and supports', async ({ page, context }, testInfo) => {
  expect(PHOTO.length, 'larger than nginx lets through by default').toBeGreaterThan(3_000_000);
  const js = jsEnabled(testInfo);
  const email = `proxy-${testInfo.project.name}@example.org`;
  const title = `Solceller på idrætshallen (${testInfo.project.name})`;

  const front = await page.goto('/');
  expect(front!.url()).toMatch(/^https:\/\/localhost:\d+\/$/);
  // The site knows it is served over https (X-Forwarded-Proto and its public address).
  expect(front!.headers()['strict-transport-security']).toContain('max-age=');
  if (js) {
    const protocol = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol,
    );
    expect(protocol, 'HTTP/2 from nginx').toBe('h2');
  }

  await page.getByRole('link', { name: 'Foreslå en idé' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Foreslå en idé til klimaplanen' })).toBeVisible();
  if (js) await waitForIslands(page);
  await page.getByLabel('Overskrift').fill(title);
  await page.getByLabel('Mindsker udledningen af drivhusgasser').check();
  await page.getByLabel('Sektor (hvis idéen mindsker udledningen)').selectOption({ label: 'Transport' });
  await page.getByLabel('Område').selectOption({ label: '9000 Aalborg' });
  await page.getByLabel('Beskrivelse').fill('Idrætshallens store tag kan bære solceller, der dækker hallens eget forbrug.');
  await page.getByLabel('Foto (valgfrit)').setInputFiles({ name: 'hallen.png', mimeType: 'image/png', buffer: PHOTO });
  await page.getByRole('button', { name: 'Fortsæt' }).click();

  await expect(page.getByText('Din idé er gemt som kladde. Log ind, så kan du sende den.')).toBeVisible();
  await page.getByLabel('Din e-mail').fill(email);
  await page.getByRole('button', { name: 'Send mig en kode' }).click();
  await page.getByLabel('Kode (6 cifre)').fill(await codeMailedTo(email, proxyData));
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tjek din idé, før du sender den' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Dit foto' })).toBeVisible();
  await page.getByRole('button', { name: 'Send idéen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // The session is a Secure, host-only cookie: the browser keeps it only over https.
  const session = (await context.cookies()).find((c) => c.name === '__Host-session');
  expect(session, 'the __Host-session cookie').toBeDefined();
  expect(session!.secure).toBe(true);
  expect(session!.httpOnly).toBe(true);

  // Support an idea through the proxy (each project its own idea).
  const idea = js ? 2 : 3;
  await page.goto(`/ideas/${idea}`);
  if (js) await waitForIslands(page);
  await page.getByRole('button', { name: 'Støt idéen' }).click();
  await expect(page.getByRole('button', { name: 'Træk din støtte tilbage' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Træk din støtte tilbage' })).toBeVisible();
});

test('behind nginx each client is counted by its own address', async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'proxy-js-on', 'the same requests with JavaScript off prove nothing more');
  // Staff logins are limited per client address. nginx adds the address it saw to
  // X-Forwarded-For; the site believes it because the request came from its trusted proxy. If it
  // counted nginx's own address instead, the second client would be refused too.
  const client = (address: string) =>
    request.newContext({
      baseURL,
      ignoreHTTPSErrors: true,
      extraHTTPHeaders: { 'X-Forwarded-For': address, Origin: baseURL! },
    });
  const login = { form: { username: 'nobody', password: 'wrong-password' } };
  const first = await client('203.0.113.7');
  let refused = false;
  for (let i = 0; i < 30 && !refused; i++) {
    refused = (await first.post('/fn/staff/login', login)).status() === 429;
  }
  expect(refused, 'one client is refused after its limit').toBe(true);
  const second = await client('203.0.113.8');
  expect((await second.post('/fn/staff/login', login)).status()).not.toBe(429);
  await first.dispose();
  await second.dispose();
});
