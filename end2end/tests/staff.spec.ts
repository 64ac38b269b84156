import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from '@playwright/test';
import { jsEnabled, test } from './helpers';

// Staff work at a desk: these journeys run at 1280 px (language.spec.ts walks the staff pages
// at phone widths).
test.use({ viewport: { width: 1280, height: 800 } });

test('staff sign in with username and password, see the dashboard and sign out', async ({ page }) => {
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff\/login\?next=\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind for medarbejdere' })).toBeVisible();

  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('forkert-kodeord');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Brugernavn eller adgangskode er forkert\./);
  await expect(page.getByLabel('Brugernavn')).toHaveValue('e2e-admin');

  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
  await expect(page.getByText('Logget ind som e2e-admin (administrator).')).toBeVisible();
  // The staff header: who is signed in, a way out, and the staff menu as links; no resident
  // sign-in in the header of a staff page.
  const menu = page.getByRole('navigation', { name: 'Medarbejdermenu' });
  for (const name of ['Overblik', 'Moderation', 'Idéer', 'Medarbejdere', 'Handlingslog', 'Områder']) {
    await expect(menu.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(menu.getByRole('link', { name: 'Overblik', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log ind', exact: true })).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Log ud' })).toBeVisible();

  await menu.getByRole('link', { name: 'Moderation', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Medarbejdermenu' }).getByRole('link', { name: 'Moderation', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Ladestandere på parkeringspladsen ved Klarup skole' })).toBeVisible();
  await page.goto('/staff');
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL(/\/staff\/login$/);
});

test('an admin adds a moderator and finds it in the audit log', async ({ page }, testInfo) => {
  const name = `e2e-mod-${testInfo.project.name}`;
  await page.goto('/staff/login?next=/staff/team');
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Medarbejdere' })).toBeVisible();

  const form = page.locator('#add');
  await form.getByLabel('Brugernavn').fill(name);
  await form.getByLabel('Moderator').check();
  await form.getByLabel('Første adgangskode').fill('kort');
  await form.getByLabel('Gentag adgangskoden').fill('kort');
  await form.getByRole('button', { name: 'Tilføj' }).click();
  await expect(page.getByText('Adgangskoden skal være mindst 12 tegn.')).toBeVisible();
  await expect(page.locator('#add').getByLabel('Brugernavn')).toHaveValue(name);

  await page.locator('#add').getByLabel('Første adgangskode').fill('moderator-kodeord-1');
  await page.locator('#add').getByLabel('Gentag adgangskoden').fill('moderator-kodeord-1');
  await page.locator('#add').getByRole('button', { name: 'Tilføj' }).click();
  await expect(page.getByRole('status')).toHaveText('Gemt.');
  await expect(page.getByRole('rowheader', { name })).toBeVisible();

  await page.goto('/staff');
  await page.getByRole('link', { name: 'Handlingslog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Handlingslog' })).toBeVisible();
  await page.getByLabel('Handling', { exact: true }).selectOption({ label: 'Medarbejdere' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('cell', { name: new RegExp(`"username":"${name}"`) })).toBeVisible();
});

