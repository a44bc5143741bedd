import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { ARTIFACTS, expectAccessible, launchChromium, Session, signIn, WEB_DIST } from './support/browser';

/**
 * Issue 14 in the browser, on the demo data: the consolidator renames a cycle's emulation cluster;
 * an administrator sees Hải Phòng's lineage (Hải Dương merged into it in 2025), merges a union
 * into Hải Phòng through the merge screen, and the lineage then names it. Every screen axe-clean.
 */
jest.setTimeout(120_000);

describe('web: emulation clusters and province mergers', () => {
  let t: TestApp;
  let browser: Browser;
  const sessions: Session[] = [];

  const checkScreen = (page: Page, name: string) => expectAccessible(page, name);

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error('apps/web/dist is missing: run `npm run build:web` first (npm test does).');
    mkdirSync(ARTIFACTS, { recursive: true });
    [t, browser] = await Promise.all([startTestApp({ seedDemo: true }), launchChromium()]);
    // An administrator who signs in like the demo users (the demo's own admin has another password).
    await t.sql(
      `INSERT INTO app.users (login, password_hash, display_name, organization_id, roles)
       SELECT 'test.admin', password_hash, 'Quản trị kiểm thử', organization_id, '{ADMIN}'
         FROM app.users WHERE login = 'vufo.consolidator'`,
    );
  });

  afterAll(async () => {
    for (const s of sessions) await s.close();
    await browser?.close();
    await t?.close();
  });

  it('the consolidator renames a cluster of the cycle', async () => {
    const session = await signIn(browser, t.url, 'vufo.consolidator');
    sessions.push(session);
    const { page } = session;
    await page.getByRole('link', { name: 'Cụm thi đua' }).click();
    await page.waitForURL(/\/cycles\/[^/]+\/clusters$/);
    const first = page.getByTestId('cluster').first();
    await first.waitFor();
    await checkScreen(page, 'mergers-01-clusters');
    await first.getByLabel('Tên cụm').fill('Cụm thi đua các tỉnh, thành phố phía Bắc');
    await page.getByRole('button', { name: 'Lưu các cụm' }).click();
    await page.getByText('Đã lưu các cụm thi đua').waitFor();
    const cycleId = /cycles\/([^/]+)\/clusters/.exec(page.url())![1];
    const [row] = await t.sql<{ name: string }>(
      `SELECT name FROM app.cycle_clusters WHERE cycle_id = $1 ORDER BY number LIMIT 1`,
      [cycleId],
    );
    expect(row.name).toBe('Cụm thi đua các tỉnh, thành phố phía Bắc');
    const [change] = await t.sql<{ login: string }>(
      `SELECT u.login FROM app.cluster_changes c JOIN app.users u ON u.id = c.changed_by WHERE c.cycle_id = $1`,
      [cycleId],
    );
    expect(change.login).toBe('vufo.consolidator');
  });

  it("an administrator reads Hải Phòng's lineage and merges a union into it", async () => {
    const admin = await t.as('test.admin');
    const created = await admin.post('/api/organizations', {
      code: 'KT',
      nameVi: 'Liên hiệp các tổ chức hữu nghị tỉnh Kiểm Thử',
      nameEn: 'Kiem Thu Union of Friendship Organizations',
      kind: 'PROVINCIAL_UNION',
      provinceCode: 'KT',
    });
    expect(created.status).toBe(201);
    const session = await signIn(browser, t.url, 'test.admin');
    sessions.push(session);
    const { page } = session;
    await page.goto('/organizations');
    await page.getByRole('link', { name: 'Liên hiệp các tổ chức hữu nghị Hải Phòng' }).waitFor();
    await checkScreen(page, 'mergers-02-organizations');
    await page.getByRole('link', { name: 'Liên hiệp các tổ chức hữu nghị Hải Phòng' }).click();
    const predecessors = page.getByTestId('predecessors');
    await predecessors.getByText('Liên hiệp các tổ chức hữu nghị Hải Dương').waitFor();
    await checkScreen(page, 'mergers-03-lineage');

    await page.goto(`/organizations/${created.body.id as string}`);
    await page.getByRole('button', { name: 'Sáp nhập vào tổ chức khác' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Sáp nhập vào').waitFor();
    await checkScreen(page, 'mergers-04-merge-form');
    await dialog.getByLabel('Sáp nhập vào').click();
    await page.keyboard.type('Hải Phòng');
    await page.locator('.ant-select-item-option').filter({ hasText: 'Hải Phòng' }).click();
    await dialog.getByLabel('Ngày có hiệu lực').fill('01/07/2025');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Sáp nhập' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Tổ chức kế thừa').waitFor();

    const [kt] = await t.sql<{ status: string; valid_to: string; into: string }>(
      `SELECT k.status, to_char(k.valid_to, 'YYYY-MM-DD') AS valid_to, s.code AS into
         FROM app.organizations k JOIN app.organizations s ON s.id = k.merged_into_id WHERE k.code = 'KT'`,
    );
    expect(kt).toEqual({ status: 'MERGED', valid_to: '2025-07-01', into: 'HP' });
    await page.getByRole('link', { name: 'Liên hiệp các tổ chức hữu nghị Hải Phòng' }).click();
    await predecessors.getByText('Liên hiệp các tổ chức hữu nghị tỉnh Kiểm Thử').waitFor();
    await predecessors.getByText('Liên hiệp các tổ chức hữu nghị Hải Dương').waitFor();
    await checkScreen(page, 'mergers-05-lineage-after');
    expect(sessions.flatMap((s) => s.errors)).toEqual([]);
  });
});
