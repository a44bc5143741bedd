import request from 'supertest';
import { AuthedClient, startTestApp, TestApp } from '../../../test/support/test-app';
import { central, openCycle, province, TEST_PASSWORD, user, world } from '../../../test/support/factories';

type Body = Record<string, unknown>;
type Who =
  | 'admin'
  | 'consolidator'
  | 'leader'
  | 'hp.editor'
  | 'hp.submitter'
  | 'hp.budget'
  | 'hn.editor'
  | 'dn.budget';

interface WriteEndpoint {
  name: string;
  /** Who sends it, by role in the world each test builds (see `build`); null: nobody logged in. */
  who: Who | null;
  method: 'post' | 'patch';
  path: () => string;
  valid: () => Body;
  /** Fields holding money: each also gets negative, fractional, unsafe and non-numeric values. */
  money?: string[];
  /** Every field is optional (a withdrawal's reason): an empty body is valid there. */
  emptyIsValid?: boolean;
}

/**
 * Every write endpoint, driven through the same list of bad inputs: each must be a 4xx problem
 * (never 2xx, never 5xx, never a 401/403/404 that would hide an unvalidated body) and change nothing.
 * Finally the valid body goes through, proving the requests reached the validation they claim to test.
 */
describe('every write endpoint refuses bad input and changes nothing', () => {
  let t: TestApp;
  let clients = new Map<Who, AuthedClient>();
  let ids: Record<string, string> = {};

  /** Everything the application stores, as one fingerprint. */
  const fingerprint = async () => {
    const tables = await t.sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'app' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const parts: string[] = [];
    for (const { table_name } of tables) {
      const [{ h }] = await t.sql<{ h: string }>(
        `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM app."${table_name}" x`,
      );
      parts.push(`${table_name}:${h}`);
    }
    return parts.join('\n');
  };

  const endpoints: WriteEndpoint[] = [
    {
      name: 'login',
      who: null,
      method: 'post',
      path: () => '/api/auth/login',
      valid: () => ({ login: ids.hpEditorLogin, password: TEST_PASSWORD }),
    },
    {
      name: 'create organization',
      who: 'admin',
      method: 'post',
      path: () => '/api/organizations',
      valid: () => ({
        code: 'TEST-ORG',
        nameVi: 'Tổ chức thử',
        nameEn: 'Test organization',
        kind: 'PROVINCIAL_UNION',
        cluster: 2,
      }),
    },
    {
      name: 'create user',
      who: 'admin',
      method: 'post',
      path: () => '/api/users',
      valid: () => ({
        login: 'nguoi.moi',
        password: 'mat-khau-du-dai',
        displayName: 'Người mới',
        organizationId: ids.hpOrg,
        roles: ['PLAN_EDITOR'],
      }),
    },
    {
      name: 'open cycle',
      who: 'consolidator',
      method: 'post',
      path: () => '/api/cycles',
      valid: () => ({ year: 2040, submissionDeadline: '2039-12-17', reviewSlaDays: 10, revisionSlaDays: 7 }),
    },
    {
      name: 'create plan',
      who: 'hn.editor',
      method: 'post',
      path: () => `/api/cycles/${ids.cycle}/plans`,
      valid: () => ({ title: 'Kế hoạch đối ngoại nhân dân năm 2027', objectives: 'Tăng cường hữu nghị' }),
    },
    {
      name: 'edit plan',
      who: 'hp.editor',
      method: 'patch',
      path: () => `/api/plans/${ids.hpPlan}`,
      valid: () => ({ title: 'Kế hoạch 2027 (sửa)', objectives: 'Mục tiêu mới' }),
    },
    {
      name: 'add activity',
      who: 'hp.editor',
      method: 'post',
      path: () => `/api/plans/${ids.hpPlan}/activities`,
      valid: () => ({
        title: 'Đón đoàn Hội hữu nghị Nhật – Việt',
        type: 'DELEGATION_IN',
        partnerCountries: ['JP'],
      }),
    },
    {
      name: 'edit activity',
      who: 'hp.editor',
      method: 'patch',
      path: () => `/api/activities/${ids.activity}`,
      valid: () => ({ title: 'Đón đoàn (sửa)', location: 'Hải Phòng' }),
    },
    {
      name: 'add budget line',
      who: 'hp.editor',
      method: 'post',
      path: () => `/api/activities/${ids.activity}/budget-lines`,
      valid: () => ({
        category: 'ACCOMMODATION',
        description: 'Phòng nghỉ cho đoàn',
        quantity: 4,
        unit: 'phòng',
        unitCost: 1_200_000,
        amount: 4_800_000,
        fundingSource: 'STATE_BUDGET',
      }),
      money: ['unitCost', 'amount'],
    },
    {
      name: 'edit budget line',
      who: 'hp.editor',
      method: 'patch',
      path: () => `/api/budget-lines/${ids.line}`,
      valid: () => ({ description: 'Phòng nghỉ (sửa)', unitCost: 1_000_000 }),
      money: ['unitCost'],
    },
    {
      name: 'grant extension',
      who: 'leader',
      method: 'post',
      path: () => `/api/cycles/${ids.cycle}/extensions`,
      valid: () => ({ organizationId: ids.hpOrg, newDeadline: '2027-01-10', reason: 'Sáp nhập tỉnh' }),
    },
    {
      name: 'delegate',
      who: 'hp.budget',
      method: 'post',
      path: () => '/api/delegations',
      valid: () => ({
        toUserId: ids.stc2,
        validFrom: '2026-11-23T00:00:00+07:00',
        validTo: '2026-12-05T23:59:59+07:00',
        reason: 'Nghỉ phép',
      }),
    },
    {
      name: 'draft proposal',
      who: 'hp.editor',
      method: 'post',
      path: () => `/api/cycles/${ids.cycle}/proposals`,
      valid: () => ({
        kind: 'BUDGET_ADJUSTMENT',
        title: 'Điều chỉnh kinh phí',
        planId: ids.hpPlan,
        requestedAmount: 10_000_000,
        fundingSource: 'STATE_BUDGET',
      }),
      money: ['requestedAmount'],
    },
    {
      name: 'edit proposal',
      who: 'hp.editor',
      method: 'patch',
      path: () => `/api/proposals/${ids.proposal}`,
      valid: () => ({ title: 'Điều chỉnh (sửa)', requestedAmount: 12_000_000 }),
      money: ['requestedAmount'],
    },
    {
      name: 'decide review',
      who: 'dn.budget',
      method: 'post',
      path: () => `/api/reviews/${ids.dnBudgetReview}/decision`,
      valid: () => ({
        decision: 'APPROVE',
        comment: 'Đồng ý',
        lines: ids.dnLines.split(',').map((id) => ({ budgetLineId: id, approvedAmount: 1000 })),
      }),
    },
    {
      name: 'withdraw',
      who: 'hp.submitter',
      method: 'post',
      path: () => `/api/plans/${ids.hpPlan}/withdraw`,
      valid: () => ({ reason: 'Rút để bổ sung' }),
      emptyIsValid: true,
    },
  ];

  const send = (e: WriteEndpoint, body: Body | string) => {
    const client = e.who ? clients.get(e.who)! : undefined;
    const base = client ? client[e.method](e.path()) : request(t.app.getHttpServer())[e.method](e.path());
    return typeof body === 'string'
      ? base.set('Content-Type', 'application/json').send(body)
      : base.send(body);
  };

  const badBodies = (e: WriteEndpoint): [string, Body | string][] => {
    const v = e.valid();
    const out: [string, Body | string][] = [
      ...(e.emptyIsValid ? [] : ([['empty body', {}]] as [string, Body][])),
      ['unknown field', { ...v, unexpected: 1 }],
      ['malformed JSON', '{"title": '],
      ['array instead of object', '[1,2]' as string],
    ];
    for (const [k, value] of Object.entries(v)) {
      out.push([`${k} as object`, { ...v, [k]: { $gt: '' } }]);
      if (typeof value === 'string') {
        out.push([`${k} of 100 KB`, { ...v, [k]: 'x'.repeat(100_000) }]);
        out.push([`${k} as number`, { ...v, [k]: 12 }]);
      }
      if (typeof value === 'number') out.push([`${k} as text`, { ...v, [k]: 'mười hai' }]);
      if (Array.isArray(value)) out.push([`${k} of wrong items`, { ...v, [k]: [{}] }]);
    }
    for (const m of e.money ?? []) {
      for (const amount of [-1, 1.5, 2 ** 53 + 2, 'một triệu', '1e6', null]) {
        out.push([`${m} = ${String(amount)}`, { ...v, [m]: amount }]);
      }
    }
    if (e.name === 'decide review') {
      out.push([
        'a line amount below zero',
        { ...v, lines: [{ budgetLineId: ids.dnLines.split(',')[0], approvedAmount: -1 }] },
      ]);
      out.push([
        'a line id that is not a UUID',
        { ...v, lines: [{ budgetLineId: 'abc', approvedAmount: 1 }] },
      ]);
    }
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
  });

  /**
   * Each test's own world (the valid bodies change it): a cycle; union HP's draft plan with a
   * proposal; union DN's submitted plan with its open budget review; union HN with no plan yet.
   */
  beforeEach(async () => {
    const cycle = await openCycle(t);
    const [{ admin, consolidator, leader }, hp, dn, hn] = await Promise.all([
      central(t),
      world(t, { cycle }),
      world(t, { cycle }),
      province(t),
    ]);
    const stc2 = await user(t, hp.province.agencies.BUDGET!, []);
    clients = new Map<Who, AuthedClient>([
      ['admin', admin],
      ['consolidator', consolidator],
      ['leader', leader],
      ['hp.editor', hp.province.editor],
      ['hp.submitter', hp.province.submitter],
      ['hp.budget', hp.province.budget],
      ['hn.editor', hn.editor],
      ['dn.budget', dn.province.budget],
    ]);
    ids = {
      hpEditorLogin: hp.province.editor.user.login,
      hpPlan: hp.plan.id,
      cycle: cycle.id,
      hpOrg: hp.province.unionId,
      activity: hp.plan.activities[0].id,
      line: hp.plan.activities[0].budgetLines[0].id,
      stc2: stc2.user.id,
      dnPlan: dn.plan.id,
      dnLines: dn.plan.activities.flatMap((a) => a.budgetLines.map((l) => l.id)).join(','),
    };
    const proposal = await hp.province.editor.post(`/api/cycles/${ids.cycle}/proposals`, {
      kind: 'RECOMMENDATION',
      title: 'Kiến nghị',
    });
    expect(proposal.status).toBe(201);
    ids.proposal = proposal.body.id;
    expect((await dn.province.submitter.post(`/api/plans/${ids.dnPlan}/submit`)).status).toBe(200);
    const inbox = await dn.province.budget.get('/api/reviews?mine=true&status=PENDING');
    const review = (inbox.body.items as { id: string; planId: string }[]).find(
      (r) => r.planId === ids.dnPlan,
    );
    expect(review).toBeDefined();
    ids.dnBudgetReview = review!.id;
  });
  afterAll(() => t.close());

  it('answers each bad body with a 4xx problem naming the trouble, and stores nothing', async () => {
    const before = await fingerprint();
    const accepted: string[] = [];
    let tried = 0;
    for (const e of endpoints) {
      for (const [what, body] of badBodies(e)) {
        tried++;
        const res = await send(e, body);
        if (
          ![400, 413, 422].includes(res.status) ||
          !/problem\+json/.test(String(res.headers['content-type']))
        ) {
          accepted.push(`${e.name} / ${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        } else if (typeof res.body.code !== 'string' || typeof res.body.detail !== 'string') {
          accepted.push(`${e.name} / ${what}: problem without code or detail`);
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(tried).toBeGreaterThan(150);
    expect(await fingerprint()).toBe(before);
  });

  it('accepts the valid body of each endpoint (so the refusals above were about the input)', async () => {
    const refused: string[] = [];
    for (const e of endpoints) {
      const res = await send(e, e.valid());
      if (res.status >= 300)
        refused.push(`${e.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      if (e.name === 'add activity') ids.activity = res.body.id ?? ids.activity;
    }
    expect(refused).toEqual([]);
  });
});
