import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, Page } from '@playwright/test';
import { codeMailedTo, jsEnabled, mailsContaining, signIn, test, waitForIslands } from './helpers';

// Residents hear of what they follow: a supporter chooses a weekly digest, gets one with the
// debate and the municipality's answer, and stops every mail from the link in it; a neighbour
// follows an area on their page and hears of a new idea there the next morning.

/**
 * The journeys' clock: makes the rounds of `schedule` due `days` from now, as an operator's
 * `klimadialog digests --at` does; the server's mail worker sends them within seconds. Each
 * journey uses days of its own, so the rounds of one never stand in for another's.
 */
function digestsInDays(days: number, schedule: 'daily' | 'weekly') {
  const bin = process.env.KLIMADIALOG_BIN ?? path.resolve(__dirname, '../../target/debug/klimadialog');
  const at = Math.floor(Date.now() / 1000) + days * 86_400;
  execFileSync(bin, ['digests', '--at', String(at), '--schedule', schedule], {
    env: {
      ...process.env,
      DATABASE_URL: path.join(process.env.KLIMADIALOG_E2E_DATA!, 'e2e.db'),
      RUST_LOG: 'warn',
    },
  });
}

/**
 * Runs `work` while no other project's journey runs it: the two projects share one server and
 * one digest schedule, and a round one of them makes between the other's events would split
 * that week's news over two mails.
 */
async function alone<T>(name: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(process.env.KLIMADIALOG_E2E_DATA!, `${name}.lock`);
  await expect
    .poll(
      () => {
        try {
          fs.mkdirSync(lock);
          return true;
        } catch {
          return false;
        }
      },
      { intervals: [500], timeout: 120_000 },
    )
    .toBe(true);
  try {
    return await work();
  } finally {
    fs.rmdirSync(lock);
  }
}

/** The mail to `to` holding `needle`, waiting for the mail worker to send it. */
async function mailTo(to: string, needle: string) {
  let found: { to: string; text: string }[] = [];
  await expect
    .poll(
      async () => {
        found = (await mailsContaining(needle)).filter((mail) => mail.to === to);
        return found.length;
      },
      { intervals: [1_000], timeout: 45_000 },
    )
    .toBeGreaterThan(0);
  expect(found).toHaveLength(1);
  return found[0].text;
}

async function staffLogin(page: Page, next: string) {
  await page.context().clearCookies();
  await page.goto(`/staff/login?next=${next}`);
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
}

test('a supporter gets a weekly digest with the debate and the answer, and stops every mail in one click', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
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

test('a neighbour follows an area on their page and hears of a new idea there', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
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
  await page.getByRole('button', { name: 'Send idéen' }).click();
  await expect(page.getByText('Din idé venter på at blive godkendt.')).toBeVisible();
  await staffLogin(page, '/staff/moderation');
  const card = page.locator('li.queue-card').filter({ has: page.getByRole('link', { name: title }) });
  await card.getByRole('button', { name: 'Godkend', exact: true }).click();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  // The next morning's digest tells of it.
  digestsInDays(js ? 1 : 2, 'daily');
  const text = await mailTo(email, title);
  expect(text).toContain(`Ny idé i ${area}`);
  expect(text).toContain('siden i går');
});
