import { expect } from '@playwright/test';
import { test } from './helpers';

test('staff sign in with username and password, see the dashboard and sign out', async ({ page }) => {
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff\/login\?next=\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind for medarbejdere' })).toBeVisible();

  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('forkert-kodeord');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert')).toHaveText('Brugernavn eller adgangskode er forkert.');
  await expect(page.getByLabel('Brugernavn')).toHaveValue('e2e-admin');

  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
  await expect(page.getByText('Logget ind som e2e-admin (administrator).')).toBeVisible();

  await page.getByRole('link', { name: 'Moderation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ladestandere på parkeringspladsen ved Klarup skole' })).toBeVisible();
  await page.goto('/staff');
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL(/\/staff\/login$/);
});
