import { expect } from '@playwright/test';
import { alone, digestsInDays, jsEnabled, mailTo, signIn, staffLogin, test } from './helpers';

// A supporter chooses a weekly digest, gets one with the debate and the municipality's answer,
// and stops every mail from the link in it. (Following an area: follow.late.spec.ts, as the
// idea it publishes would change the counts other journeys read.)

test('a supporter gets a weekly digest with the debate and the answer, and stops every mail in one click', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const js = jsEnabled(testInfo);
  const run = testInfo.project.name;
  const [search, title] = js
    ? ['oliefyr', 'Fjernvarme til huse med oliefyr i Storvorde']
    : ['varmepumper', 'Tilskud til varmepumper uden for fjernvarmeområderne'];
  const email = `ugentlig-${run}@example.org`;
  const answer = `Vi ser på varmeforsyningen i landsbyerne i 2027 (${run}).`;

  // Support the idea, signing in on the way: supporting follows it, and the page says so.
  await page.goto(`/ideas?q=${search}`);
  await page.getByRole('link', { name: title }).click();
  const ideaUrl = page.url();
  const idea = new URL(ideaUrl).pathname.split('/').pop();
  await page.getByRole('button', { name: 'Støt idéen' }).click();
  await signIn(page, email);
  await expect(page.getByRole('button', { name: 'Træk din støtte tilbage' })).toBeVisible();
  await expect(page.getByText('Du følger idéen, fordi du støtter den.')).toBeVisible();

  // A weekly digest, and no status mail at once.
  await page.getByRole('link', { name: 'Min side' }).click();
  await expect(page.getByLabel('Samlet én gang om dagen')).toBeChecked();
  await page.getByLabel('Samlet én gang om ugen').check();
  await page.getByLabel(/^Send mig en mail med det samme, når en idé/).uncheck();
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dine valg er gemt.' })).toBeVisible();
  await expect(page.getByLabel('Samlet én gang om ugen')).toBeChecked();

  // During the week another resident argues for it, and the municipality answers; Monday
  // morning's digest tells of both, in Danish, with the counts, the answer and the links.
  const text = await alone('weekly-digest', async () => {
    await page.context().clearCookies();
    await page.goto(ideaUrl);
    const debate = page.getByRole('region', { name: 'Debat' });
    await debate.getByRole('link', { name: 'Log ind for at deltage i debatten' }).click();
    await signIn(page, `nabo-${run}@example.org`);
    await debate.getByLabel('Jeg er for idéen').check();
    await debate.getByLabel('Dit indlæg').fill(`Det vil spare mange husstande penge (${run}).`);
    await debate.getByRole('button', { name: 'Send indlæg' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Tak.' })).toBeVisible();
    await staffLogin(page, `/staff/ideas/${idea}`);
    await page.getByLabel('Under behandling', { exact: true }).check();
    await page.getByLabel('Kommunens svar (dansk)').fill(answer);
    await page.getByRole('button', { name: 'Gem og send besked' }).click();
    await expect(page.getByText('Status gemt.')).toBeVisible();
    digestsInDays(js ? 21 : 28, 'weekly');
    return mailTo(email, answer);
  });
  expect(text).toContain('den seneste uge');
  expect(text).toContain(`»${title}«`);
  expect(text).toContain('1 nyt argument for');
  expect(text).toContain('Ny status: Under behandling');
  expect(text).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  const stop = text.match(/\/afmeld\/[0-9a-f]{64}/)![0];

  // The stop link: the page asks first (mail scanners open links), one click stops it all.
  await page.context().clearCookies();
  await page.goto(stop);
  await expect(page.getByRole('heading', { level: 1, name: 'Stop mails om det, du følger' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop alle mails om det, du følger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Du får ikke flere mails om det, du følger' })).toBeVisible();
  await page.getByRole('link', { name: 'Dine mailindstillinger' }).click();
  await page.locator('main a[href="/signin?next=/me"]').click();
  await signIn(page, email);
  await expect(page.getByLabel('Aldrig')).toBeChecked();
});
