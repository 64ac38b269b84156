import { expect } from '@playwright/test';
import { jsEnabled, test, TILE_PNG, TILE_SERVER, waitForIslands } from './helpers';

test('the public filters the list and searches in Danish, with a URL to share', async ({ page }) => {
  await page.goto('/ideas');
  const filters = page.getByRole('search', { name: 'Find idéer' });
  await filters.getByLabel('Område').selectOption('9000-aalborg');
  await filters.getByLabel('Sortering').selectOption({ label: 'Nyeste' });
  await filters.getByRole('button', { name: 'Vis idéer' }).click();
  // The server sends a sent form on to the filter's short URL (an HTTP test checks that); in
  // the JS-on run Chromium now and then shows the long one, which shows the same list.
  await expect(page).toHaveURL(/\/ideas\?(q=&)?area=9000-aalborg&.*sort=new$/);
  const cards = page.locator('.idea-card');
  await expect(cards.first()).toBeVisible();
  await expect(cards.filter({ hasNotText: '9000 Aalborg' })).toHaveCount(0);

  // Search typed without Danish letters finds the place with them.
  await page.getByRole('link', { name: 'Nulstil' }).click();
  await page.getByLabel('Søg').fill('norresundby');
  await page.getByRole('button', { name: 'Vis idéer' }).click();
  await expect(page).toHaveURL(/\/ideas\?q=norresundby(&|$)/);
  await expect(page.locator('.idea-card').first()).toContainText(/Nørresundby|norresundby/i);

  // The shared link shows the same list to someone else.
  const shared = page.url();
  await page.goto(shared);
  await expect(page.getByLabel('Søg')).toHaveValue('norresundby');
});

test('the map links each area to its ideas and has the same numbers as a table', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Kort', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Idéerne på kortet' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Idéer og støtter pr. område' });
  await expect(table.getByRole('row')).toHaveCount(18);
  const hals = table.getByRole('row').filter({ has: page.getByRole('link', { name: '9370 Hals' }) });
  const ideas = Number(await hals.getByRole('cell').first().innerText());

  await page.getByRole('link', { name: new RegExp(`^9370 Hals: ${ideas} idéer`) }).click();
  await expect(page).toHaveURL(/\/ideas\?area=9370-hals$/);
  await expect(page.getByRole('status').filter({ hasText: 'idé' })).toContainText(String(ideas));

  await page.goto('/map');
  await page.getByRole('link', { name: 'antal støtter' }).click();
  await expect(page).toHaveURL(/\/map\?by=supports$/);
  await expect(page.getByRole('link', { name: 'antal støtter' })).toHaveAttribute('aria-current', 'page');
});

test('the list follows its filters and pages in place with JavaScript, by page loads without', async ({ page }, testInfo) => {
  await page.goto('/ideas');
  const js = jsEnabled(testInfo);
  if (js) {
    // A full page load would forget this.
    await page.evaluate(() => { (window as unknown as { samePage: boolean }).samePage = true; });
  }
  const filters = page.getByRole('search', { name: 'Find idéer' });
  const count = page.getByRole('status').filter({ hasText: 'idé' });
  await expect(count).toContainText('61');

  await filters.getByLabel('Område').selectOption('9240-nibe');
  await filters.getByRole('button', { name: 'Vis idéer' }).click();
  await expect(page).toHaveURL(/\/ideas\?area=9240-nibe$/);
  await expect(count).toContainText('5');
  const cards = page.locator('.idea-card');
  await expect(cards).toHaveCount(5);
  await expect(cards.filter({ hasNotText: '9240 Nibe' })).toHaveCount(0);
  // The other filters now count within Nibe.
  await expect(filters.getByLabel('Type').locator('option').first()).toHaveText('Begge typer');
  await expect(page).toHaveTitle(/Alle idéer/);

  await page.getByRole('link', { name: 'Nulstil' }).click();
  await expect(page).toHaveURL(/\/ideas$/);
  await page.getByRole('link', { name: 'Næste side' }).click();
  await expect(page).toHaveURL(/\/ideas\?page=2$/);
  await expect(page.getByText('Side 2 af 4')).toBeVisible();

  // Back goes to the list before, as after page loads.
  await page.goBack({ waitUntil: 'commit' });
  await expect(page).toHaveURL(/\/ideas$/);
  await expect(page.getByText('Side 1 af 4')).toBeVisible();
  await page.goBack({ waitUntil: 'commit' });
  await expect(page).toHaveURL(/\/ideas\?area=9240-nibe$/);
  await expect(filters.getByLabel('Område')).toHaveValue('9240-nibe');
  await expect(cards).toHaveCount(5);

  if (js) {
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    // The support buttons of the cards that came in place work like the first ones.
    await waitForIslands(page);
  }
});

test('a configured background map shows under the areas with JavaScript; without, nothing is fetched', async ({ page }, testInfo) => {
  const fetched: string[] = [];
  await page.route(TILE_SERVER, (route) => {
    fetched.push(route.request().url());
    return route.fulfill({ contentType: 'image/png', body: TILE_PNG });
  });
  await page.goto('/map');
  const credit = page.getByText('Kort: prøvefliser');
  if (jsEnabled(testInfo)) {
    await expect(credit).toBeVisible();
    await expect(page.locator('svg.map')).toHaveClass(/with-tiles/);
    await expect.poll(() => fetched.length).toBeGreaterThanOrEqual(4);
  } else {
    await expect(credit).toBeHidden();
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);
  }
  // The areas are still links to their ideas over the background.
  await page.getByRole('link', { name: /^9370 Hals: / }).click();
  await expect(page).toHaveURL(/\/ideas\?area=9370-hals$/);
});

test('the statistics charts can be read on a phone: every label at least 12 px', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/stats');
  await expect(page.getByRole('heading', { level: 1, name: 'Idéerne i tal' })).toBeVisible();
  const sizes = await page.locator('svg.bars').evaluateAll((charts) =>
    charts.flatMap((svg) => {
      // The SVG is scaled to the page: a label's size on screen is its font size times that.
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      return Array.from(svg.querySelectorAll('text')).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    }),
  );
  expect(sizes.length).toBeGreaterThan(20);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  // The numbers as a table, with a column head saying what the rows are.
  await page.locator('#sectors-heading ~ details summary').click();
  await expect(page.locator('#sectors-table').getByRole('columnheader', { name: 'Sektor' })).toBeVisible();
});
