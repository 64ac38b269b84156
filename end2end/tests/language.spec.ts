import { expect, type Page } from '@playwright/test';
import { codeMailedTo, expectAccessible, test } from './helpers';

// Ready for a third language: the pseudo-language `en-XA` (English about 40 % longer, accented,
// each text in ⟦ ⟧, made from en.rs when the app is built) stands in for it. Every page in it
// must show no Danish or English outside residents' content and names (which carry `lang`
// or `translate="no"`), and must still fit a 320 px phone with its longer words.

const PUBLIC_PAGES = [
  '/',
  '/ideas',
  '/ideas?sort=newest',
  '/ideas?q=cykel',
  '/ideas/1',
  '/ideas/new',
  '/ideas/new/review',
  '/map',
  '/stats',
  '/signin',
  '/me',
  '/tilgaengelighed',
  '/privatliv',
  '/debatregler',
  '/ideas/999999',
  '/staff/login',
];

const STAFF_PAGES = ['/staff', '/staff/ideas', '/staff/moderation', '/staff/team', '/staff/areas', '/staff/audit'];

/** Texts on the page, and in its attributes, that did not come from the language file. */
async function leftInCode(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    // Residents' content, names and the other languages' links say what they are.
    const exempt = (el: Element) => {
      // A form's values (a textarea's text) are what someone typed, not the page's texts.
      if (el.closest('script, style, noscript, template, textarea, [translate="no"]')) return true;
      const marked = el.closest('[lang]');
      return marked !== null && marked.getAttribute('lang') !== pageLang;
    };
    const strip = (text: string) => {
      let rest = text;
      for (let before = ''; before !== rest; ) {
        before = rest;
        rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
      }
      return rest;
    };
    const found: string[] = [];
    const check = (text: string, where: Element, what: string) => {
      const rest = strip(text);
      if (/[A-Za-z]/.test(rest)) {
        found.push(`${what} in <${where.tagName.toLowerCase()}${where.id ? '#' + where.id : ''}>: ${rest.trim().slice(0, 80)}`);
      }
    };
    // The title and labels may quote content the page shows marked (an idea's title, a
    // username in "Disable: e2e-mod").
    const content = Array.from(document.body.querySelectorAll('[lang], [translate="no"]'))
      .filter((el) => exempt(el))
      .map((el) => el.textContent?.trim() ?? '')
      .filter((text) => text !== '')
      .sort((a, b) => b.length - a.length);
    const withoutContent = (text: string) => content.reduce((rest, c) => rest.split(c).join(' '), text);
    check(withoutContent(document.title), document.documentElement, 'title');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !exempt(parent)) check(node.textContent ?? '', parent, 'text');
    }
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (exempt(el)) continue;
      for (const name of ['title', 'aria-label', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = el.getAttribute(name);
        if (value) check(withoutContent(value), el, name);
      }
      if (el instanceof HTMLInputElement && ['submit', 'button', 'reset'].includes(el.type)) {
        check(el.value, el, 'value');
      }
    }
    return found;
  });
}

async function walk(page: Page, paths: string[], testInfo: Parameters<typeof expectAccessible>[1]) {
  for (const path of paths) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    expect(await leftInCode(page), path).toEqual([]);
    await expectAccessible(page, testInfo);
    await page.setViewportSize({ width: 320, height: 640 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} at 320 px`).toBeLessThanOrEqual(320);
  }
}

test.beforeEach(async ({ context, baseURL }) => {
  await context.addCookies([{ name: 'lang', value: 'en-XA', url: baseURL! }]);
});

test('every public page in a third language has no text left in Danish or English', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await walk(page, PUBLIC_PAGES, testInfo);
});

test('a resident signed in sees their pages in a third language', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const address = `pseudo-${testInfo.project.name}@example.dk`;
  await page.goto('/signin');
  await page.locator('input[name="email"]').fill(address);
  await page.locator('form:has(input[name="email"]) button[type="submit"]').click();
  await expect(page).toHaveURL(/\/signin\/code/);
  expect(await leftInCode(page), '/signin/code').toEqual([]);
  await page.locator('input[name="code"]').fill(await codeMailedTo(address));
  await page.locator('form:has(input[name="code"]) button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/signin/);
  await walk(page, ['/me', '/ideas/1', '/ideas/new'], testInfo);
});

test('staff pages in a third language have no text left in Danish or English', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/staff/login?next=/staff');
  await page.locator('input[name="username"]').fill('e2e-admin');
  await page.locator('input[name="password"]').fill('e2e-klimaplan-adgang');
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await expect(page).toHaveURL(/\/staff$/);
  await walk(page, STAFF_PAGES, testInfo);
});
