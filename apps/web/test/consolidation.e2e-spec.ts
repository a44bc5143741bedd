import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { justifyOverNorm } from '../../../test/support/factories';
import { AuthedClient, startTestApp, TestApp } from '../../../test/support/test-app';
import { ARTIFACTS, expectAccessible, launchChromium, Sessions, WEB_DIST } from './support/browser';

/**
 * Issue 14's national plan in the browser, on the demo data: Hải Phòng's and Đà Nẵng's plans go
 * through the chain over HTTP; the consolidator opens "Kế hoạch tổng hợp", sees which unions are
 * ready, builds the national plan, reads its roll-ups and opens a plan from them; the leader
 * returns it with a reason, which the consolidator reads; the consolidator builds it again and
 * the leader approves it with a decision; the plans move to rollout. Every screen axe-clean.
 */
jest.setTimeout(180_000);

describe('web: the national plan (consolidation)', () => {
  let t: TestApp;
  let browser: Browser;
  let cycleId: string;
  const planIds: Record<string, string> = {};
  const sessions = new Sessions(
    () => browser,
    () => t.url,
  );

  const as = (login: string): Promise<Page> => sessions.page(login);

  const checkScreen = (page: Page, name: string) => expectAccessible(page, name);

  /** Today in Vietnam, as the decision forms want it (dd/MM/yyyy) and as the API does (YYYY-MM-DD). */
  const today = () => {
    const d = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    return { iso: d, vn: d.split('-').reverse().join('/') };
  };

  /** A demo union's plan through the whole chain over HTTP: justified, submitted, agreed, approved. */
  const approve = async (code: 'hp' | 'dn') => {
    const editor = await t.as(`${code}.editor`);
    const planId = (await editor.get('/api/plans')).body.items[0].id as string;
    await justifyOverNorm(editor, planId);
    const submitted = await (await t.as(`${code}.submitter`)).post(`/api/plans/${planId}/submit`);
    expect(submitted.status).toBe(200);
    const plan = (await editor.get(`/api/plans/${planId}`)).body as {
      activities: { budgetLines: { id: string; amount: number }[] }[];
    };
    const decide = async (login: string, fn: string, body: object) => {
      const who: AuthedClient = await t.as(login);
      const inbox = await who.get('/api/reviews?mine=true&status=PENDING');
      const review = (inbox.body.items as { id: string; planId: string; function: string }[]).find(
        (r) => r.planId === planId && r.function === fn,
      );
      expect(review).toBeDefined();
      const res = await who.post(`/api/reviews/${review!.id}/decision`, body);
      expect(res.status).toBe(200);
    };
    await decide(`${code}.stc`, 'BUDGET', {
      decision: 'APPROVE',
      lines: plan.activities
        .flatMap((a) => a.budgetLines)
        .map((l) => ({ budgetLineId: l.id, approvedAmount: l.amount })),
    });
    await decide(`${code}.sngv`, 'CONTENT', { decision: 'APPROVE', comment: 'Thống nhất' });
    await decide(`${code}.ubnd`, 'FINAL', {
      decision: 'APPROVE',
      decisionNumber: `12/QĐ-UBND-${code.toUpperCase()}`,
      decisionDate: today().iso,
      signer: 'Chủ tịch Ủy ban nhân dân',
    });
    planIds[code] = planId;
    return planId;
  };

  const planStatuses = async () =>
    (
      await t.sql<{ status: string }>(`SELECT status FROM app.plans WHERE id = ANY($1) ORDER BY id`, [
        Object.values(planIds),
      ])
    ).map((r) => r.status);

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error('apps/web/dist is missing: run `npm run build:web` first (npm test does).');
    mkdirSync(ARTIFACTS, { recursive: true });
    [t, browser] = await Promise.all([startTestApp({ seedDemo: true }), launchChromium()]);
    await approve('hp');
    await approve('dn');
    const [row] = await t.sql<{ cycle_id: string }>(`SELECT cycle_id FROM app.plans WHERE id = $1`, [
      planIds.hp,
    ]);
    cycleId = row.cycle_id;
    expect(await planStatuses()).toEqual(['APPROVED', 'APPROVED']);
  });

  afterAll(async () => {
    await sessions.closeAll();
    await browser?.close();
    await t?.close();
  });

  it('the consolidator sees which unions are ready and builds the national plan', async () => {
    const page = await as('vufo.consolidator');
    await page.getByRole('link', { name: 'Kế hoạch tổng hợp', exact: true }).first().click();
    await page.waitForURL('**/consolidations');
    const grid = page.getByTestId('readiness-grid');
    const row = (name: string) => grid.getByRole('row').filter({ hasText: name });
    await row('Hải Phòng').getByText('Sẵn sàng tổng hợp').waitFor();
    await row('Đà Nẵng').getByText('Sẵn sàng tổng hợp').waitFor();
    await row('Hà Nội').getByText('Chưa có kế hoạch được phê duyệt').waitFor();
    await page.getByTestId('ready-count').filter({ hasText: '2/' }).waitFor();
    await page.getByTestId('consolidations').getByText('Kỳ kế hoạch chưa có bản tổng hợp nào').waitFor();
    await checkScreen(page, 'consolidation-01-readiness');

    await page.getByLabel('Ghi chú gửi Đoàn Chủ tịch (không bắt buộc)').fill('Tổng hợp đợt 1');
    await page.getByRole('button', { name: 'Lập kế hoạch tổng hợp' }).click();
    await page.waitForURL(/\/consolidations\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Kế hoạch tổng hợp toàn quốc' }).waitFor();
    await page.getByText('Chờ phê duyệt').first().waitFor();
    await page.getByText('Tổng hợp đợt 1').waitFor();
    // Money as the đồng, grouped the Vietnamese way.
    expect(await page.getByTestId('total-approved').textContent()).toMatch(/\d{1,3}(\.\d{3})+\s₫/);
    const plans = page.getByTestId('consolidation-plans');
    expect(await plans.locator('tbody tr').count()).toBe(2);
    // Unions with no approved plan are listed as missing.
    await page.getByTestId('missing').getByText('Liên hiệp các tổ chức hữu nghị Hà Nội').waitFor();
    await page.getByTestId('rollup-chart').getByText('Hải Phòng').first().waitFor();
    await checkScreen(page, 'consolidation-02-national-plan');
  });

  it('the consolidator reads the roll-ups, opens a plan from them, and cannot build a second while one is pending', async () => {
    const page = await as('vufo.consolidator');
    const consolidationUrl = page.url();
    await page.getByRole('tab', { name: 'Theo cụm thi đua' }).click();
    await page.getByTestId('rollup-byCluster').getByRole('row').nth(1).waitFor();
    await page.getByRole('tab', { name: 'Theo nguồn kinh phí' }).click();
    const byFunding = page.getByTestId('rollup-byFundingSource');
    await byFunding.getByText('Tổng cộng').waitFor();
    await checkScreen(page, 'consolidation-03-rollups');
    await page.getByRole('tab', { name: 'Theo quốc gia đối tác' }).click();
    await page.getByTestId('rollup-byPartnerCountry').waitFor();
    await page.getByRole('tab', { name: 'Theo loại hoạt động' }).click();
    await page.getByTestId('rollup-byActivityType').waitFor();

    await page
      .getByTestId('consolidation-plans')
      .getByRole('link', { name: /Hải Phòng/ })
      .click();
    await page.waitForURL(`**/plans/${planIds.hp}`);
    await page.getByText('Đã phê duyệt').first().waitFor();

    await page.goto(`/cycles/${cycleId}/consolidations`);
    await page.getByTestId('pending-note').waitFor();
    await page.getByRole('button', { name: 'Lập kế hoạch tổng hợp' }).click();
    const error = page.getByTestId('build-error');
    await error.filter({ hasText: 'đang chờ Đoàn Chủ tịch phê duyệt' }).waitFor();
    expect(await error.textContent()).not.toMatch(/CONSOLIDATION_PENDING|pending/i);
    await checkScreen(page, 'consolidation-04-pending-error');
    await page.goto(consolidationUrl);
  });

  it('the leader returns it with a reason; the consolidator reads the reason', async () => {
    const page = await as('vufo.leader');
    await page.getByRole('link', { name: 'Kế hoạch tổng hợp', exact: true }).first().click();
    await page.waitForURL('**/consolidations');
    await page
      .getByTestId('consolidations')
      .getByRole('link', { name: 'Kế hoạch tổng hợp toàn quốc' })
      .click();
    const form = page.getByTestId('leader-form');
    await form.waitFor();
    await checkScreen(page, 'consolidation-05-leader');

    await form.locator('label').filter({ hasText: 'Trả lại' }).click();
    await form.getByRole('button', { name: 'Trả lại kế hoạch tổng hợp' }).click();
    await form.getByText('Trả lại kế hoạch tổng hợp phải nêu lý do').waitFor();
    await checkScreen(page, 'consolidation-06-return-required');
    await form.getByLabel('Lý do trả lại').fill('Bổ sung thuyết minh kinh phí đoàn ra của Đà Nẵng');
    await form.getByRole('button', { name: 'Trả lại kế hoạch tổng hợp' }).click();
    await page.getByText('Bị trả lại').first().waitFor();
    await form.waitFor({ state: 'detached' });

    const consolidator = await as('vufo.consolidator');
    await consolidator.reload();
    const reason = consolidator.getByTestId('return-reason');
    await reason.filter({ hasText: 'Bổ sung thuyết minh kinh phí đoàn ra của Đà Nẵng' }).waitFor();
    expect(await reason.textContent()).toContain('Trần Quốc Khánh');
    await checkScreen(consolidator, 'consolidation-07-returned');
    const [row] = await t.sql<{ status: string }>(
      `SELECT status FROM app.consolidations WHERE cycle_id = $1`,
      [cycleId],
    );
    expect(row.status).toBe('RETURNED');
    expect(await planStatuses()).toEqual(['APPROVED', 'APPROVED']);
  });

  it('the consolidator builds it again; the leader approves with a decision; the plans move to rollout', async () => {
    const consolidator = await as('vufo.consolidator');
    await consolidator.goto(`/cycles/${cycleId}/consolidations`);
    const grid = consolidator.getByTestId('readiness-grid');
    await grid.getByRole('row').filter({ hasText: 'Hải Phòng' }).getByText('Sẵn sàng tổng hợp').waitFor();
    await consolidator.getByRole('button', { name: 'Lập kế hoạch tổng hợp' }).click();
    await consolidator.waitForURL(/\/consolidations\/[0-9a-f-]{36}$/);
    const secondUrl = consolidator.url();
    await consolidator.getByText('Chờ phê duyệt').first().waitFor();

    const page = await as('vufo.leader');
    await page.goto(new URL(secondUrl).pathname);
    const form = page.getByTestId('leader-form');
    await form.waitFor();
    // The decision record is required.
    await form.getByRole('button', { name: 'Phê duyệt kế hoạch tổng hợp' }).click();
    await form.getByText('Vui lòng nhập thông tin này').first().waitFor();
    await form.getByLabel('Số quyết định').fill('25/QĐ-LHHN');
    await form.getByLabel('Ngày quyết định').fill(today().vn);
    await form.getByLabel('Ngày quyết định').press('Enter');
    await form.getByLabel('Người ký').fill('Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam');
    await form.getByLabel('Ý kiến (không bắt buộc)').fill('Đồng ý triển khai');
    await checkScreen(page, 'consolidation-08-approve-form');

    // The server's 422 lands on the field it names: a decision dated tomorrow, which the picker
    // would not let anyone choose, sent by rewriting one request on its way out.
    const tomorrow = new Date(Date.now() + 31 * 3600_000).toISOString().slice(0, 10);
    await page.route('**/approve', (route) =>
      route.continue({
        postData: JSON.stringify({ ...route.request().postDataJSON(), decisionDate: tomorrow }),
      }),
    );
    const refused = page.waitForResponse((r) => r.url().endsWith('/approve'));
    await form.getByRole('button', { name: 'Phê duyệt kế hoạch tổng hợp' }).click();
    expect((await refused).status()).toBe(422);
    await page.unroute('**/approve');
    const dateItem = form.locator('.ant-form-item').filter({ has: page.getByLabel('Ngày quyết định') });
    await dateItem.locator('.ant-form-item-explain-error').waitFor();
    await form.getByRole('alert').filter({ hasText: 'xem các ô được đánh dấu' }).waitFor();
    expect(await form.getByRole('alert').textContent()).not.toContain('decisionDate');
    await checkScreen(page, 'consolidation-08b-server-field-error');
    expect(await planStatuses()).toEqual(['APPROVED', 'APPROVED']);

    await form.getByRole('button', { name: 'Phê duyệt kế hoạch tổng hợp' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('decision').filter({ hasText: '25/QĐ-LHHN' }).waitFor();
    await page.getByTestId('decision').filter({ hasText: today().vn }).waitFor();
    await checkScreen(page, 'consolidation-09-approved');

    expect(await planStatuses()).toEqual(['IN_ROLLOUT', 'IN_ROLLOUT']);
    const [cycle] = await t.sql<{ status: string }>(`SELECT status FROM app.cycles WHERE id = $1`, [cycleId]);
    expect(cycle.status).toBe('IN_ROLLOUT');

    // The consolidation's own history, its hash chain checked.
    await page.getByRole('link', { name: 'Lịch sử thao tác' }).click();
    await page.getByTestId('verification').filter({ hasText: 'Lịch sử toàn vẹn' }).waitFor();
    await page.getByText('Phê duyệt kế hoạch tổng hợp').first().waitFor();
    await checkScreen(page, 'consolidation-10-history');

    // The consolidator's list reads the decision, the grid the plans as held.
    await consolidator.goto(`/cycles/${cycleId}/consolidations`);
    await consolidator.getByTestId('consolidations').getByText('Đã phê duyệt').waitFor();
    await consolidator
      .getByTestId('readiness-grid')
      .getByRole('row')
      .filter({ hasText: 'Hải Phòng' })
      .getByText('Đang triển khai')
      .waitFor();
    await checkScreen(consolidator, 'consolidation-11-list-after');
    expect(sessions.errors()).toEqual([]);
  });
});
