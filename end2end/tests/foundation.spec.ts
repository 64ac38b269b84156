import { expect } from '@playwright/test';
import { expectAccessible, jsEnabled, test, waitForIslands, watchConsole } from './helpers';

// Every journey runs twice: in the js-on project and in the js-off project. The `test` from
// helpers runs axe on every page a journey visits; the explicit checks below look at a page
// in a particular state (for example after the islands have hydrated).

test('the front page shows the most supported ideas in Danish', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { level: 1, name: 'Sammen om klimaplanen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mest støttede idéer' })).toBeVisible();
  const cards = page.locator('.idea-list > li');
  expect(await cards.count()).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole('link', { name: 'Sammenhængende cykelsti langs Vejgårdsvej' })).toBeVisible();
  await expect(page.getByText('184 støtter')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tilgængelighedserklæring' })).toBeVisible();
  await expectAccessible(page, testInfo);
  if (jsEnabled(testInfo)) {
    await waitForIslands(page);
    expect(errors).toEqual([]);
  }
});

test('a resident opens an idea and reads the official answer', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Sammenhængende cykelsti langs Vejgårdsvej' }).click();
  await expect(page).toHaveURL(/\/ideas\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sammenhængende cykelsti langs Vejgårdsvej' })).toBeVisible();
  await expect(page.getByText('Kommunens svar')).toBeVisible();
  await expect(page.getByText('Med i klimaplanen').first()).toBeVisible();
  await expectAccessible(page, testInfo);
  const copy = page.getByRole('button', { name: 'Kopiér link' });
  if (jsEnabled(testInfo)) {
    // The share island is alive only when the WebAssembly bundle hydrated it.
    await expect(copy).toBeVisible();
    await expectAccessible(page, testInfo);
    expect(errors).toEqual([]);
  } else {
    await expect(copy).toBeHidden();
    await expect(page.getByRole('link', { name: /\/ideas\/\d+$/ })).toBeVisible();
  }
});

test('an unknown idea is a real 404 page', async ({ page }, testInfo) => {
  const response = await page.goto('/ideas/999999');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
  await page.getByRole('link', { name: 'Til forsiden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sammen om klimaplanen' })).toBeVisible();
  await page.goto('/ideas/999999');
  await expectAccessible(page, testInfo);
});

test('the language switch turns the site English and back', async ({ page }, testInfo) => {
  await page.goto('/ideas?page=2');
  await page.getByRole('link', { name: 'English' }).first().click();
  await expect(page).toHaveURL(/\/ideas\?page=2$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'All ideas' })).toBeVisible();
  await expect(page.getByText('Page 2 of 4')).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Most supported ideas' })).toBeVisible();
  await page.getByRole('link', { name: 'Dansk' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { name: 'Mest støttede idéer' })).toBeVisible();
});

test('English is chosen from the browser language', async ({ browser }, testInfo) => {
  const context = await browser.newContext({
    locale: 'en-GB',
    javaScriptEnabled: jsEnabled(testInfo),
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Shaping the climate plan together' })).toBeVisible();
  await expectAccessible(page, testInfo);
  await context.close();
});

test('all ideas page by page', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Alle idéer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alle idéer' })).toBeVisible();
  await expect(page.getByText('61 idéer')).toBeVisible();
  await expect(page.getByText('Side 1 af 4')).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: 'Næste side' }).click();
  await expect(page.getByText('Side 2 af 4')).toBeVisible();
  await page.getByRole('link', { name: 'Forrige side' }).click();
  await expect(page.getByText('Side 1 af 4')).toBeVisible();
});

test('the accessibility statement is linked from every page', async ({ page }, testInfo) => {
  await page.goto('/ideas');
  await page.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kontakt os om tilgængelighed' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Det tester vi ved hver ændring' })).toBeVisible();
  await expectAccessible(page, testInfo);
});

test('the privacy notice is linked from every page and from sign-in', async ({ page }) => {
  await page.goto('/map');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Sådan behandler vi dine oplysninger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sådan behandler vi dine personoplysninger' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hvor længe vi gemmer oplysningerne' })).toBeVisible();
  await page.goto('/signin');
  await page.getByRole('main').getByRole('link', { name: 'Sådan behandler vi dine oplysninger' }).click();
  await expect(page).toHaveURL(/\/privatliv$/);
});

test('the skip link moves keyboard users past the header', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Gå til indhold' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await skip.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('pages fit a 320 px wide phone without sideways scrolling', async ({ page }, testInfo) => {
  // Ten pages, each also checked by axe: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', '/ideas', '/ideas/1', '/ideas/new', '/ideas/new/review', '/me', '/map', '/stats', '/tilgaengelighed', '/ideas/999999']) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(320);
  }
});
