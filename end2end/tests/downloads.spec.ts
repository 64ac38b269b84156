import * as fs from 'node:fs';
import { expect, Page } from '@playwright/test';
import { test } from './helpers';

/**
 * Staff click each download link the way they would, and the file arrives whole. Chromium asks
 * for every download with `Accept-Encoding: gzip, deflate, br, zstd`; the downloads once broke
 * right there (the server cut the connection after the headers) while every HTTP test, asking
 * without gzip, passed.
 */
async function downloadFrom(page: Page, name: string | RegExp, click = 'link'): Promise<{ file: string; text: Buffer }> {
  const exact = typeof name === 'string';
  const target =
    click === 'link' ? page.getByRole('link', { name, exact }) : page.getByRole('button', { name, exact });
  const [download] = await Promise.all([page.waitForEvent('download'), target.click()]);
  expect(await download.failure(), `${name}: the download failed`).toBeNull();
  const path = await download.path();
  return { file: download.suggestedFilename(), text: fs.readFileSync(path) };
}

test('staff download every export, whole, by clicking its link', async ({ page }) => {
  await page.goto('/staff/login?next=/staff/ideas');
  await page.getByLabel('Brugernavn').fill('e2e-admin');
  await page.getByLabel('Adgangskode').fill('e2e-klimaplan-adgang');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Idéer' })).toBeVisible();

  const csv = await downloadFrom(page, 'Hent CSV', 'link');
  expect(csv.file).toBe('klimadialog-ideas.csv');
  const text = csv.text.toString('utf8');
  // Danish Excel opens a double-clicked CSV split on ';'.
  expect(text.startsWith('\ufeffid;title;description;kind;')).toBe(true);
  expect(text.trimEnd().split('\r\n').length).toBeGreaterThan(50);

  const comma = await downloadFrom(page, /^Hent CSV med komma/);
  expect(comma.text.toString('utf8').startsWith('\ufeffid,title,description,kind,')).toBe(true);

  const xlsx = await downloadFrom(page, 'Hent Excel (XLSX)');
  expect(xlsx.file).toBe('klimadialog-ideas.xlsx');
  expect(xlsx.text.subarray(0, 2).toString()).toBe('PK');
  // A zip ends with its central directory's end record: the file is complete.
  expect(xlsx.text.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(true);

  const geojson = await downloadFrom(page, 'Hent GeoJSON');
  const collection = JSON.parse(geojson.text.toString('utf8'));
  expect(collection.type).toBe('FeatureCollection');
  expect(collection.features.length).toBeGreaterThan(50);

  const json = await downloadFrom(page, 'Hent JSON');
  expect(JSON.parse(json.text.toString('utf8')).length).toBe(collection.features.length);

  // The admin's form, with the residents' addresses.
  await page.getByLabel('Excel (XLSX)').check();
  await page.getByLabel('Medtag forslagsstillernes e-mailadresser').check();
  const withContact = await downloadFrom(page, 'Hent', 'button');
  expect(withContact.text.subarray(0, 2).toString()).toBe('PK');

  await page.goto('/staff/audit');
  const audit = await downloadFrom(page, 'Hent som CSV');
  const log = audit.text.toString('utf8');
  expect(log.startsWith('\ufeffid;time_utc;staff;action')).toBe(true);
  expect(log).toContain('export.ideas_xlsx');
});
