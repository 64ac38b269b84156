import { expect } from '@playwright/test';
import { codeMailedTo, test } from './helpers';

// A resident reports an idea from its page; a moderator then finds it in the queue with the
// reason, never the reporter. Each project reports as its own resident, so the two reports stay
// below the hiding threshold (3).
test('a resident reports an idea and a moderator sees why', async ({ page }, testInfo) => {
  const email = `report-${testInfo.project.name}@example.org`;
  await page.goto('/ideas/6');
  await expect(page.getByRole('heading', { level: 1, name: 'Delebiler ved indkøbscentret i Gistrup' })).toBeVisible();
  await page.getByText('Anmeld idéen').click();
  await page.getByRole('link', { name: 'Log ind for at anmelde en idé.' }).click();
  await page.getByLabel('Din e-mail').fill(email);
  await page.getByRole('button', { name: 'Send mig en kode' }).click();
  await page.getByLabel('Kode (6 cifre)').fill(await codeMailedTo(email));
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/ideas\/6\?report=open#report$/);

  // No reason chosen: the message names what is missing and the comment stays.
  const comment = `Samme idé som en anden (${testInfo.project.name})`;
  await page.getByLabel('Kommentar (valgfri)').fill(comment);
  await page.getByRole('button', { name: 'Send anmeldelse' }).click();
  await expect(page.getByText('Vælg, hvorfor du anmelder idéen.')).toBeVisible();
  await expect(page.getByLabel('Kommentar (valgfri)')).toHaveValue(comment);

  await page.getByLabel('Handler ikke om klimaplanen').check();
  await page.getByRole('button', { name: 'Send anmeldelse' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tak. En moderator ser på idéen.' })).toBeVisible();
  await page.goto('/ideas/6');
  await page.getByText('Anmeld idéen').click();
  await expect(page.getByText('Du har anmeldt denne idé. En moderator ser på den.')).toBeVisible();

  await page.goto('/staff/login?next=/staff/moderation');
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Delebiler ved indkøbscentret i Gistrup' })).toBeVisible();
  await expect(page.getByText(comment)).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
});
