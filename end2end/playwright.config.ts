import { defineConfig } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The server under test is the real binary on a fresh SQLite file with the demo data.
const port = Number(process.env.E2E_PORT ?? 3999);
const baseURL = `http://127.0.0.1:${port}`;
const bin = process.env.KLIMADIALOG_BIN ?? path.resolve(__dirname, '../target/debug/klimadialog');
const siteRoot = process.env.KLIMADIALOG_SITE_ROOT ?? path.resolve(__dirname, '../target/site');
// Workers load this file again; they must share the server's folder, not make their own.
if (!process.env.KLIMADIALOG_E2E_DATA) {
  process.env.KLIMADIALOG_E2E_DATA = fs.mkdtempSync(path.join(os.tmpdir(), 'klimadialog-e2e-'));
}
const dataDir = process.env.KLIMADIALOG_E2E_DATA;
// A second site behind Debian's nginx with TLS and HTTP/2, configured with the example the
// package ships: proxy.spec.ts goes through it as a resident would in production.
const proxiedPort = Number(process.env.E2E_PROXIED_PORT ?? 3996);
const httpsPort = Number(process.env.E2E_HTTPS_PORT ?? 4443);
const httpPort = Number(process.env.E2E_HTTP_PORT ?? 4080);
const proxyURL = `https://localhost:${httpsPort}`;
if (!process.env.KLIMADIALOG_E2E_PROXY_DATA) {
  process.env.KLIMADIALOG_E2E_PROXY_DATA = fs.mkdtempSync(path.join(os.tmpdir(), 'klimadialog-e2e-proxy-'));
}
const proxyDataDir = process.env.KLIMADIALOG_E2E_PROXY_DATA;

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  timeout: 30_000,
  // One retry in CI only: a journey that passes on its retry is reported as flaky in the
  // summary rather than blocking; locally every failure shows at once.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL,
    viewport: { width: 390, height: 844 },
    locale: 'da-DK',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Journeys that change what others read (merging two public ideas, clearing the moderation
  // queue) run in `*.late.spec.ts`, after every other journey, one project after the other.
  //
  // The server stands behind a proxy, as it does in production (nginx on the same machine):
  // each project's browser is a household of its own on the internet (`X-Forwarded-For`), so
  // the hourly limit on sign-in codes per network counts each project's residents apart.
  projects: [
    {
      name: 'js-on',
      use: { javaScriptEnabled: true, extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.1' } },
      testIgnore: [/\.late\.spec\.ts$/, /proxy\.spec\.ts$/],
    },
    {
      name: 'js-off',
      use: { javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.2' } },
      testIgnore: [/\.late\.spec\.ts$/, /proxy\.spec\.ts$/],
    },
    {
      name: 'late-js-on',
      use: { javaScriptEnabled: true, extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.3' } },
      testMatch: /\.late\.spec\.ts$/,
      dependencies: ['js-on', 'js-off'],
    },
    {
      name: 'late-js-off',
      use: { javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.4' } },
      testMatch: /\.late\.spec\.ts$/,
      dependencies: ['late-js-on'],
    },
    // Through nginx: the browser speaks TLS and HTTP/2 to it, and nginx adds the address.
    {
      name: 'proxy-js-on',
      use: { javaScriptEnabled: true, baseURL: proxyURL, ignoreHTTPSErrors: true },
      testMatch: /proxy\.spec\.ts$/,
    },
    {
      name: 'proxy-js-off',
      use: { javaScriptEnabled: false, baseURL: proxyURL, ignoreHTTPSErrors: true },
      testMatch: /proxy\.spec\.ts$/,
    },
  ],
  webServer: [{
    // A staff account for the staff journeys, its password on stdin as an operator would pipe it.
    command: `printf '%s\\n' "$E2E_STAFF_PASSWORD" | "${bin}" staff add e2e-admin --role admin && "${bin}" serve`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: path.join(dataDir, 'e2e.db'),
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      KLIMADIALOG_METRICS_ADDR: "127.0.0.1:0",
      LEPTOS_SITE_ROOT: siteRoot,
      KLIMADIALOG_DEMO: 'true',
      // No SMTP_URL: mail goes to <data dir>/outbox, where the tests read it.
      KLIMADIALOG_DATA_DIR: dataDir,
      E2E_STAFF_PASSWORD: 'e2e-klimaplan-adgang',
      // A background map for /map; the journeys answer its tiles themselves (helpers.ts), so
      // nothing leaves the machine.
      KLIMADIALOG_MAP_TILES: 'https://tiles.e2e.invalid/{z}/{x}/{y}.png',
      KLIMADIALOG_MAP_TILES_CREDIT: 'Kort: prøvefliser',
      // The test-only pseudo-language for language.spec.ts; only requests asking for en-XA see it.
      KLIMADIALOG_PSEUDO_LOCALE: 'true',
      KLIMADIALOG_TRUSTED_PROXIES: '127.0.0.1',
      // Mail is paced for real mail servers; the journeys' outbox needs no pacing (the pace
      // itself is tested in the mail worker's unit test).
      KLIMADIALOG_MAILS_PER_MINUTE: '60000',
      RUST_LOG: 'warn',
    },
  },
  {
    command: `"${bin}" serve`,
    url: `http://127.0.0.1:${proxiedPort}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: path.join(proxyDataDir, 'e2e.db'),
      LEPTOS_SITE_ADDR: `127.0.0.1:${proxiedPort}`,
      KLIMADIALOG_METRICS_ADDR: '127.0.0.1:0',
      LEPTOS_SITE_ROOT: siteRoot,
      KLIMADIALOG_DEMO: 'true',
      KLIMADIALOG_DATA_DIR: proxyDataDir,
      // As README's "Running in production" sets them behind nginx.
      KLIMADIALOG_PUBLIC_URL: proxyURL,
      KLIMADIALOG_TRUSTED_PROXIES: '127.0.0.1,::1',
      RUST_LOG: 'warn',
    },
  },
  {
    command: `proxy/nginx.sh ${httpsPort} ${httpPort} ${proxiedPort}`,
    url: `${proxyURL}/healthz`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  }],
});
