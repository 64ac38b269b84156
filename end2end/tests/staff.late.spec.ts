import { expect, Page } from '@playwright/test';
import { jsEnabled, test } from './helpers';

// Staff journeys that change what other journeys read: they run after all of them (see
// playwright.config.ts), at a desktop width, as staff work.
test.use({ viewport: { width: 1280, height: 800 } });

async function signIn(page: Page, next: string) {
  await page.goto(`/staff/login?next=${next}`);
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
}

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
    const card = page.locator('ol.queue > li.queue-card:focus');
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
