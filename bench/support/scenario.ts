import { BUDGET_CATEGORIES, FUNDING_SOURCES, ACTIVITY_TYPES } from '@vufo/domain';
import { Http, HttpError, NetworkError, Session, sleep } from './client';
import { BENCH_ADMIN } from './harness';
import { pool, Step } from './tasks';

/** The 34 provincial units after the 2025 merger (Resolution 202/2025/QH15). */
export const PROVINCES = [
  'Hà Nội',
  'Huế',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Hải Phòng',
  'Ninh Bình',
  'Quảng Trị',
  'Đà Nẵng',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Thành phố Hồ Chí Minh',
  'Đồng Nai',
  'Tây Ninh',
  'Cần Thơ',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
];

export const PASSWORD = 'bench-password-2026';

export interface Union {
  index: number;
  id: string;
  code: string;
  name: string;
  editor: Session;
  submitter: Session;
  content: Session;
  budget: Session;
  final: Session;
}

export interface World {
  admin: Session;
  central: Session;
  unions: Union[];
}

/** Organisations and users through the admin API: n unions, each with its three agencies. */
export async function createWorld(http: Http, n: number, concurrency = 8): Promise<World> {
  const admin = await http.login(BENCH_ADMIN.login, BENCH_ADMIN.password);
  const orgs = await admin.get<{ items: { id: string; kind: string }[] }>('setup', '/api/organizations');
  const centralOrg = orgs.items.find((o) => o.kind === 'CENTRAL_UNION')!;
  const mkUser = (login: string, organizationId: string, roles: string[]) =>
    admin.post('setup', '/api/users', {
      login,
      password: PASSWORD,
      displayName: login,
      organizationId,
      roles,
    });
  await mkUser('vufo.consolidator', centralOrg.id, ['CONSOLIDATOR', 'LEADER']);
  const unions = await pool(
    Array.from({ length: n }, (_, i) => i),
    concurrency,
    async (i) => {
      const code = `U${String(i + 1).padStart(2, '0')}`;
      const name = PROVINCES[i] ?? `Tỉnh ${i + 1}`;
      const union = await admin.post<{ id: string }>('setup', '/api/organizations', {
        code,
        nameVi: `Liên hiệp các tổ chức hữu nghị ${name}`,
        nameEn: `${name} Union of Friendship Organizations`,
        kind: 'PROVINCIAL_UNION',
        provinceCode: code,
        cluster: (i % 6) + 1,
      });
      const agency = (fn: string, suffix: string, label: string) =>
        admin.post<{ id: string }>('setup', '/api/organizations', {
          code: `${code}-${suffix}`,
          nameVi: `${label} ${name}`,
          nameEn: `${name} ${fn.toLowerCase()} agency`,
          kind: 'APPRAISAL_AGENCY',
          provinceCode: code,
          servesOrganizationId: union.id,
          function: fn,
        });
      const [content, budget, final] = [
        await agency('CONTENT', 'SNGV', 'Sở Ngoại vụ'),
        await agency('BUDGET', 'STC', 'Sở Tài chính'),
        await agency('FINAL', 'UBND', 'Ủy ban nhân dân'),
      ];
      const l = code.toLowerCase();
      await mkUser(`${l}.editor`, union.id, ['PLAN_EDITOR']);
      await mkUser(`${l}.submitter`, union.id, ['PLAN_SUBMITTER']);
      await mkUser(`${l}.sngv`, content.id, ['APPRAISER']);
      await mkUser(`${l}.stc`, budget.id, ['APPRAISER']);
      await mkUser(`${l}.ubnd`, final.id, ['APPRAISER']);
      const [editor, submitter, c, b, f] = await Promise.all(
        ['editor', 'submitter', 'sngv', 'stc', 'ubnd'].map((r) => http.login(`${l}.${r}`, PASSWORD)),
      );
      return { index: i, id: union.id, code, name, editor, submitter, content: c, budget: b, final: f };
    },
  );
  const central = await http.login('vufo.consolidator', PASSWORD);
  return { admin, central, unions };
}

