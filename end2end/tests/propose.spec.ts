import { expect } from '@playwright/test';
import { codeMailedTo, jsEnabled, test, waitForIslands } from './helpers';

// A 1×1 PNG, as a phone's photo stands in for here.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('a resident proposes an idea, signs in, sees similar ideas first and sends it for review', async ({ page }, testInfo) => {
  const js = jsEnabled(testInfo);
  const email = `propose-${testInfo.project.name}@example.org`;
  const title = `Flere cykelstier ved skolerne (${testInfo.project.name})`;

  await page.goto('/');
  await page.getByRole('link', { name: 'Foreslå en idé' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Foreslå en idé til klimaplanen' })).toBeVisible();
  if (js) await waitForIslands(page);

  // A title that is too short: with JavaScript it is caught as the field is left, by the same
  // rule the server uses; without, the server says so after sending. Either way nothing is lost.
  await page.getByLabel('Overskrift').fill('Cyk');
  if (js) {
    await page.getByLabel('Beskrivelse').focus();
    await expect(page.getByText('Skriv mindst 5 tegn.')).toBeVisible();
  }
  await page.getByLabel('Mindsker udledningen af drivhusgasser').check();
  await page.getByLabel('Sektor (hvis idéen mindsker udledningen)').selectOption({ label: 'Transport' });
  await page.getByLabel('Område').selectOption({ label: '9000 Aalborg' });
  await page.getByLabel('Beskrivelse').fill('Børnene cykler ad veje uden cykelstier. Byg sammenhængende cykelstier til skolerne.');
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ret det, der er markeret' })).toBeVisible();
  await expect(page.locator('#title-error')).toHaveText('Skriv mindst 5 tegn.');
  await expect(page.getByLabel('Beskrivelse')).toHaveValue(/Byg sammenhængende cykelstier/);
  await expect(page.getByLabel('Område')).toHaveValue('9000-aalborg');
  if (js) await waitForIslands(page);

  await page.getByLabel('Overskrift').fill(title);
  await page.getByLabel('Foto (valgfrit)').setInputFiles({ name: 'skolevej.png', mimeType: 'image/png', buffer: PHOTO });
  await page.getByRole('button', { name: 'Fortsæt' }).click();

  // Sign-in is asked for at the end; the draft waits.
  await expect(page.getByText('Din idé er gemt som kladde. Log ind, så kan du sende den.')).toBeVisible();
  await page.getByLabel('Din e-mail').fill(email);
  await page.getByRole('button', { name: 'Send mig en kode' }).click();
  await page.getByLabel('Kode (6 cifre)').fill(await codeMailedTo(email));
  await page.getByRole('button', { name: 'Log ind' }).click();

  // Similar ideas first, each with "support this instead".
  await expect(page.getByRole('heading', { level: 1, name: 'Tjek din idé, før du sender den' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Dit foto' })).toBeVisible();
  const similar = page.getByRole('region', { name: 'Findes idéen allerede?' });
  await expect(similar.getByRole('link', { name: 'Sammenhængende cykelsti langs Vejgårdsvej' })).toBeVisible();
  await expect(similar.getByRole('button', { name: 'Støt denne i stedet' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Send idéen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Din idé venter på at blive godkendt.')).toBeVisible();

  await page.getByRole('link', { name: 'Min side' }).click();
  const mine = page.getByRole('region', { name: 'Dine idéer' });
  await expect(mine.getByRole('link', { name: title })).toBeVisible();
  await expect(mine).toContainText('Afventer godkendelse');
});

test('"use my location" and a tap on the map find the area; a point outside is refused', async ({ browser }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the button needs JavaScript; without it the area list is the way');
  // Budolfi Kirke in the middle of Aalborg, then Copenhagen.
  const context = await browser.newContext({
    geolocation: { latitude: 57.0487, longitude: 9.9187 },
    permissions: ['geolocation'],
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto('/ideas/new');
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Brug min placering' }).click();
  await expect(page.getByText('Din placering er i 9000 Aalborg.')).toBeVisible();
  await expect(page.locator('input[name="lat"]')).toHaveValue('57.048700');

  await context.setGeolocation({ latitude: 55.676, longitude: 12.568 });
  await page.getByRole('button', { name: 'Brug min placering' }).click();
  await expect(page.getByText('Punktet ligger uden for Aalborg Kommune.')).toBeVisible();
  await page.getByRole('button', { name: 'Brug listen i stedet' }).click();
  await expect(page.locator('input[name="lat"]')).toHaveValue('');

  // A tap on the map puts a point there; the server names its area.
  await page.locator('svg.map path[data-area="9000-aalborg"]').click({ force: true });
  await expect(page.getByText(/Punktet ligger i .+\. Vi bruger det i stedet for listen\./)).toBeVisible();
  await expect(page.locator('input[name="lat"]')).not.toHaveValue('');
  await expect(page.locator('svg.map circle.marker')).toHaveCount(1);
  await context.close();
});
