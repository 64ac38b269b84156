import { chromium, FullConfig } from '@playwright/test';

/**
 * Loads the front page once with JavaScript on and waits for its islands, so the first journey
 * does not pay for the browser's first compile of the WebAssembly bundle (several MB in a
 * debug build) on a busy two-core machine. Runs after the web server is up.
 */
export default async function warmUp(config: FullConfig) {
  const use = config.projects[0].use;
  const browser = await chromium.launch(use.launchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(new URL('/', use.baseURL).toString());
    await page.waitForFunction(
      () => {
        const islands = document.querySelectorAll('leptos-island').length;
        return islands > 0 && document.querySelectorAll('leptos-island > [data-live]').length === islands;
      },
      undefined,
      { timeout: 120_000 },
    );
  } finally {
    await browser.close();
  }
}
