import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import {
  ARTIFACTS,
  AxeViolation,
  expectAccessible,
  launchChromium,
  Sessions,
  WEB_DIST,
} from './support/browser';

/**
 * Issue 12, the review screens as officers use them, on the demo data: submission asks for the
 * over-norm lines' justification; the budget reviewer starts from empty approved amounts and
 * chooses "fund as requested" or "cap at norm", in a table that fits 1366 px; the next reviewer
 * sees the opinions before theirs; the final signer sees requested and appraised amounts and the
 * finance opinion, and cannot pick a future decision date; the delegation form needs a reason and
 * does not submit on Enter in its date picker. Same set-up as plan-story.e2e-spec.ts.
 */
jest.setTimeout(120_000);

type Line = {
  id: string;
  description: string;
  requestedAmount: number;
  overNorm: { capAmount: number } | null;
};
type Plan = { id: string; activities: { code: string; budgetLines: Line[] }[] };

describe('web: review screens (issue 12)', () => {
  let t: TestApp;
  let browser: Browser;
  let plan: Plan;
  const sessions = new Sessions(
    () => browser,
    () => t.url,
  );
  const a11y: Record<string, AxeViolation[]> = {};

  const as = (login: string): Promise<Page> => sessions.page(login);
  const checkScreen = async (page: Page, name: string) => {
    a11y[name] = await expectAccessible(page, name);
  };
  const text = (page: Page, s: string | RegExp) => page.getByText(s).first().waitFor();
  const digits = (n: number | bigint) => n.toLocaleString('de-DE');
  type Row = Line & { code: string };
  const rows = (): Row[] =>
    plan.activities.flatMap((a) => a.budgetLines.map((l) => ({ ...l, code: a.code })));
  const openReview = async (page: Page) => {
    await page.goto('/reviews');
    await page.getByRole('link', { name: /Kế hoạch hoạt động đối ngoại nhân dân năm 2027/ }).click();
  };

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error('apps/web/dist is missing: run `npm run build:web` first (npm test does).');
    mkdirSync(ARTIFACTS, { recursive: true });
    [t, browser] = await Promise.all([startTestApp({ seedDemo: true }), launchChromium()]);
    const editor = await t.as('hp.editor');
    const id = (await editor.get('/api/plans')).body.items[0].id as string;
    plan = (await editor.get(`/api/plans/${id}`)).body as Plan;
    expect(rows().filter((l) => l.overNorm).length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await sessions.closeAll();
    await browser?.close();
    await t?.close();
  });

  it('a draft offers cancelling, not withdrawing; submission asks for the over-norm justifications', async () => {
    const overCount = rows().filter((l) => l.overNorm).length;
    const submitter = await as('hp.submitter');
    await submitter.goto(`/plans/${plan.id}`);
    await submitter.getByRole('button', { name: 'Hủy kế hoạch', exact: true }).waitFor();
    expect(await submitter.getByRole('button', { name: 'Rút lại' }).count()).toBe(0);
    // The submitter is asked first: the lines are named, and who must justify them.
    await submitter.getByRole('button', { name: 'Trình kế hoạch' }).click();
    await submitter
      .locator('.ant-popconfirm-buttons')
      .getByRole('button', { name: 'Trình kế hoạch' })
      .click();
    const asked = submitter.getByRole('dialog').filter({ hasText: 'Giải trình các dòng chi vượt định mức' });
    await asked.getByText('Người soạn thảo kế hoạch cần nhập giải trình').waitFor();
    expect(await asked.getByTestId('unjustified-lines').locator('li').count()).toBe(overCount);
    await checkScreen(submitter, 'r1-submit-asks');
    await submitter.keyboard.press('Escape');
    await asked.waitFor({ state: 'hidden' });

    // The editor writes them; none is saved empty.
    const editor = await as('hp.editor');
    await editor.goto(`/plans/${plan.id}`);
    await editor.getByTestId('unjustified-alert').getByRole('button', { name: 'Nhập giải trình' }).click();
    const dialog = editor.getByRole('dialog').filter({ hasText: 'Giải trình các dòng chi vượt định mức' });
    const reasons = dialog.locator('textarea');
    await reasons.first().waitFor();
    expect(await reasons.count()).toBe(overCount);
    await dialog.getByRole('button', { name: 'Lưu giải trình' }).click();
    await dialog.getByText('Nêu lý do vượt định mức').first().waitFor();
    await checkScreen(editor, 'r1-justification');
    for (let i = 0; i < overCount; i++)
      await reasons.nth(i).fill('Đoàn cấp cao, theo yêu cầu lễ tân đối ngoại của thành phố');
    await dialog.getByRole('button', { name: 'Lưu giải trình' }).click();
    await editor.getByTestId('unjustified-alert').waitFor({ state: 'detached' });

    await submitter.goto(`/plans/${plan.id}`);
    await submitter.getByRole('button', { name: 'Trình kế hoạch' }).click();
    await submitter
      .locator('.ant-popconfirm-buttons')
      .getByRole('button', { name: 'Trình kế hoạch' })
      .click();
    await text(submitter, 'Đã trình kế hoạch để thẩm định');
    await text(submitter, 'Đang thẩm định');
  });

  it('the budget reviewer starts empty, caps at norm, funds as requested; the table fits 1366 px', async () => {
    const page = await as('hp.stc');
    await page.setViewportSize({ width: 1366, height: 768 });
    await openReview(page);
    await text(page, 'Thẩm định kinh phí');
    const over = rows().find((l) => l.overNorm)!;
    const within = rows().find((l) => !l.overNorm)!;
    const input = (l: Row) =>
      page.getByLabel(`Kinh phí được duyệt — ${l.code} ${l.description}`, { exact: true });
    // Empty, not the request: funding is the reviewer's choice.
    for (const l of rows()) expect(await input(l).inputValue()).toBe('');
    // The activity's title is on the line, and the union's justification.
    await page
      .getByTestId('budget-lines-table')
      .getByText('Đoàn cấp cao, theo yêu cầu lễ tân')
      .first()
      .waitFor();

    // No horizontal scrolling: neither the table nor the page.
    const fits = await page.evaluate(() => {
      const box = document.querySelector(
        '[data-testid="budget-lines-table"] .ant-table-content',
      ) as HTMLElement;
      const doc = document.documentElement;
      return { table: [box.scrollWidth, box.clientWidth], page: [doc.scrollWidth, doc.clientWidth] };
    });
    expect(fits.table[0]).toBeLessThanOrEqual(fits.table[1]);
    expect(fits.page[0]).toBeLessThanOrEqual(fits.page[1]);

    // Cap one line at its norm: the amount the API computed (quantity × cap).
    const cap = Math.min(over.overNorm!.capAmount, over.requestedAmount);
    await page
      .getByRole('button', { name: `Tính theo định mức — ${over.code} ${over.description}`, exact: true })
      .click();
    expect(await input(over).inputValue()).toBe(digits(cap));
    expect(await input(within).inputValue()).toBe('');

    // Approving with empty lines is refused on the spot, the lines named.
    await page.getByRole('button', { name: 'Gửi ý kiến: Thống nhất' }).click();
    await text(page, 'Còn dòng chưa có kinh phí được duyệt');

    await page.getByRole('button', { name: 'Duyệt bằng số đề nghị' }).click();
    for (const l of rows()) expect(await input(l).inputValue()).toBe(digits(l.requestedAmount));
    await page.getByTestId('cap-all-at-norm').click();
    for (const l of rows().filter((x) => x.overNorm))
      expect(await input(l).inputValue()).toBe(digits(Math.min(l.overNorm!.capAmount, l.requestedAmount)));
    await checkScreen(page, 'r2-budget-review');

    await page
      .getByLabel('Ý kiến thẩm định (không bắt buộc)')
      .fill('Thống nhất; các dòng vượt tính theo định mức.');
    await page.getByRole('button', { name: 'Gửi ý kiến: Thống nhất' }).click();
    await page.waitForURL('**/reviews');
  });

  it('the content reviewer sees the finance opinion given before; the final signer sees requested, appraised and the opinion', async () => {
    const content = await as('hp.sngv');
    await openReview(content);
    await content
      .getByTestId('opinion-BUDGET')
      .filter({ hasText: 'Thống nhất; các dòng vượt tính theo định mức.' })
      .waitFor();
    await content.getByTestId('over-norm-lines').getByText('Đoàn cấp cao').first().waitFor();
    await checkScreen(content, 'r3-content-review');
    await content.getByLabel('Ý kiến thẩm định (không bắt buộc)').fill('Nội dung phù hợp.');
    await content.getByRole('button', { name: 'Gửi ý kiến: Thống nhất' }).click();
    await content.waitForURL('**/reviews');

    const page = await as('hp.ubnd');
    await page.setViewportSize({ width: 1366, height: 768 });
    await openReview(page);
    await page
      .getByTestId('finance-opinion')
      .getByText('Thống nhất; các dòng vượt tính theo định mức.')
      .waitFor();
    await page.getByTestId('opinion-CONTENT').filter({ hasText: 'Nội dung phù hợp.' }).waitFor();
    const requested = rows().reduce((s, l) => s + BigInt(l.requestedAmount), 0n);
    const appraised = rows().reduce(
      (s, l) =>
        s + BigInt(l.overNorm ? Math.min(l.overNorm.capAmount, l.requestedAmount) : l.requestedAmount),
      0n,
    );
    expect(appraised).toBeLessThan(requested);
    await page
      .getByTestId('signer-total-requested')
      .filter({ hasText: digits(requested) })
      .waitFor();
    await page
      .getByTestId('signer-total-appraised')
      .filter({ hasText: digits(appraised) })
      .waitFor();
    const fits = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="appraised-lines"] .ant-table-content') as HTMLElement;
      return [box.scrollWidth, box.clientWidth];
    });
    expect(fits[0]).toBeLessThanOrEqual(fits[1]);
    // The People's Committee approves; the agencies before it only gave opinions.
    await page.getByRole('button', { name: 'Gửi quyết định: Phê duyệt' }).waitFor();
    expect(await page.getByRole('button', { name: /Thống nhất/ }).count()).toBe(0);

    // The screen as the signer meets it (antd's open calendar panel is not this screen's to judge).
    await checkScreen(page, 'r4-final-review');

    // A future decision date cannot be picked: tomorrow's cell is disabled.
    await page.getByLabel('Ngày quyết định').click();
    const tomorrow = await page.evaluate(() => {
      const d = new Date(Date.now() + 86_400_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    });
    const cell = page.locator(`.ant-picker-dropdown td[title="${tomorrow}"]`).first();
    await cell.waitFor();
    expect(await cell.getAttribute('class')).toContain('ant-picker-cell-disabled');
    await page.keyboard.press('Escape');
  });

  it('the delegation form: no default dates, a reason required, Enter in the date picker does not submit', async () => {
    const page = await as('hp.stc');
    await page.goto('/delegations');
    await page.getByRole('heading', { name: 'Ủy quyền thẩm định' }).waitFor();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/delegations')) posts.push(r.url());
    });
    const [start, end] = [page.getByLabel('Từ ngày'), page.getByLabel('Đến ngày')];
    expect(await start.inputValue()).toBe('');
    expect(await end.inputValue()).toBe('');

    await page.getByLabel('Người được ủy quyền').click();
    await page.getByTitle('Bùi Đức Long (hp.stc2)').click();
    await page.getByLabel('Lý do').fill('Nghỉ phép');
    await start.click();
    await start.fill('01/12/2026');
    await start.press('Enter');
    await end.click();
    await end.fill('05/12/2026');
    // The form is complete now: Enter in the picker would have sent it.
    await end.press('Enter');
    await page.waitForTimeout(800);
    expect(posts).toEqual([]);
    expect(await page.getByText('Đã tạo ủy quyền').count()).toBe(0);
    await page.keyboard.press('Escape');

    // Submitting without a reason says what is missing and sends nothing.
    await page.getByLabel('Lý do').fill('');
    await page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
    await text(page, 'Nêu lý do ủy quyền');
    expect(posts).toEqual([]);
    await checkScreen(page, 'r5-delegation');
  });

  it('no uncaught error in any page', () => {
    expect(sessions.errors()).toEqual([]);
  });
});