test('staff find an idea in the table, give it a status with the answer, which residents then read', async ({ page }) => {
  await page.goto('/staff/login?next=/staff/ideas');
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Idéer' })).toBeVisible();
  const title = 'Elbus mellem Hals og Aalborg hver halve time';
  await page.getByLabel('Søg i titel og beskrivelse').fill('elbus hals');
  await page.getByLabel('Moderation', { exact: true }).selectOption({ label: 'Offentlig' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/\/staff\/ideas\?q=elbus%20hals&moderation=published$/);
  await expect(page.getByRole('status')).toHaveText(/^Viser 1–\d+ af \d+ idé/);
  // A header orders the table by its column, and says which way.
  await page.getByRole('link', { name: 'Sortér efter støtter' }).click();
  await expect(page.getByRole('columnheader', { name: 'Sortér efter støtter' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByLabel('Søg i titel og beskrivelse')).toHaveValue('elbus hals');

  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // A decision without the answer is refused, and says why.
  await page.getByLabel('Med i klimaplanen', { exact: true }).check();
  await page.getByRole('button', { name: 'Gem og send besked' }).click();
  await expect(page.getByRole('alert')).toHaveText('Skriv kommunens svar: en beslutning skal begrundes.');
  await page.getByLabel('Med i klimaplanen', { exact: true }).check();
  await page.getByLabel('Kommunens svar (dansk)').fill('Elbusser til Hals indgår i planens transportafsnit.');
  await page.getByRole('button', { name: 'Gem og send besked' }).click();
  await expect(page.getByText('Status gemt. Beskederne sendes nu.')).toBeVisible();

  await page.getByRole('link', { name: 'Se idéens offentlige side' }).click();
  await expect(page.getByText('Elbusser til Hals indgår i planens transportafsnit.').first()).toBeVisible();
});

test('staff tick ideas in the table and give them one status at once', async ({ page }, testInfo) => {
  // Each project its own idea, so the two runs never change one under the other.
  const title = jsEnabled(testInfo) ? 'Reparationscafé i Klarup' : 'Byttehylder og værktøjsbibliotek i Gug';
  await page.goto('/staff/login?next=/staff/ideas');
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByLabel('Søg i titel og beskrivelse').fill(title);
  await page.getByRole('button', { name: 'Vis' }).click();
  await page.getByLabel(`Vælg »${title}«`).check();
  // A decision without the municipality's answer is refused, and says why.
  await page.getByLabel('Handling').selectOption({ label: 'Sæt status og send kommunens svar' });
  await page.getByLabel('Ny status').selectOption({ label: 'Ikke med i klimaplanen' });
  await page.getByRole('button', { name: 'Udfør' }).click();
  await expect(page.getByRole('alert')).toHaveText('Skriv kommunens svar: en beslutning skal begrundes.');
  await page.getByLabel(`Vælg »${title}«`).check();
  await page.getByLabel('Handling').selectOption({ label: 'Sæt status og send kommunens svar' });
  await page.getByLabel('Ny status').selectOption({ label: 'Under behandling' });
  await page.getByRole('button', { name: 'Udfør' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ændret' })).toHaveText('1 idé er ændret. Beskederne sendes nu.');
  await expect(page.getByRole('row', { name: new RegExp(title) }).getByRole('cell', { name: 'Under behandling' })).toBeVisible();

  // The ticked rows download as they are, by the form's own button.
  await page.getByLabel(`Vælg »${title}«`).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent som CSV' }).click(),
  ]);
  expect(await download.failure()).toBeNull();
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv).toContain(title);
  expect(csv).not.toContain('Sammenhængende cykelsti langs Vejgårdsvej');
});

test('with JavaScript the table sorts in place, one box ticks the page and the form fits the action', async ({ page }, testInfo) => {
  await page.goto('/staff/login?next=/staff/ideas');
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  const all = page.getByLabel('Vælg alle idéer på siden');
  const area = page.getByLabel('Nyt område');
  if (!jsEnabled(testInfo)) {
    // Without JavaScript: "all that match the filter" instead, and every field of the form.
    await expect(all).toBeHidden();
    await expect(area).toBeVisible();
    return;
  }
  // The page stays: a mark set on it survives the sorting.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.getByRole('link', { name: 'Sortér efter støtter' }).click();
  await expect(page.getByRole('columnheader', { name: 'Sortér efter støtter' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/order=supports/);
  await expect(page.getByRole('link', { name: 'Sortér efter støtter' })).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  const rows = page.locator('table.staff-table tbody tr');
  await all.check();
  await expect(page.getByText(`Du har valgt ${await rows.count()} idéer.`)).toBeVisible();
  await page.locator('tbody input[name="ids"]').first().uncheck();
  await expect(page.getByText(`Du har valgt ${(await rows.count()) - 1} idéer.`)).toBeVisible();

  // Only the chosen action's fields show.
  await expect(area).toBeHidden();
  await page.getByLabel('Handling').selectOption({ label: 'Skift område' });
  await expect(area).toBeVisible();
  await expect(page.getByLabel('Ny status')).toBeHidden();

  // Back returns to the table as it was first shown.
  await page.goBack();
  await expect(page).not.toHaveURL(/order=supports/);
  await expect(page.getByRole('columnheader', { name: 'Sortér efter støtter' })).not.toHaveAttribute('aria-sort', /./);
});

test('the moderation queue works from the keyboard with JavaScript', async ({ page }, testInfo) => {
  await page.goto('/staff/login?next=/staff/moderation');
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'venter på moderation' })).toBeVisible();
  const keys = page.getByText('Med tastaturet:');
  if (!jsEnabled(testInfo)) {
    // The keys need the script; without it the page does not offer them.
    await expect(keys).toBeHidden();
    return;
  }
  await expect(keys).toBeVisible();
  const title = 'Ladestandere på parkeringspladsen ved Klarup skole';
  const card = page.locator('li.queue-card').filter({ has: page.getByRole('link', { name: title }) });
  await card.getByRole('link', { name: title }).focus();
  await page.keyboard.press('r');
  await expect(card.getByRole('textbox', { name: /^Begrundelse/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card).toBeFocused();
  await page.keyboard.press('k');
  await expect(page.locator('li.queue-card:focus')).toHaveCount(1);
  await page.keyboard.press('j');
  await expect(page.locator('li.queue-card:focus')).toHaveCount(1);
  // Rejecting from the keyboard without a reason: the server refuses, and nothing changes.
  await card.getByRole('link', { name: title }).focus();
  await page.keyboard.press('r');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toHaveText('Skriv en begrundelse, når en idé afvises eller skjules.');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});

test('an admin previews the postcode areas from a real boundary file', async ({ page }) => {
  await page.goto('/staff/login?next=/staff/areas');
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Områder' })).toBeVisible();
  await page.getByLabel('GeoJSON-fil', { exact: true }).setInputFiles(path.resolve(__dirname, '../../tests/fixtures/dagi/aalborg-postnumre.geojson'));
  await page.getByLabel('Egenskaben med områdets navn').fill('POSTBYNAVN');
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByRole('heading', { name: 'Forhåndsvisning af aalborg-postnumre.geojson' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Kort over områderne i filen' })).toBeVisible();
  await expect(page.getByText('18 områder i filen:')).toBeVisible();
  // Only a preview here: replacing the areas would change what the other journeys see.
  await expect(page.getByRole('button', { name: 'Erstat alle områder med filens' })).toBeVisible();
});