export async function createCycle(
  central: Session,
  year: number,
  submissionDeadline: string,
  opts: { reminderWorkingDays?: number[]; reviewSlaDays?: number; revisionSlaDays?: number } = {},
): Promise<string> {
  const c = await central.post<{ id: string }>('setup', '/api/cycles', {
    year,
    submissionDeadline,
    reviewSlaDays: opts.reviewSlaDays ?? 10,
    revisionSlaDays: opts.revisionSlaDays ?? 10,
    ...(opts.reminderWorkingDays ? { reminderWorkingDays: opts.reminderWorkingDays } : {}),
  });
  return c.id;
}

export interface Scale {
  activities: number;
  linesPerActivity: number;
  /** Share of plans (0..1) whose content review asks for a revision in round 1. */
  revisionShare: number;
  /** Lines the union edits before resubmitting. */
  revisionEdits: number;
}

/** One command's fate, for the crash test's accounting. */
export interface LedgerEntry {
  kind: string;
  planId: string;
  /** How the command is found in the history: see crash/verify.ts. */
  ref:
    | { type: 'plan' }
    | { type: 'activity'; id: string }
    | { type: 'line'; id: string }
    | { type: 'line-edit'; id: string; description: string }
    | { type: 'keyed'; key: string; eventType: string };
  /** 2xx received for some attempt. */
  acked: boolean;
  /** Attempts without any answer (the process was killed under it), or a 5xx (see DriveContext). */
  lostAttempts: number;
  /** Of those, attempts answered 5xx (the API up, but Temporal or the worker was down). */
  serverErrorAttempts: number;
  /** After a lost attempt the client found the command applied (its commit won the race with the kill). */
  foundApplied: boolean;
}

/**
 * How commands are sent. In the benchmark every failure is fatal. In the crash test a network
 * failure (the API was SIGKILLed) is retried once the API is back, exactly like a careful client:
 * the same Idempotency-Key for commands that take one, and a look-up first for content edits
 * (which carry unique codes), so nothing is applied twice by the client's own doing.
 */
export interface DriveContext {
  crashSafe: boolean;
  ledger?: LedgerEntry[];
  runId: string;
  /**
   * Treat a 5xx answer like a lost one (crash test on the Temporal host): the API is up but could
   * not reach Temporal, so the command may or may not have been applied; a careful client checks
   * and re-sends exactly as after a lost answer.
   */
  retryServerErrors?: boolean;
  /** Resolves when the API answers again (crash test); the benchmark never waits. */
  apiUp?: () => Promise<void>;
  /** Called when a step begins/ends (for progress). */
  progress?: (kind: string) => void;
}

async function reliably<T>(
  ctx: DriveContext,
  entry: Omit<LedgerEntry, 'acked' | 'lostAttempts' | 'serverErrorAttempts' | 'foundApplied'> | null,
  send: () => Promise<T>,
  recover?: () => Promise<T | undefined>,
  fillRef?: (result: T, e: LedgerEntry) => void,
): Promise<T> {
  const e: LedgerEntry | null = entry
    ? { ...entry, acked: false, lostAttempts: 0, serverErrorAttempts: 0, foundApplied: false }
    : null;
  for (;;) {
    try {
      const r = await send();
      if (e) {
        e.acked = true;
        fillRef?.(r, e);
        ctx.ledger?.push(e);
      }
      ctx.progress?.(entry?.kind ?? 'read');
      return r;
    } catch (err) {
      if (!isLostAnswer(ctx, err)) throw err;
      if (e) e.lostAttempts++;
      if (e && err instanceof HttpError) e.serverErrorAttempts++;
      await ctx.apiUp?.();
      if (recover) {
        const found = await readReliably(ctx, recover);
        if (found !== undefined) {
          if (e) {
            e.foundApplied = true;
            fillRef?.(found, e);
            ctx.ledger?.push(e);
          }
          return found;
        }
      }
    }
  }
}

function isLostAnswer(ctx: DriveContext, err: unknown): boolean {
  if (!ctx.crashSafe) return false;
  if (err instanceof NetworkError) return true;
  return Boolean(ctx.retryServerErrors) && err instanceof HttpError && err.status >= 500;
}

