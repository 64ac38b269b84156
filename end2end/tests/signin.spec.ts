import { expect } from '@playwright/test';
import { codeMailedTo, test } from './helpers';

// Each run signs in with its own address, so the js-on and js-off runs never share a code.
function address(testInfo: { project: { name: string }; title: string }) {
  const slug = `${testInfo.project.name}-${testInfo.title}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `${slug.slice(0, 50)}@example.org`;
}

test('a resident signs in with a mailed code and comes back to the idea', async ({ page }, testInfo) => {
  const email = address(testInfo);
  await page.goto('/ideas/1');
  await page.getByRole('link', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind med din e-mail' })).toBeVisible();
  await page.getByLabel('Din e-mail').fill(email);
  await page.getByRole('button', { name: 'Send mig en kode' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Indtast koden' })).toBeVisible();
  await expect(page.getByText(`Vi har sendt en kode til ${email}`)).toBeVisible();
  const code = await codeMailedTo(email);
  await page.getByLabel('Kode (6 cifre)').fill(code.slice(0, 3) + ' ' + code.slice(3));
  await page.getByRole('button', { name: 'Log ind' }).click();

  await expect(page).toHaveURL(/\/ideas\/1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sammenhængende cykelsti langs Vejgårdsvej' })).toBeVisible();
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('link', { name: 'Log ind', exact: true })).toBeVisible();
});

test('a mistyped address and a wrong code get clear messages', async ({ page }, testInfo) => {
  const email = address(testInfo);
  await page.goto('/signin');
  await page.getByLabel('Din e-mail').fill('mette@aalborg');
  await page.getByRole('button', { name: 'Send mig en kode' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Det ligner ikke en e-mailadresse/);
  await expect(page.getByLabel('Din e-mail')).toHaveValue('mette@aalborg');

  await page.getByLabel('Din e-mail').fill(email);
  await page.getByRole('button', { name: 'Send mig en kode' }).click();
  const code = await codeMailedTo(email);
  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel('Kode (6 cifre)').fill(wrong);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert')).toHaveText('Koden passer ikke. Du har 4 forsøg tilbage.');
  await page.getByLabel('Kode (6 cifre)').fill('12');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Koden består af 6 cifre/);
});
