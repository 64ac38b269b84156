import { expect } from '@playwright/test';
import { test } from './helpers';

// The public reads the demo's climate plan: the gap and its numbers, an action's timeline and
// the ideas behind it, and back from an idea to its action. axe runs on every page visited.
test('the public reads the plan, an action and the idea behind it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Klimaplanen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Klimaplanen' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('eksempler til demoen');
  const gap = page.getByRole('region', { name: 'Vejen til målet i 2030' });
  await expect(gap.getByRole('img', { name: 'Vejen til målet i 2030' })).toBeVisible();
  await gap.getByText('Vis tallene').click();
  await expect(gap.getByRole('row', { name: /Mangler stadig at blive fundet/ })).toContainText('852.500');

  // At 390 px the chart's labels stay readable: at least 12 px on screen.
  const smallest = await gap.locator('svg text').evaluateAll((texts) =>
    Math.min(...texts.map((t) => (t as SVGTextElement).getBoundingClientRect().height)),
  );
  expect(smallest).toBeGreaterThanOrEqual(12);

  await page.getByRole('link', { name: /T1 Et sammenhængende net af cykelstier/ }).click();
  await expect(page).toHaveURL(/\/plan\/T1$/);
  const timeline = page.getByRole('region', { name: 'Tidslinje' });
  await expect(timeline.getByText('Status: i gang')).toBeVisible();
  await expect(timeline.getByText(/Første 20 km nye cykelstier \(Nået\)/)).toBeVisible();
  const ideas = page.getByRole('region', { name: 'Borgernes idéer bag indsatsen' });
  await ideas.getByRole('link', { name: 'Sammenhængende cykelsti langs Vejgårdsvej' }).click();
  const inPlan = page.getByRole('region', { name: 'I klimaplanen' });
  await expect(inPlan).toContainText('Del af indsats T1:');
  await inPlan.getByRole('link', { name: 'Et sammenhængende net af cykelstier' }).click();
  await expect(page).toHaveURL(/\/plan\/T1$/);
});