/** Reads are safe to repeat: retried until the API answers. */
export async function readReliably<T>(ctx: DriveContext, read: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await read();
    } catch (err) {
      if (!isLostAnswer(ctx, err)) throw err;
      await ctx.apiUp?.();
    }
  }
}

interface LineRef {
  id: string;
  amount: number;
  description: string;
  quantity: number;
}

interface PlanView {
  id: string;
  status: string;
  activities: {
    id: string;
    code: string;
    budgetLines: { id: string; description: string; amount: number; quantity: number }[];
  }[];
  reviews: { id: string; function: string; status: string; round: number; stage: number }[];
}

/**
 * One plan's way through the chain, as steps: create → activities and budget lines → submit →
 * content ∥ budget review (round 1 may ask for a revision → edits → resubmit → both again) →
 * the People's Committee's final approval with its decision record.
 */
export class PlanRun {
  planId = '';
  readonly activities: { id: string; code: string; lines: LineRef[] }[] = [];
  round = 0;
  private stageOneDone = 0;
  approved = false;
  finishedAt = 0;
  /** Stop once drafted (the single-client phase drafts concurrently, then approves sequentially). */
  stopAfterDraft = false;
  /** Stop once submitted: the reviews stay pending (the crash test lets their SLA timers fire). */
  stopAfterSubmit = false;

  constructor(
    readonly union: Union,
    readonly cycleId: string,
    readonly scale: Scale,
    readonly revision: boolean,
    readonly ctx: DriveContext,
    readonly tag: string,
  ) {}

  private key(step: string): string {
    return `${this.ctx.runId}-${this.tag}-${step}`;
  }

  private async view(as: Session = this.union.editor): Promise<PlanView> {
    return readReliably(this.ctx, () => as.get<PlanView>('get-plan', `/api/plans/${this.planId}`));
  }

  start(): Step {
    return async () => {
      const u = this.union;
      const title = `Kế hoạch hoạt động đối ngoại nhân dân năm 2027 — ${u.name} (${this.tag})`;
      const created = await reliably(
        this.ctx,
        { kind: 'create-plan', planId: '', ref: { type: 'plan' } },
        () =>
          u.editor.post<{ id: string }>('create-plan', `/api/cycles/${this.cycleId}/plans`, {
            title,
            objectives: 'Tăng cường quan hệ hữu nghị, hợp tác với nhân dân các nước.',
          }),
        async () => {
          const list = await u.editor.get<{ items: { id: string; title: string }[] }>(
            'list-plans',
            `/api/plans?cycleId=${this.cycleId}&organizationId=${u.id}`,
          );
          return list.items.find((p) => p.title === title);
        },
        (r, e) => (e.planId = r.id),
      );
      this.planId = created.id;
      return [this.addActivity(0)];
    };
  }

  private addActivity(a: number): Step {
    return async () => {
      const code = `HĐ-${String(a + 1).padStart(3, '0')}`;
      const act = await reliably(
        this.ctx,
        { kind: 'add-activity', planId: this.planId, ref: { type: 'activity', id: '' } },
        () =>
          this.union.editor.post<{ id: string; code: string }>(
            'add-activity',
            `/api/plans/${this.planId}/activities`,
            {
              code,
              title: `Hoạt động ${a + 1}: giao lưu hữu nghị với đối tác nước ngoài`,
              type: ACTIVITY_TYPES[a % ACTIVITY_TYPES.length],
              periodStart: `2027-${String((a % 12) + 1).padStart(2, '0')}`,
              periodEnd: `2027-Q${(a % 4) + 1}`,
              location: this.union.name,
              partnerCountries: [['JP', 'KR', 'LA', 'KH', 'FR', 'DE'][a % 6]],
              partnerOrganizations: ['Hội hữu nghị song phương'],
              leadUnit: 'Ban Đối ngoại',
              expectedResults: 'Tăng cường hiểu biết lẫn nhau, ký kết thỏa thuận hợp tác.',
              priority: ['HIGH', 'MEDIUM', 'LOW'][a % 3],
            },
          ),
        async () => (await this.view()).activities.find((x) => x.code === code),
        (r, e) => (e.ref = { type: 'activity', id: r.id }),
      );
      this.activities.push({ id: act.id, code, lines: [] });
      return [this.addLine(a, 0)];
    };
  }

