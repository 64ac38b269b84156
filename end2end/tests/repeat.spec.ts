import { expect } from '@playwright/test';
import { jsEnabled, test, waitForIslands } from './helpers';

// Residents come back on slow phones. The site's static files (the islands' loader and
// WebAssembly bundle, the style sheet, the icon and small scripts) carry a hash of their
// content in their names and may be kept for a year, so a repeat view fetches only the page.

test('a repeat view of the front page on a slow phone fetches no static file again', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the bundle is only fetched with JavaScript on');
  const context = page.context();

  // What went over the network for each address, seen by Chromium itself: a file answered from
  // its cache is not fetched; a 304 is a fetch (a round trip on a slow line all the same).
  const watch = async (tab: typeof page) => {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    // Chrome's "Slow 4G" preset: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    const fetched: string[] = [];
    cdp.on('Network.responseReceived', (event) => {
      const r = event.response;
      if (!r.fromDiskCache && !r.fromMemoryCache && !r.fromPrefetchCache && !r.fromServiceWorker) {
        fetched.push(new URL(r.url).pathname);
      }
    });
    return fetched;
  };
  const isStatic = (path: string) => /\.(js|wasm|css|svg)$/.test(path);

  const firstFetched = await watch(page);
  await page.goto('/');
  await waitForIslands(page);
  await page.waitForLoadState('networkidle');
  const statics = firstFetched.filter(isStatic);
  expect(statics.some((p) => p.endsWith('.wasm')), `the first view fetched the bundle: ${statics}`).toBe(true);
  for (const path of statics) expect(path, 'named by its content').toMatch(/\.[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/);

  // Another day: a new tab in the same browser, the front page again.
  const again = await context.newPage();
  const repeatFetched = await watch(again);
  await again.goto('/');
  await waitForIslands(again);
  await again.waitForLoadState('networkidle');
  expect(repeatFetched.filter(isStatic), 'static files fetched again on the repeat view').toEqual([]);
  expect(repeatFetched, 'the page itself is asked for again').toContain('/');
  await again.close();
});
