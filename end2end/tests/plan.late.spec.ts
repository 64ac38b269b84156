import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, Page } from '@playwright/test';
import { jsEnabled, mailsContaining, test } from './helpers';

// An admin keeps the climate plan: imports 30 actions from a workbook LibreOffice made, fixes
// the row the preview names, confirms, links an idea, and marks a milestone reached; the public
// sees the action, the gap chart and the idea's timeline, and the idea's supporters get the
// mail. Late: it adds to the plan that other journeys read. Each project its own codes and idea.
test.use({ viewport: { width: 1280, height: 800 } });

const HEADER = 'kode;titel;beskrivelse;sektor_eller_tema;ansvarlig;status;startår;slutår;reduktion_ton_co2e';

/** The plan as a CSV file, one action per row; `bad` gets its years backwards. */
function planCsv(prefix: string, bad?: number): string {
  const rows = [HEADER];
  for (let n = 1; n <= 30; n++) {
    const sector = n % 2 ? 'Transport' : 'Energiforsyning (el og fjernvarme)';
    const [start, end] = n === bad ? [2031, 2029] : [2025, 2030];
    rows.push(
      `${prefix}${n};Indsats ${prefix}${n} fra regnearket;Beskrivelse af indsats ${prefix}${n}.;${sector};Klima og Bæredygtighed;planlagt;${start};${end};${n * 10}`,
    );
  }
  return rows.join('\r\n');
}

/** The CSV as LibreOffice Calc saves it as an XLSX workbook. */
function workbookFrom(csv: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimadialog-plan-'));
  const file = path.join(dir, 'klimaplan.csv');
  fs.writeFileSync(file, csv);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'klimadialog-lo-'));
  execFileSync('soffice', [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--infilter=CSV:59,34,76,1',
    '--convert-to',
    'xlsx',
    '--outdir',
    dir,
    file,
  ]);
  return path.join(dir, 'klimaplan.xlsx');
}

async function upload(page: Page, workbook: string) {
  await page.getByLabel('Regneark (XLSX eller CSV)').setInputFiles(workbook);
  await page.getByRole('button', { name: 'Se, hvad der ændres' }).click();
}

test('an admin imports the plan, links an idea and reaches a milestone; residents hear of it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const [prefix, idea] = jsEnabled(testInfo)
    ? ['J', 'Grøn brint fra havnen til lastbiler og færger']
    : ['N', 'Biogas fra gylle i samarbejde med lokale landmænd'];
  await page.goto('/staff/login?next=/staff');
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('navigation', { name: 'Medarbejdermenu' }).getByRole('link', { name: 'Klimaplanens indsatser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Klimaplanens indsatser' })).toBeVisible();

  // A workbook with one bad row: the preview names it by its row number, and nothing is saved.
  await upload(page, workbookFrom(planCsv(prefix, 7)));
  const preview = page.getByRole('region', { name: 'Hvad klimaplan.xlsx ændrer' });
  await expect(preview.getByText('Nye: 29. Ændres: 0.', { exact: false })).toBeVisible();
  await expect(preview.getByText('Kan ikke gemmes: 1.', { exact: false })).toBeVisible();
  const bad = preview.getByRole('row', { name: new RegExp(`^8 ${prefix}7 `) });
  await expect(bad).toContainText('Slutåret kan ikke ligge før startåret.');
  await expect(preview.getByRole('button', { name: /^Gem/ })).toHaveCount(0);

  // Fixed in the spreadsheet and loaded again: 30 new actions, saved on confirmation.
  await upload(page, workbookFrom(planCsv(prefix)));
  await expect(page.getByText('Nye: 30. Ændres: 0.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Gem 30 indsatser' }).click();
  await expect(page.getByRole('status')).toHaveText('30 indsatser er gemt.');

  // The idea becomes part of the first action.
  await page.goto(`/staff/ideas?q=${encodeURIComponent(idea)}`);
  await page.getByRole('link', { name: idea }).click();
  await expect(page.getByRole('heading', { level: 1, name: idea })).toBeVisible();
  const planSection = page.getByRole('region', { name: 'Klimaplanen' });
  await planSection.getByLabel('Indsats').selectOption({ label: `${prefix}1 Indsats ${prefix}1 fra regnearket` });
  await planSection.getByLabel('Note til borgerne (valgfri)').fill('Idéen er med i indsatsen fra regnearket.');
  await planSection.getByRole('button', { name: 'Knyt til indsatsen' }).click();
  await expect(page.getByRole('region', { name: 'Klimaplanen' }).getByRole('link', { name: `${prefix}1 Indsats ${prefix}1 fra regnearket` })).toBeVisible();

  // A milestone, added and reached.
  await page.goto(`/staff/plan/edit?code=${prefix}1`);
  await expect(page.getByRole('heading', { level: 1, name: `Ret indsats ${prefix}1` })).toBeVisible();
  const milestone = `Første strækning ${prefix}1 er klar`;
  await page.getByLabel('Milepæl', { exact: true }).fill(milestone);
  await page.getByLabel('Frist').fill('2027-03-01');
  await page.getByRole('button', { name: 'Tilføj en milepæl' }).click();
  await expect(page.getByRole('status')).toHaveText('Milepælen er tilføjet.');
  await page.getByRole('button', { name: `Markér som nået: ${milestone}` }).click();
  await expect(page.getByRole('status')).toContainText('Milepælen er markeret som nået.');

  // The public sees the action, the gap chart and the idea's timeline.
  await page.goto('/plan');
  await expect(page.getByRole('region', { name: 'Vejen til målet i 2030' }).getByRole('img')).toBeVisible();
  await page.getByRole('link', { name: new RegExp(`^${prefix}1 Indsats ${prefix}1 fra regnearket`) }).click();
  await expect(page).toHaveURL(new RegExp(`/plan/${prefix}1$`));
  await expect(page.getByRole('region', { name: 'Tidslinje' }).getByText(milestone)).toBeVisible();
  await page.getByRole('region', { name: 'Borgernes idéer bag indsatsen' }).getByRole('link', { name: idea }).click();
  const timeline = page.getByRole('region', { name: 'Forløb' });
  await expect(timeline.getByText('Blev en del af indsatsen')).toBeVisible();
  await expect(timeline.getByText(`nåede milepælen »${milestone}«`)).toBeVisible();

  // The idea's supporters are told, each once.
  const mails = await mailsContaining(`har nået en milepæl: »${milestone}«`);
  expect(mails.length).toBeGreaterThan(5);
  expect(new Set(mails.map((m) => m.to)).size).toBe(mails.length);
  expect(mails[0].text).toContain(`»${idea}«`);
});