  private addLine(a: number, l: number): Step {
    return async () => {
      const activity = this.activities[a];
      const description = `Dòng ${a + 1}.${l + 1} ${this.tag}`;
      const k = a * 7 + l;
      const quantity = (k % 9) + 1;
      const line = await reliably(
        this.ctx,
        { kind: 'add-budget-line', planId: this.planId, ref: { type: 'line', id: '' } },
        () =>
          this.union.editor.post<{ id: string; amount: number }>(
            'add-budget-line',
            `/api/activities/${activity.id}/budget-lines`,
            {
              category: BUDGET_CATEGORIES[k % BUDGET_CATEGORIES.length],
              description,
              quantity,
              unit: 'lượt',
              unitCost: 500_000 + (k % 17) * 250_000,
              fundingSource: FUNDING_SOURCES[k % FUNDING_SOURCES.length],
              // Some of these unit costs are above a norm (translation, interpreting): submission needs a reason.
              normJustification: 'Theo báo giá của đơn vị cung cấp dịch vụ',
            },
          ),
        async () => {
          const v = await this.view();
          return v.activities
            .find((x) => x.id === activity.id)
            ?.budgetLines.find((x) => x.description === description);
        },
        (r, e) => (e.ref = { type: 'line', id: r.id }),
      );
      activity.lines.push({ id: line.id, amount: Number(line.amount), description, quantity });
      if (l + 1 < this.scale.linesPerActivity) return [this.addLine(a, l + 1)];
      if (a + 1 < this.scale.activities) return [this.addActivity(a + 1)];
      return this.stopAfterDraft ? [] : [this.submit()];
    };
  }

  submit(): Step {
    return async () => {
      this.round++;
      const key = this.key(`submit-${this.round}`);
      const plan = await reliably(
        this.ctx,
        {
          kind: 'submit',
          planId: this.planId,
          ref: { type: 'keyed', key: `${this.union.submitter.userId}:${key}`, eventType: 'PlanSubmitted' },
        },
        () =>
          this.union.submitter.post<PlanView>('submit', `/api/plans/${this.planId}/submit`, undefined, {
            headers: { 'idempotency-key': key },
          }),
      );
      if (plan.status !== 'IN_APPRAISAL')
        throw new Error(`plan ${this.planId} is ${plan.status} after submit`);
      const open = plan.reviews.filter((r) => r.round === this.round && r.status === 'PENDING');
      const content = open.find((r) => r.function === 'CONTENT');
      const budget = open.find((r) => r.function === 'BUDGET');
      if (!content || !budget) throw new Error(`plan ${this.planId}: stage 1 did not open both reviews`);
      this.stageOneDone = 0;
      if (this.stopAfterSubmit) return [];
      if (this.revision && this.round === 1) return [this.requestRevision(content.id)];
      return [this.approveContent(content.id), this.approveBudget(budget.id)];
    };
  }

  private decide(
    kind: string,
    who: Session,
    reviewId: string,
    body: Record<string, unknown>,
    step: string,
  ): Promise<unknown> {
    const key = this.key(step);
    return reliably(
      this.ctx,
      {
        kind,
        planId: this.planId,
        ref: { type: 'keyed', key: `${who.userId}:${key}`, eventType: 'ReviewDecided' },
      },
      () =>
        who.post(kind, `/api/reviews/${reviewId}/decision`, body, { headers: { 'idempotency-key': key } }),
    );
  }

  private requestRevision(reviewId: string): Step {
    return async () => {
      await this.decide(
        'decide-request-revision',
        this.union.content,
        reviewId,
        {
          decision: 'REQUEST_REVISION',
          comment: 'Đề nghị bổ sung kết quả dự kiến và điều chỉnh dự toán một số hoạt động.',
        },
        `revise-${this.round}`,
      );
      return [this.reviseLine(0)];
    };
  }

