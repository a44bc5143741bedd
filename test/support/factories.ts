import { randomBytes } from 'node:crypto';
import { AuthedClient, TestApp } from './test-app';

/**
 * Worlds built through the API, one per test or per suite, instead of the demo seed: each test
 * says what it stands on, and no test can lean on a row another test changed. Start the app with
 * `seedDemo: false`; the first administrator (ADMIN_LOGIN / ADMIN_PASSWORD) is the only row given.
 */

export const TEST_PASSWORD = 'test-password-2026';
export type { AgencyFunction, Role } from '@vufo/domain';
import type { AgencyFunction, Role } from '@vufo/domain';

export interface Central {
  organizationId: string;
  admin: AuthedClient;
  consolidator: AuthedClient;
  leader: AuthedClient;
}

export interface Province {
  code: string;
  unionId: string;
  /** The agency serving this union for each function it was given. */
  agencies: Partial<Record<AgencyFunction, string>>;
  editor: AuthedClient;
  submitter: AuthedClient;
  /** The appraisers of the CONTENT, BUDGET and FINAL agencies (absent when that agency is). */
  content: AuthedClient;
  budget: AuthedClient;
  final: AuthedClient;
}

export interface Cycle {
  id: string;
  year: number;
  submissionDeadline: string;
}

export type LineInput = {
  category: string;
  description: string;
  quantity: number;
  unit: string;
  unitCost: number;
  fundingSource: string;
  guestClass?: string;
  memberRole?: string;
  /** Required at submission when the line is above its norm. */
  normJustification?: string;
};
export type ActivityInput = { code: string; title: string; type: string; [field: string]: unknown } & {
  lines: LineInput[];
};

/** A plan's content that can be submitted as it is (its one line above a norm is justified): 3 activities, 7 lines. */
export const PLAN_CONTENT: ActivityInput[] = [
  {
    code: 'HĐ-01',
    title: 'Đón và làm việc với Đoàn Hội hữu nghị Hàn - Việt tỉnh Gyeonggi',
    type: 'DELEGATION_IN',
    periodStart: '2027-04',
    periodEnd: '2027-04',
    partnerCountries: ['KR'],
    expectedResults: 'Ký kết biên bản ghi nhớ hợp tác giao lưu thanh niên.',
    lines: [
      {
        category: 'ACCOMMODATION',
        description: 'Tiền thuê phòng nghỉ trưởng đoàn (khách hạng B)',
        quantity: 3,
        unit: 'người-ngày',
        unitCost: 7_700_000,
        fundingSource: 'STATE_BUDGET',
        guestClass: 'B',
        memberRole: 'HEAD',
      },
      {
        category: 'MEALS',
        description: 'Tiền ăn cho đoàn',
        quantity: 27,
        unit: 'người-ngày',
        unitCost: 1_800_000,
        fundingSource: 'STATE_BUDGET',
        guestClass: 'B',
      },
      {
        category: 'INTERPRETING',
        description: 'Phiên dịch tiếng Hàn',
        quantity: 16,
        unit: 'giờ',
        unitCost: 700_000,
        fundingSource: 'STATE_BUDGET',
      },
    ],
  },
  {
    code: 'HĐ-02',
    title: 'Hội thảo quốc tế vận động viện trợ phi chính phủ nước ngoài cho y tế cơ sở',
    type: 'NGO_AID_MOBILIZATION',
    periodStart: '2027-Q3',
    periodEnd: '2027-Q3',
    partnerCountries: ['JP', 'DE'],
    lines: [
      {
        category: 'VENUE_EQUIPMENT',
        description: 'Thuê hội trường và thiết bị',
        quantity: 2,
        unit: 'ngày',
        unitCost: 45_000_000,
        fundingSource: 'SOCIALIZATION',
      },
      {
        category: 'TRANSLATION',
        description: 'Dịch tài liệu hội thảo sang tiếng Anh',
        quantity: 120,
        unit: 'trang',
        unitCost: 380_000,
        fundingSource: 'STATE_BUDGET',
        // Above the 360,000 norm (Circular 35/2026, Art. 11): submitted with the union's reason.
        normJustification: 'Tài liệu chuyên ngành y tế, cần biên dịch viên chuyên môn',
      },
    ],
  },
  {
    code: 'HĐ-03',
    title: 'Đoàn công tác thăm thành phố kết nghĩa Thiên Tân (Trung Quốc)',
    type: 'DELEGATION_OUT',
    periodStart: '2027-09',
    periodEnd: '2027-09',
    partnerCountries: ['CN'],
    lines: [
      {
        category: 'INTERNATIONAL_AIRFARE',
        description: 'Vé máy bay khứ hồi Hải Phòng - Thiên Tân',
        quantity: 5,
        unit: 'vé',
        unitCost: 12_500_000,
        fundingSource: 'STATE_BUDGET',
      },
      {
        category: 'PER_DIEM_ABROAD',
        description: 'Phụ cấp lưu trú ở nước ngoài',
        quantity: 25,
        unit: 'người-ngày',
        unitCost: 1_450_000,
        fundingSource: 'STATE_BUDGET',
      },
    ],
  },
];

