import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { ARTIFACTS, expectAccessible, launchChromium, Session, signIn, WEB_DIST } from './support/browser';

/**
 * Issue 12, the administration's words on the officer's screens (demo data, Vietnamese): a legal
 * reference in its official citation form, a quarter as "Quý III/2027", partner countries picked
 * and shown by their Vietnamese name, an error with no English in it, and the dashboard's province
 * grid fitting 1,366 px and saying its rates are over submitted plans. axe-core on each screen.
 */
jest.setTimeout(120_000);

describe('web: the administration’s words', () => {
  let t: TestApp;
  let browser: Browser;
  let planId: string;
  const sessions: Session[] = [];

  const as = async (login: string): Promise<Page> => {
    const s = await signIn(browser, t.url, login);
    sessions.push(s);
    return s.page;
  };

  const checkScreen = (page: Page, name: string) => expectAccessible(page, name);

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error('apps/web/dist is missing: run `npm run build:web` first (npm test does).');
    mkdirSync(ARTIFACTS, { recursive: true });
    [t, browser] = await Promise.all([startTestApp({ seedDemo: true }), launchChromium()]);
    const editor = await t.as('hp.editor');
    planId = (await editor.get('/api/plans')).body.items[0].id;
    // A reception in the third quarter with a head-of-delegation room above its norm (9,400,000 ₫,
    // point a clause 2 Article 7 of Circular 35/2026/TT-BTC).
    const activity = await editor.post(`/api/plans/${planId}/activities`, {
      code: 'HĐ-Q3',
      title: 'Đón Đoàn Hội hữu nghị Việt - Đức',
      type: 'DELEGATION_IN',
      periodStart: '2027-Q3',
    });
    expect(activity.status).toBe(201);
    const line = await editor.post(`/api/activities/${activity.body.id}/budget-lines`, {
      category: 'ACCOMMODATION',
      description: 'Phòng nghỉ trưởng đoàn',
      quantity: 2,
      unit: 'người/ngày',
      unitCost: 10_000_000,
      fundingSource: 'STATE_BUDGET',
      guestClass: 'A',
      memberRole: 'HEAD',
    });
    expect(line.status).toBe(201);
    expect(line.body.overNorm?.article).toBe('7.2a');
  });

  afterAll(async () => {
    for (const s of sessions) await s.close();
    await browser?.close();
    await t?.close();
  });

  it('a norm is cited in the official form, a quarter reads Quý III/2027', async () => {
    const page = await as('hp.editor');
    await page.goto(`/plans/${planId}`);
    const activity = page.getByTestId('activity').filter({ hasText: 'HĐ-Q3' });
    await activity.getByText('Quý III/2027').first().waitFor();
    expect(await activity.textContent()).not.toContain('2027-Q3');
    const flag = activity.getByTestId('over-norm').first();
    expect(await flag.getAttribute('aria-label')).toContain(
      'điểm a khoản 2 Điều 7 Thông tư số 35/2026/TT-BTC',
    );
    expect(await flag.getAttribute('aria-label')).not.toMatch(/khoản 7\.2a/);
    await checkScreen(page, 'words-01-plan-citation-quarter');
  });

  it('partner countries are picked by their Vietnamese name and shown by it', async () => {
    const page = await as('hp.editor');
    await page.goto(`/plans/${planId}`);
    await page.getByRole('button', { name: 'Thêm hoạt động' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên hoạt động').fill('Giao lưu nhân dân Việt - Nhật');
    await dialog.getByLabel('Mã').fill('HĐ-JP');
    await dialog.getByLabel('Quốc gia đối tác').click();
    await page.keyboard.type('Nhật');
    const option = page.locator('.ant-select-item-option').filter({ hasText: 'Nhật Bản' });
    await option.waitFor();
    expect(await page.locator('.ant-select-item-option').count()).toBeLessThan(5);
    await checkScreen(page, 'words-02-country-picker');
    await option.click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const added = page.getByTestId('activity').filter({ hasText: 'HĐ-JP' });
    await added
      .getByText(/Nhật Bản/)
      .first()
      .waitFor();
    // The API keeps the ISO code.
    const plan = (await (await t.as('hp.editor')).get(`/api/plans/${planId}`)).body;
    const saved = (plan.activities as { code: string; partnerCountries: string[] }[]).find(
      (a) => a.code === 'HĐ-JP',
    );
    expect(saved?.partnerCountries).toEqual(['JP']);
  });

  it('an error message has no English in it', async () => {
    const ctx = await browser.newContext({ baseURL: t.url, locale: 'vi-VN' });
    const page = await ctx.newPage();
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('hp.editor');
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).not.toMatch(/Chi tiết|Wrong|password|login/i);
    await checkScreen(page, 'words-03-error-vi');
    await ctx.close();
  });

  it('the dashboard fits 1,366 px with its amounts and says its rates are over submitted plans', async () => {
    const page = await as('vufo.leader');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/dashboard');
    const grid = page.getByTestId('province-grid');
    await grid.getByRole('row').filter({ hasText: 'Hải Phòng' }).waitFor();
    // No horizontal scrolling: the table is no wider than its box, the page no wider than the window.
    const overflow = await page.evaluate(() => {
      const table = document.querySelector('[data-testid="province-grid"] table') as HTMLElement;
      const box = table.closest('.ant-table-content, .ant-table-body, .ant-table-container') as HTMLElement;
      return {
        table: table.getBoundingClientRect().width,
        box: box.getBoundingClientRect().width,
        page: document.documentElement.scrollWidth,
      };
    });
    expect(overflow.table).toBeLessThanOrEqual(overflow.box + 1);
    expect(overflow.page).toBeLessThanOrEqual(1366);
    // The amounts are on screen, inside the window.
    const amount = grid.getByRole('row').filter({ hasText: 'Hải Phòng' }).locator('.money').first();
    const box = await amount.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1366);
    // Provinces with their cluster's name; the rate's basis said in words.
    await grid
      .getByText(/Cụm thi đua số \d+/)
      .first()
      .waitFor();
    await page.getByTestId('rate-basis').filter({ hasText: 'kế hoạch đã trình' }).waitFor();
    await checkScreen(page, 'words-04-dashboard-1366');
  });

  it('in English: union names in English, the quarter as Q3 2027, the citation in English', async () => {
    const page = await as('hp.editor');
    await page.goto('/plans');
    await page.locator('.ant-segmented-item').filter({ hasText: 'EN' }).click();
    await page
      .getByText(/Union of Friendship Organizations/)
      .first()
      .waitFor();
    expect(await page.getByText('Liên hiệp các tổ chức hữu nghị Hải Phòng').count()).toBe(0);
    await page.goto(`/plans/${planId}`);
    await page.getByTestId('activity').filter({ hasText: 'HĐ-Q3' }).getByText('Q3 2027').first().waitFor();
    const flag = page.getByTestId('activity').filter({ hasText: 'HĐ-Q3' }).getByTestId('over-norm').first();
    expect(await flag.getAttribute('aria-label')).toContain('Article 7(2)(a) of Circular No. 35/2026/TT-BTC');
    await checkScreen(page, 'words-05-plan-en');
  });
});
