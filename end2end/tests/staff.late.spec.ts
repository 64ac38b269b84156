import { expect, Page } from '@playwright/test';
import { alone, jsEnabled, mailsContaining, test } from './helpers';

// Staff journeys that change what other journeys read: they run after all of them (see
// playwright.config.ts), at a desktop width, as staff work.
test.use({ viewport: { width: 1280, height: 800 } });

async function signIn(page: Page, next: string) {
  await page.goto(`/staff/login?next=${next}`);
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
}

test('staff filter to an area and a sector, sort by supports, and answer ten ideas at once', async ({ page }, testInfo) => {
  // Each project its own status and answer for the same ten ideas, so each batch's mails are
  // told apart by the answer.
  const [status, answer] = jsEnabled(testInfo)
    ? ['Under behandling', 'Klimaplanens sekretariat ser på idéerne i efteråret (e2e med JavaScript).']
    : ['Delvist med i klimaplanen', 'Idéerne indgår i klimaplanens handlinger for 9000 Aalborg (e2e uden JavaScript).'];
  await signIn(page, '/staff/ideas');
  await page.getByLabel('Område', { exact: true }).selectOption({ label: '9000 Aalborg' });
  await page.getByLabel('Sektor', { exact: true }).selectOption({ label: 'Transport' });
  await page.getByLabel('Moderation', { exact: true }).selectOption({ label: 'Offentlig' });
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page).toHaveURL(/area=9000-aalborg/);
  const rows = page.locator('table.staff-table tbody tr');
  expect(await rows.count()).toBeGreaterThan(1);
  for (const row of await rows.all()) {
    await expect(row.getByRole('cell', { name: '9000 Aalborg', exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Transport', exact: true })).toBeVisible();
  }

  // Most supported first: the header says how the table is sorted.
  await page.getByRole('link', { name: 'Sortér efter støtter' }).click();
  await expect(page.getByRole('columnheader', { name: 'Sortér efter støtter' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/order=supports/);
  const supports = async () =>
    (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td.number')!.textContent!.replace(/\D/g, '')))));
  const counted = await supports();
  expect(counted).toEqual([...counted].sort((a, b) => b - a));

  // Every sector in the area, still most supported first: the ten at the top get one status.
  await page.getByLabel('Sektor', { exact: true }).selectOption({ label: 'Alle' });
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Sortér efter støtter' })).toHaveAttribute('aria-sort', 'descending');
  expect(await rows.count()).toBeGreaterThan(10);
  const titles = (await rows.locator('th[scope="row"] a').allTextContents()).slice(0, 10);
  for (const title of titles) await page.getByLabel(`Vælg »${title}«`).check();
  if (jsEnabled(testInfo)) await expect(page.getByText('Du har valgt 10 idéer.')).toBeVisible();
  await page.getByLabel('Handling').selectOption({ label: 'Sæt status og send kommunens svar' });
  await page.getByLabel('Ny status').selectOption({ label: status });
  await page.getByLabel('Kommunens svar (dansk)').fill(answer);
  await page.getByRole('button', { name: 'Udfør' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ændret' })).toHaveText('10 idéer er ændret. Beskederne sendes nu.');
  for (const title of titles) {
    await expect(page.getByRole('row', { name: new RegExp(title) }).getByRole('cell', { name: status, exact: true })).toBeVisible();
  }

  // Each author and each supporter gets one mail, naming their ideas among the ten.
  const mails = await mailsContaining(answer);
  const recipients = mails.map((mail) => mail.to);
  expect(new Set(recipients).size, 'one mail per resident').toBe(recipients.length);
  expect(recipients.length).toBeGreaterThanOrEqual(10);
  const named = new Set<string>();
  for (const mail of mails) for (const title of titles) if (mail.text.includes(title)) named.add(title);
  expect([...named].sort()).toEqual([...titles].sort());
});

test('staff merge two ideas found by search, seeing both first, and an admin undoes it', async ({ page }, testInfo) => {
  // Each project its own pair.
  const [duplicate, kept, words] = jsEnabled(testInfo)
    ? ['Slå rabatterne sjældnere og lad dem blomstre', 'Grønne skolegårde i stedet for asfalt', 'skolegårde asfalt']
    : ['Fjern døde træer langs stier før stormsæsonen', 'Beskyt fjordkysten ved Nibe mod nedbrydning', 'fjordkysten nibe'];
  await signIn(page, '/staff/ideas');
  await page.getByLabel('Søg i titel og beskrivelse').fill(duplicate);
  await page.getByRole('button', { name: 'Vis' }).click();
  await page.getByRole('link', { name: duplicate }).click();
  await expect(page.getByRole('heading', { level: 1, name: duplicate })).toBeVisible();

  await page.getByLabel('Søg efter idéen, der skal beholdes').fill(words);
  await page.getByRole('button', { name: 'Find idéer' }).click();
  await page.getByRole('link', { name: kept }).click();
  // Both side by side before anything happens.
  await expect(page.getByRole('heading', { level: 3, name: 'Denne idé bliver en henvisning' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Denne idé beholdes' })).toBeVisible();
  await page.getByRole('button', { name: `Læg sammen, og behold »${kept}«` }).click();
  await expect(page.getByText('Idéerne er lagt sammen.')).toBeVisible();

  // The old address leads to the kept idea.
  await page.goto('/staff/ideas');
  const merge = page.getByRole('listitem').filter({ hasText: `»${duplicate}« lagt sammen med »${kept}«` });
  await merge.getByRole('button', { name: 'Fortryd' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: `»${duplicate}« lagt sammen med »${kept}« (fortrudt)` })).toBeVisible();
});

test('staff clear the moderation queue with the keyboard alone', async ({ page }, testInfo) => {
  // follow.late.spec.ts puts an idea in the queue and approves it; not while this clears it.
  await alone('moderation-queue', async () => {
    await signIn(page, '/staff/moderation');
    await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
    if (!jsEnabled(testInfo)) {
      // The js-on run cleared it; without JavaScript the queue says it is empty.
      await expect(page.getByRole('status').filter({ hasText: 'Ingen idéer venter.' })).toBeVisible();
      return;
    }
    const first = page.locator('ol.queue > li.queue-card').first();
    await first.getByRole('link').first().focus();
    for (let left = 40; left > 0; left--) {
      if (await page.getByText('Ingen idéer venter.').isVisible()) break;
      // Focus is on the card, or on its link before the first key.
      const card = page.locator('ol.queue > li.queue-card:focus-within');
      await expect(card).toHaveCount(1);
      const id = await card.getAttribute('id');
      if ((await card.getByRole('button', { name: 'Godkend', exact: true }).count()) > 0) {
        await page.keyboard.press('a');
      } else {
        // A reported public idea: hidden, with the reason the author reads.
        await page.keyboard.press('r');
        await page.keyboard.type('Skjult efter anmeldelser i e2e-testen.');
        await page.keyboard.press('Control+Enter');
      }
      // The idea leaves the queue, and focus starts at the next one.
      await expect(page.locator(`ol.queue > li#${id}`)).toHaveCount(0);
      await page.waitForLoadState();
    }
    await expect(page.getByRole('status').filter({ hasText: 'Ingen idéer venter.' })).toBeVisible();
  });
});