const unique = () => randomBytes(3).toString('hex').toUpperCase();

/** A 2xx or a thrown error naming the call: a factory that half-built a world must not go on. */
async function ok<T = Record<string, unknown>>(
  what: string,
  res: PromiseLike<{ status: number; body: unknown }>,
): Promise<T> {
  const r = await res;
  if (r.status < 200 || r.status >= 300)
    throw new Error(`${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

async function adminOf(t: TestApp): Promise<AuthedClient> {
  return t.as(t.config.adminLogin, t.config.adminPassword);
}

/**
 * A user of `organizationId` with these roles, logged in. `roles: []` is a user with no role (a
 * colleague who can act only under a delegation): the API takes at least one role, so the user
 * is created as a PLAN_EDITOR and its roles are then emptied in SQL.
 */
export async function user(
  t: TestApp,
  organizationId: string,
  roles: Role[],
  opts: { login?: string; displayName?: string; email?: string; admin?: AuthedClient } = {},
): Promise<AuthedClient> {
  const admin = opts.admin ?? (await adminOf(t));
  const login = opts.login ?? `u${unique().toLowerCase()}.${(roles[0] ?? 'norole').toLowerCase()}`;
  const created = await ok<{ id: string }>(
    `create user ${login}`,
    admin.post('/api/users', {
      login,
      password: TEST_PASSWORD,
      displayName: opts.displayName ?? `Người dùng ${login}`,
      organizationId,
      roles: roles.length ? roles : ['PLAN_EDITOR'],
      ...(opts.email ? { email: opts.email } : {}),
    }),
  );
  if (!roles.length) await t.sql(`UPDATE app.users SET roles = '{}' WHERE id = $1`, [created.id]);
  return t.as(login, TEST_PASSWORD);
}

const centrals = new WeakMap<TestApp, Promise<Central>>();

/** The central union (made at first start with the administrator), its consolidator and leader; once per app. */
export function central(t: TestApp): Promise<Central> {
  let c = centrals.get(t);
  if (!c) {
    c = (async () => {
      const admin = await adminOf(t);
      const organizationId = admin.user.organizationId;
      const [consolidator, leader] = await Promise.all([
        user(t, organizationId, ['CONSOLIDATOR'], { admin, displayName: 'Nguyễn Thu Hà' }),
        user(t, organizationId, ['LEADER'], { admin, displayName: 'Trần Quốc Khánh' }),
      ]);
      return { organizationId, admin, consolidator, leader };
    })();
    centrals.set(t, c);
  }
  return c;
}

/**
 * A provincial union with its appraisal agencies (one per function in `functions`, all three by
 * default) and one user per role: editor, submitter, and an appraiser in each agency.
 */
export async function province(
  t: TestApp,
  opts: { functions?: AgencyFunction[]; code?: string; name?: string; cluster?: number } = {},
): Promise<Province> {
  const admin = await adminOf(t);
  const code = opts.code ?? `P${unique()}`;
  const name = opts.name ?? `tỉnh ${code}`;
  const union = await ok<{ id: string }>(
    `create union ${code}`,
    admin.post('/api/organizations', {
      code,
      nameVi: `Liên hiệp các tổ chức hữu nghị ${name}`,
      nameEn: `${code} Union of Friendship Organizations`,
      kind: 'PROVINCIAL_UNION',
      provinceCode: code,
      ...(opts.cluster ? { cluster: opts.cluster } : {}),
    }),
  );
  const functions = opts.functions ?? ['CONTENT', 'BUDGET', 'FINAL'];
  const agencies: Province['agencies'] = {};
  for (const fn of functions) {
    const agency = await ok<{ id: string }>(
      `create ${fn} agency of ${code}`,
      admin.post('/api/organizations', {
        code: `${code}-${fn}`,
        nameVi: `Cơ quan thẩm định ${fn} ${name}`,
        nameEn: `${code} ${fn} agency`,
        kind: 'APPRAISAL_AGENCY',
        provinceCode: code,
        servesOrganizationId: union.id,
        function: fn,
      }),
    );
    agencies[fn] = agency.id;
  }
  const login = (role: string) => `${code.toLowerCase()}.${role}`;
  const appraiser = (fn: AgencyFunction) =>
    agencies[fn]
      ? user(t, agencies[fn]!, ['APPRAISER'], { admin, login: login(fn.toLowerCase()) })
      : Promise.resolve(undefined as unknown as AuthedClient);
  const [editor, submitter, content, budget, final] = await Promise.all([
    user(t, union.id, ['PLAN_EDITOR'], { admin, login: login('editor') }),
    user(t, union.id, ['PLAN_SUBMITTER'], { admin, login: login('submitter') }),
    appraiser('CONTENT'),
    appraiser('BUDGET'),
    appraiser('FINAL'),
  ]);
  return { code, unionId: union.id, agencies, editor, submitter, content, budget, final };
}

const nextYear = new WeakMap<TestApp, number>();

/**
 * A cycle opened by the consolidator. Each cycle needs its own year: by default 2027, 2028, … in
 * the order they are made, with its submission deadline 30 days after the app's clock.
 */
export async function openCycle(
  t: TestApp,
  opts: {
    year?: number;
    submissionDeadline?: string;
    reviewSlaDays?: number;
    revisionSlaDays?: number;
    reminderWorkingDays?: number[];
    route?: { stage: number; functions: AgencyFunction[] }[];
  } = {},
): Promise<Cycle> {
  const { consolidator } = await central(t);
  const year = opts.year ?? nextYear.get(t) ?? 2027;
  nextYear.set(t, Math.max(nextYear.get(t) ?? 2027, year + 1));
  const submissionDeadline =
    opts.submissionDeadline ?? new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const body = await ok<{ id: string }>(
    `open cycle ${year}`,
    consolidator.post('/api/cycles', {
      year,
      submissionDeadline,
      reviewSlaDays: opts.reviewSlaDays ?? 10,
      revisionSlaDays: opts.revisionSlaDays ?? 5,
      reminderWorkingDays: opts.reminderWorkingDays ?? [5, 1],
      ...(opts.route ? { route: opts.route } : {}),
    }),
  );
  return { id: body.id, year, submissionDeadline };
}

export type PlanView = {
  id: string;
  cycleId: string;
  organizationId: string;
  title: string;
  status: string;
  version: number;
  activities: { id: string; code: string; budgetLines: { id: string; amount: number }[] }[];
  [field: string]: unknown;
};

/** The union's draft plan in the cycle, with `content` (PLAN_CONTENT by default), as GET /api/plans/:id shows it. */
export async function draftPlan(
  editor: AuthedClient,
  cycleId: string,
  opts: { title?: string; objectives?: string; content?: ActivityInput[] } = {},
): Promise<PlanView> {
  const plan = await ok<{ id: string }>(
    'create plan',
    editor.post(`/api/cycles/${cycleId}/plans`, {
      title: opts.title ?? 'Kế hoạch hoạt động đối ngoại nhân dân năm 2027',
      objectives: opts.objectives ?? 'Tăng cường quan hệ hữu nghị với các địa phương kết nghĩa.',
    }),
  );
  for (const { lines, ...activity } of opts.content ?? PLAN_CONTENT) {
    const a = await ok<{ id: string }>(
      `add activity ${activity.code}`,
      editor.post(`/api/plans/${plan.id}/activities`, activity),
    );
    for (const line of lines)
      await ok(`add line to ${activity.code}`, editor.post(`/api/activities/${a.id}/budget-lines`, line));
  }
  return ok<PlanView>('read plan', editor.get(`/api/plans/${plan.id}`));
}

export interface World {
  central: Central;
  cycle: Cycle;
  province: Province;
  plan: PlanView;
}

/**
 * A union's draft plan with content in a cycle: what most tests of the chain stand on. The union
 * (with its three agencies and users) is a new one unless `province` gives one to reuse; the cycle
 * is a new one unless `cycle` is given. One live plan per union and cycle: a suite that shares its
 * unions across tests gives each test a new cycle (cheap), a suite that shares a cycle a new union.
 */
export async function world(
  t: TestApp,
  opts: {
    cycle?: Cycle;
    province?: Province | Parameters<typeof province>[1];
    plan?: Parameters<typeof draftPlan>[2];
  } = {},
): Promise<World> {
  const given = opts.province && 'unionId' in opts.province ? opts.province : undefined;
  const [c, cycle, p] = await Promise.all([
    central(t),
    opts.cycle ? Promise.resolve(opts.cycle) : openCycle(t),
    given ? Promise.resolve(given) : province(t, opts.province as Parameters<typeof province>[1]),
  ]);
  const plan = await draftPlan(p.editor, cycle.id, opts.plan);
  return { central: c, cycle, province: p, plan };
}

/**
 * Gives each line above its norm that lacks one a justification, as a union does before it
 * submits (submission refuses such lines with NORM_JUSTIFICATION_REQUIRED). For plans of the demo
 * data, whose estimates exceed some norms.
 */
export async function justifyOverNorm(editor: AuthedClient, planId: string): Promise<void> {
  type Line = { id: string; overNorm: unknown; normJustification: string | null };
  const plan = await ok<{ activities: { budgetLines: Line[] }[] }>(
    'read plan',
    editor.get(`/api/plans/${planId}`),
  );
  for (const l of plan.activities.flatMap((a) => a.budgetLines))
    if (l.overNorm && !l.normJustification)
      await ok(
        'justify an over-norm line',
        editor.patch(`/api/budget-lines/${l.id}`, {
          normJustification: 'Đoàn cấp cao, theo yêu cầu lễ tân đối ngoại của tỉnh',
        }),
      );
}
