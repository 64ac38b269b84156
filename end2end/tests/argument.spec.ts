import { expect } from '@playwright/test';
import { jsEnabled, mailsContaining, signIn, test } from './helpers';

test('residents argue for an idea, reply to each other and mark an argument helpful', async ({ page }, testInfo) => {
  // The two projects run at the same time against one server: each uses its own idea.
  const idea = jsEnabled(testInfo) ? 4 : 5;
  const run = testInfo.project.name;
  await page.goto(`/ideas/${idea}`);
  const debate = page.getByRole('region', { name: 'Debat' });
  await expect(debate.getByText('Ingen indlæg endnu.', { exact: true })).toBeVisible();
  // Typing first: sending leads through sign-in and back, the words kept.
  const words = `Det giver renere luft omkring skolerne (${run}).`;
  await debate.getByLabel('Dit indlæg').fill(words);
  await debate.getByRole('button', { name: 'Send indlæg' }).click();
  await signIn(page, `debat-a-${run}@example.org`);
  await expect(page).toHaveURL(new RegExp(`/ideas/${idea}#argue$`));
  await expect(debate.getByText('Du er logget ind. Dit indlæg er ikke sendt endnu.')).toBeVisible();
  await expect(debate.getByLabel('Dit indlæg')).toHaveValue(words);

  // Without a stance the form says what is missing and keeps the words.
  await debate.getByRole('button', { name: 'Send indlæg' }).click();
  await expect(page.getByRole('alert')).toHaveText('Vælg, om du er for eller imod idéen, eller har et spørgsmål.');
  await expect(debate.getByLabel('Dit indlæg')).toHaveValue(words);
  await debate.getByLabel('Jeg er for idéen').check();
  await debate.getByRole('button', { name: 'Send indlæg' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tak.' })).toHaveText('Tak. Dit indlæg er med i debatten.');
  await expect(debate.getByText('1 indlæg: 1 for, 0 imod, 0 spørgsmål')).toBeVisible();
  const thread = debate.locator('ol.arguments > li').filter({ hasText: words });
  await expect(thread.getByRole('button', { name: /Nyttigt/ })).toHaveCount(0);

  // Another resident replies and finds the argument helpful.
  await page.context().clearCookies();
  await page.goto(`/ideas/${idea}`);
  await debate.getByRole('link', { name: 'Log ind for at deltage i debatten' }).click();
  await signIn(page, `debat-b-${run}@example.org`);
  // With JavaScript, replying and marking happen in place: a mark set on the page survives.
  const js = jsEnabled(testInfo);
  if (js) await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await thread.getByText('Svar', { exact: true }).click();
  const reply = `Enig, og børnene kan cykle selv (${run}).`;
  await thread.getByLabel('Dit svar').fill(reply);
  await thread.getByRole('button', { name: 'Send svar' }).click();
  await expect(thread.locator('ol.replies')).toContainText(reply);
  await thread.getByRole('button', { name: 'Nyttigt (0)' }).click();
  await expect(thread.getByRole('button', { name: 'Nyttigt (1)' })).toHaveAttribute('aria-pressed', 'true');
  await thread.getByRole('button', { name: 'Nyttigt (1)' }).click();
  await expect(thread.getByRole('button', { name: 'Nyttigt (0)' })).toHaveAttribute('aria-pressed', 'false');
  if (js) {
    await expect(thread.getByRole('button', { name: 'Nyttigt (0)' })).toBeFocused();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  }

  // On a phone one list; on a wide screen, for and against side by side.
  const against = `Det koster for mange parkeringspladser (${run}).`;
  await debate.getByLabel('Jeg er imod idéen').check();
  await debate.getByLabel('Dit indlæg', { exact: true }).fill(against);
  await debate.getByRole('button', { name: 'Send indlæg' }).click();
  const opposed = debate.locator('ol.arguments > li').filter({ hasText: against });
  await expect(opposed).toBeVisible();
  const left = async (item: typeof thread) => (await item.boundingBox())!.x;
  expect(await left(opposed)).toBe(await left(thread));
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(async () => (await left(opposed)) - (await left(thread))).toBeGreaterThan(200);
  await page.setViewportSize({ width: 390, height: 844 });

  // Only the questions: none yet.
  await debate.getByRole('link', { name: 'Spørgsmål' }).click();
  await expect(debate.getByText('Ingen indlæg endnu. Skriv det første.')).toBeVisible();
});

test('a moderator hides an argument under a rule, the municipality replies, and staff close the debate', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const idea = jsEnabled(testInfo) ? 6 : 7;
  const run = testInfo.project.name;
  const debate = page.getByRole('region', { name: 'Debat' });
  const rude = `I er nogle idioter allesammen (${run}).`;
  const calm = `Lad os holde en god tone (${run}).`;

  // Two residents: an argument and a reply to it.
  await page.goto(`/ideas/${idea}`);
  await debate.getByLabel('Jeg er imod idéen').check();
  await debate.getByLabel('Dit indlæg').fill(rude);
  await debate.getByRole('button', { name: 'Send indlæg' }).click();
  await signIn(page, `debat-c-${run}@example.org`);
  await debate.getByRole('button', { name: 'Send indlæg' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tak.' })).toBeVisible();
  await page.context().clearCookies();
  await page.goto(`/ideas/${idea}`);
  const thread = debate.locator('ol.arguments > li').filter({ hasText: rude });
  await thread.getByText('Svar', { exact: true }).click();
  await thread.getByLabel('Dit svar').fill(calm);
  await thread.getByRole('button', { name: 'Send svar' }).click();
  await signIn(page, `debat-d-${run}@example.org`);
  await thread.getByRole('button', { name: 'Send svar' }).click();
  await expect(thread.locator('ol.replies')).toContainText(calm);
  await page.context().clearCookies();

  // A moderator hides the argument under a rule, replies as the municipality, closes.
  await page.goto(`/staff/login?next=/staff/ideas/${idea}`);
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  const staffDebate = page.getByRole('region', { name: 'Debat' });
  const card = staffDebate.getByRole('listitem').filter({ hasText: rude });
  await card.getByRole('button', { name: 'Skjul' }).click();
  await expect(page.getByRole('alert')).toHaveText('Vælg den regel, indlægget bryder.');
  await card.getByLabel('Regel').selectOption({ label: 'Vis respekt' });
  await card.getByRole('button', { name: 'Skjul' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt.' })).toBeVisible();
  await expect(card.getByText('Skjult: Vis respekt')).toBeVisible();
  await card.getByText('Svar som kommunen').first().click();
  await card.getByLabel('Kommunens svar').fill('Vi har skjult indlægget efter debatreglerne.');
  await card.getByRole('button', { name: 'Svar som kommunen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt.' })).toBeVisible();
  await staffDebate.getByLabel('Kommunens konklusion').fill('Idéen indgår i klimaplanens handling for transport.');
  await staffDebate.getByRole('button', { name: 'Luk debatten' }).click();
  await expect(staffDebate.getByRole('button', { name: 'Åbn debatten igen' })).toBeVisible();

  // Readers see the placeholder with the rule, the reply that stays, the municipality's
  // answer and the conclusion; nobody can write any more.
  await page.goto(`/ideas/${idea}`);
  await expect(debate.getByText(rude)).toHaveCount(0);
  await expect(debate.getByRole('link', { name: /^Skjult af en moderator den .*: Vis respekt$/ })).toBeVisible();
  await expect(debate.getByText(calm)).toBeVisible();
  await expect(debate.getByText('Kommunens svar', { exact: true })).toBeVisible();
  await expect(debate.getByText('Idéen indgår i klimaplanens handling for transport.')).toBeVisible();
  await expect(debate.getByRole('button', { name: 'Send indlæg' })).toHaveCount(0);
  await debate.getByRole('link', { name: /Vis respekt/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Vis respekt' })).toBeVisible();
});

test('a resident reports an argument, and a moderator hides it from the queue, telling its author', async ({ page }, testInfo) => {
  // Three people and eleven pages, each checked by axe (without JavaScript in a page of its
  // own): under a full run's load this takes longer than the default half minute.
  test.setTimeout(90_000);
  const idea = jsEnabled(testInfo) ? 8 : 9;
  const run = testInfo.project.name;
  const debate = page.getByRole('region', { name: 'Debat' });
  const author = `debat-e-${run}@example.org`;
  const words = `Ring til naboen Jens på 12 34 56 78, han ved det hele (${run}).`;

  await page.goto(`/ideas/${idea}`);
  await debate.getByLabel('Jeg er for idéen').check();
  await debate.getByLabel('Dit indlæg').fill(words);
  await debate.getByRole('button', { name: 'Send indlæg' }).click();
  await signIn(page, author);
  await debate.getByRole('button', { name: 'Send indlæg' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tak.' })).toBeVisible();
  await page.context().clearCookies();

  // Another resident reports it: through sign-in to the form, a reason needed, the comment kept.
  await page.goto(`/ideas/${idea}`);
  const thread = debate.locator('ol.arguments > li').filter({ hasText: words });
  await thread.getByRole('link', { name: 'Anmeld' }).click();
  await signIn(page, `debat-f-${run}@example.org`);
  const comment = `Navn og telefonnummer på en anden (${run})`;
  await thread.getByLabel('Kommentar (valgfri)').fill(comment);
  await thread.getByRole('button', { name: 'Send anmeldelse' }).click();
  await expect(thread.getByText('Vælg, hvorfor du anmelder indlægget.')).toBeVisible();
  await expect(thread.getByLabel('Kommentar (valgfri)')).toHaveValue(comment);
  await expect(thread.getByLabel('Findes allerede som en anden idé')).toHaveCount(0);
  await thread.getByLabel('Krænkende eller stødende').check();
  await thread.getByRole('button', { name: 'Send anmeldelse' }).click();
  await expect(thread.getByText('Tak. En moderator ser på indlægget.')).toBeVisible();
  await page.context().clearCookies();

  // The moderator finds it in the queue with the reason, hides it under a rule.
  await page.goto('/staff/login?next=/staff/moderation');
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  const queue = page.getByRole('region', { name: 'Indlæg i debatten' });
  const item = queue.getByRole('article').filter({ hasText: words });
  await expect(item.getByText(`Krænkende eller stødende: ${comment}`)).toBeVisible();
  await item.getByLabel('Regel').selectOption({ label: 'Respektér andres privatliv' });
  await item.getByRole('button', { name: 'Skjul' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt' })).toBeVisible();
  await expect(queue.getByText(words)).toHaveCount(0);

  // The author is told which rule, with their words; readers see where it was and why.
  const mails = await mailsContaining(words);
  expect(mails.map((mail) => mail.to)).toEqual([author]);
  expect(mails[0].text).toContain('debatreglen »Respektér andres privatliv«');
  await page.goto(`/ideas/${idea}`);
  await expect(debate.getByText(words)).toHaveCount(0);
  await expect(debate.getByRole('link', { name: /^Skjult af en moderator den .*: Respektér andres privatliv$/ })).toBeVisible();
});
