import { expect } from '@playwright/test';
import { alone, codeMailedTo, digestsInDays, jsEnabled, mailTo, signIn, staffLogin, test, waitForIslands } from './helpers';

// A neighbour follows an area on their page and hears of a new idea there the next morning.
// Late: the idea it publishes would change the counts the other journeys read.

test('a neighbour follows an area on their page and hears of a new idea there', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const js = jsEnabled(testInfo);
  const run = testInfo.project.name;
  const [area, slug] = js ? ['9293 Kongerslev', '9293-kongerslev'] : ['9362 Gandrup', '9362-gandrup'];
  const email = `omraade-${run}@example.org`;
  const title = `Ladestander ved forsamlingshuset (${run})`;

  await page.goto('/signin?next=/me');
  await signIn(page, email);
  const following = page.getByRole('region', { name: 'Det, du følger' });
  await expect(following.getByText('Du har ikke selv valgt at følge noget endnu.')).toBeVisible();
  await following.getByLabel('Følg et område, og hør om nye idéer der').selectOption({ label: area });
  await following
    .locator('form')
    .filter({ has: page.getByLabel('Følg et område, og hør om nye idéer der') })
    .getByRole('button', { name: 'Følg' })
    .click();
  await expect(following.getByRole('link', { name: area })).toHaveAttribute('href', `/ideas?area=${slug}`);
  await expect(following.getByRole('button', { name: `Følg ikke ${area} længere` })).toBeVisible();

  // Someone else proposes an idea there; a moderator approves it.
  await page.context().clearCookies();
  await page.goto('/ideas/new');
  if (js) await waitForIslands(page);
  await page.getByLabel('Overskrift').fill(title);
  await page.getByLabel('Mindsker udledningen af drivhusgasser').check();
  await page.getByLabel('Sektor (hvis idéen mindsker udledningen)').selectOption({ label: 'Transport' });
  await page.getByLabel('Område').selectOption({ label: area });
  await page.getByLabel('Beskrivelse').fill('Der er ingen ladestander i byen. En ved forsamlingshuset kan alle bruge.');
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await page.getByLabel('Din e-mail').fill(`forslag-${run}@example.org`);
  await page.getByRole('button', { name: 'Send mig en kode' }).click();
  await page.getByLabel('Kode (6 cifre)').fill(await codeMailedTo(`forslag-${run}@example.org`));
  await page.getByRole('button', { name: 'Log ind' }).click();
  // The other journeys clear the moderation queue: the idea waits in it only while they wait.
  await alone('moderation-queue', async () => {
    await page.getByRole('button', { name: 'Send idéen' }).click();
    await expect(page.getByText('Din idé venter på at blive godkendt.')).toBeVisible();
    await staffLogin(page, '/staff/moderation');
    const card = page.locator('li.queue-card').filter({ has: page.getByRole('link', { name: title }) });
    await card.getByRole('button', { name: 'Godkend', exact: true }).click();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  });

  // The next morning's digest tells of it.
  digestsInDays(js ? 1 : 2, 'daily');
  const text = await mailTo(email, title);
  expect(text).toContain(`Ny idé i ${area}`);
  expect(text).toContain('siden i går');
});
