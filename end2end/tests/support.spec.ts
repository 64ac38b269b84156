import { expect, Page } from '@playwright/test';
import { codeMailedTo, jsEnabled, test, waitForIslands } from './helpers';

async function supportCount(page: Page): Promise<number> {
  const text = await page.getByRole('status').filter({ hasText: /støtte/ }).first().innerText();
  return Number(text.match(/(\d+) støtte/)![1]);
}

test('a resident supports an idea, signing in on the way, and withdraws', async ({ page }, testInfo) => {
  // The two projects run at the same time against one server: each uses its own idea.
  const idea = jsEnabled(testInfo) ? 2 : 3;
  const email = `support-${testInfo.project.name}@example.org`;
  await page.goto(`/ideas/${idea}`);
  const before = await supportCount(page);

  await page.getByRole('button', { name: 'Støt idéen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind med din e-mail' })).toBeVisible();
  await page.getByLabel('Din e-mail').fill(email);
  await page.getByRole('button', { name: 'Send mig en kode' }).click();
  await page.getByLabel('Kode (6 cifre)').fill(await codeMailedTo(email));
  await page.getByRole('button', { name: 'Log ind' }).click();

  // Back on the idea, with the support done by signing in.
  await expect(page).toHaveURL(new RegExp(`/ideas/${idea}$`));
  await expect(page.getByRole('button', { name: 'Træk din støtte tilbage' })).toBeVisible();
  expect(await supportCount(page)).toBe(before + 1);

  if (jsEnabled(testInfo)) {
    // With JavaScript the island updates in place: the page is not loaded again.
        await waitForIslands(page);
    await page.evaluate(() => ((window as any).__stillHere = true));
  }
  await page.getByRole('button', { name: 'Træk din støtte tilbage' }).click();
  await expect(page.getByRole('button', { name: 'Støt idéen' })).toBeVisible();
  await expect.poll(() => supportCount(page)).toBe(before);
  await page.getByRole('button', { name: 'Støt idéen' }).click();
  await expect(page.getByRole('button', { name: 'Træk din støtte tilbage' })).toBeVisible();
  await expect.poll(() => supportCount(page)).toBe(before + 1);
  if (jsEnabled(testInfo)) {
    expect(await page.evaluate(() => (window as any).__stillHere)).toBe(true);
  }
  // The count is the server's, not just the page's.
  await page.reload();
  expect(await supportCount(page)).toBe(before + 1);

  // The resident's own page lists the idea among those they support.
  await page.getByRole('link', { name: 'Min side' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dine idéer og de idéer, du støtter' })).toBeVisible();
  const supported = page.getByRole('region', { name: 'Idéer, du støtter' });
  await expect(supported.locator(`a[href="/ideas/${idea}"]`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Dine idéer' })).toContainText('Du har ikke foreslået nogen idéer endnu.');
});
