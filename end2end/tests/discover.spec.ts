import { expect } from '@playwright/test';
import { test } from './helpers';

test('the public filters the list and searches in Danish, with a URL to share', async ({ page }) => {
  await page.goto('/ideas');
  const filters = page.getByRole('search', { name: 'Find idéer' });
  await filters.getByLabel('Område').selectOption('vejgaard');
  await filters.getByLabel('Sortering').selectOption({ label: 'Nyeste' });
  await filters.getByRole('button', { name: 'Vis idéer' }).click();
  await expect(page).toHaveURL(/\/ideas\?area=vejgaard&sort=new$/);
  const cards = page.locator('.idea-card');
  await expect(cards.first()).toBeVisible();
  await expect(cards.filter({ hasNotText: 'Vejgård' })).toHaveCount(0);

  // Search typed without Danish letters finds the place with them.
  await page.getByRole('link', { name: 'Nulstil' }).click();
  await page.getByLabel('Søg').fill('norresundby');
  await page.getByRole('button', { name: 'Vis idéer' }).click();
  await expect(page).toHaveURL(/\/ideas\?q=norresundby$/);
  await expect(page.locator('.idea-card').first()).toContainText(/Nørresundby|norresundby/i);

  // The shared link shows the same list to someone else.
  const shared = page.url();
  await page.goto(shared);
  await expect(page.getByLabel('Søg')).toHaveValue('norresundby');
});