  private reviseLine(i: number): Step {
    return async () => {
      const all = this.activities.flatMap((a) => a.lines);
      const line = all[(i * 37) % all.length];
      const description = `${line.description} (sửa lần ${this.round}.${i + 1})`;
      const quantity = line.quantity + 1;
      const res = await reliably(
        this.ctx,
        {
          kind: 'edit-budget-line',
          planId: this.planId,
          ref: { type: 'line-edit', id: line.id, description },
        },
        () =>
          this.union.editor.patch<{ amount: number }>('edit-budget-line', `/api/budget-lines/${line.id}`, {
            description,
            quantity,
          }),
        async () => {
          const v = await this.view();
          const found = v.activities.flatMap((a) => a.budgetLines).find((x) => x.id === line.id);
          return found && found.description === description ? found : undefined;
        },
      );
      line.amount = Number(res.amount);
      line.quantity = quantity;
      line.description = description;
      if (i + 1 < Math.min(this.scale.revisionEdits, all.length)) return [this.reviseLine(i + 1)];
      return [this.submit()];
    };
  }

  private approveContent(reviewId: string): Step {
    return async () => {
      await this.decide(
        'decide-content',
        this.union.content,
        reviewId,
        { decision: 'APPROVE', comment: 'Nội dung phù hợp chủ trương đối ngoại.' },
        `content-${this.round}`,
      );
      return this.stageOneFinished();
    };
  }

  /** Partial funding: 80% of most lines (rounded down to 1,000 đ), nothing for every 7th. */
  private approveBudget(reviewId: string): Step {
    return async () => {
      const lines = this.activities.flatMap((a) => a.lines);
      await this.decide(
        'decide-budget',
        this.union.budget,
        reviewId,
        {
          decision: 'APPROVE',
          comment: 'Đồng ý một phần, cắt giảm theo định mức.',
          lines: lines.map((l, i) => ({
            budgetLineId: l.id,
            approvedAmount: i % 7 === 6 ? 0 : Math.floor((l.amount * 0.8) / 1000) * 1000,
          })),
        },
        `budget-${this.round}`,
      );
      return this.stageOneFinished();
    };
  }

  private stageOneFinished(): Step[] {
    this.stageOneDone++;
    return this.stageOneDone === 2 ? [this.approveFinal()] : [];
  }

  private approveFinal(): Step {
    return async () => {
      const ubnd = this.union.final;
      let review: { id: string } | undefined;
      for (let i = 0; i < 100 && !review; i++) {
        const inbox = await readReliably(this.ctx, () =>
          ubnd.get<{ items: { id: string; planId: string; function: string }[] }>(
            'inbox',
            '/api/reviews?mine=true&status=PENDING',
          ),
        );
        review = inbox.items.find((r) => r.planId === this.planId && r.function === 'FINAL');
        if (!review) await sleep(50);
      }
      if (!review) throw new Error(`plan ${this.planId}: no final review opened`);
      await this.decide(
        'decide-final',
        ubnd,
        review.id,
        {
          decision: 'APPROVE',
          comment: 'Phê duyệt kế hoạch.',
          decisionNumber: `${100 + this.union.index}/QĐ-UBND`,
          decisionDate: '2026-11-20',
          signer: `Chủ tịch UBND ${this.union.name}`,
        },
        `final-${this.round}`,
      );
      this.approved = true;
      this.finishedAt = Date.now();
    };
  }
}

/** Commands are the state-changing kinds; the rest are reads. */
export const COMMAND_KINDS = new Set([
  'create-plan',
  'add-activity',
  'add-budget-line',
  'edit-budget-line',
  'submit',
  'decide-content',
  'decide-budget',
  'decide-request-revision',
  'decide-final',
]);
export const DECISION_KINDS = new Set([
  'decide-content',
  'decide-budget',
  'decide-request-revision',
  'decide-final',
]);

export { HttpError };
