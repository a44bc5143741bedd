/** Test support for the approval machine (not part of the library's API). */
import { DEFAULT_HOLIDAY_DATES_VN, WorkingDayCalendar } from '../src/calendar';
import {
  apply,
  type Actor,
  type Agencies,
  type CycleTerms,
  type DecideContext,
  type Decision,
  type PlanCommand,
  type PlanContent,
  type PlanEvent,
  type PlanState,
  type Role,
} from '../src/approval';

export const UNION = 'org-union-hp';
export const OTHER_UNION = 'org-union-dn';
export const CENTRAL = 'org-vufo';
export const AGENCY = { CONTENT: 'org-sngv-hp', BUDGET: 'org-stc-hp', FINAL: 'org-ubnd-hp' } as const;
export const OTHER_AGENCY = 'org-stc-dn';
export const AGENCIES: Agencies = {
  CONTENT: { id: AGENCY.CONTENT, name: 'Foreign Affairs Dept' },
  BUDGET: { id: AGENCY.BUDGET, name: 'Finance Dept' },
  FINAL: { id: AGENCY.FINAL, name: "People's Committee" },
};

export function user(
  userId: string,
  organizationId: string,
  roles: Role[],
  actingFor?: { userId: string; displayName: string },
): Actor {
  return {
    kind: 'user',
    userId,
    displayName: `User ${userId}`,
    organizationId,
    roles,
    ...(actingFor ? { actingFor } : {}),
  };
}

export const actors = {
  editor: user('u-editor', UNION, ['PLAN_EDITOR']),
  submitter: user('u-submitter', UNION, ['PLAN_SUBMITTER', 'PLAN_EDITOR']),
  otherEditor: user('u-other-editor', OTHER_UNION, ['PLAN_EDITOR', 'PLAN_SUBMITTER']),
  contentAppraiser: user('u-sngv', AGENCY.CONTENT, ['APPRAISER']),
  budgetAppraiser: user('u-stc', AGENCY.BUDGET, ['APPRAISER']),
  finalAppraiser: user('u-ubnd', AGENCY.FINAL, ['APPRAISER']),
  otherAgencyAppraiser: user('u-stc-dn', OTHER_AGENCY, ['APPRAISER']),
  unionAppraiser: user('u-union-appraiser', UNION, ['APPRAISER', 'PLAN_EDITOR']),
  budgetClerk: user('u-stc-clerk', AGENCY.BUDGET, []),
  delegate: user('u-stc-deputy', AGENCY.BUDGET, ['APPRAISER'], {
    userId: 'u-stc',
    displayName: 'User u-stc',
  }),
  consolidator: user('u-consolidator', CENTRAL, ['CONSOLIDATOR']),
  leader: user('u-leader', CENTRAL, ['LEADER']),
  admin: user('u-admin', CENTRAL, ['ADMIN']),
  system: { kind: 'system' } as Actor,
};

export const calendar = new WorkingDayCalendar(DEFAULT_HOLIDAY_DATES_VN);

/** End of 30 June 2026, local time. */
export const DEADLINE = '2026-06-30T16:59:59.999Z';

export const TERMS: CycleTerms = {
  submissionDeadline: DEADLINE,
  reminderWorkingDays: [5, 1],
  reviewSlaDays: 10,
  revisionSlaDays: 5,
  route: [
    { stage: 1, functions: ['CONTENT', 'BUDGET'] },
    { stage: 2, functions: ['FINAL'] },
  ],
};

/** What a host finds when a union creates its plan in an open cycle, with no other live plan. */
export const OPEN_CYCLE = { cycleYear: 2027, cycleStatus: 'OPEN', livePlanId: null } as const;

export function content(overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    title: 'External affairs plan 2027',
    objectives: 'Strengthen friendship with partner provinces',
    activities: [
      {
        id: 'act-1',
        code: 'HD01',
        title: 'Receive a delegation from Laos',
        type: 'DELEGATION_IN',
        budgetLines: [
          {
            id: 'bl-1',
            description: 'Accommodation',
            category: 'ACCOMMODATION',
            fundingSource: 'STATE_BUDGET',
            requestedAmount: '45000000',
          },
          {
            id: 'bl-2',
            description: 'Interpreting',
            category: 'INTERPRETING',
            fundingSource: 'STATE_BUDGET',
            requestedAmount: '6000000',
          },
        ],
      },
      {
        id: 'act-2',
        code: 'HD02',
        title: 'Friendship exchange',
        type: 'FRIENDSHIP_EXCHANGE',
        budgetLines: [
          {
            id: 'bl-3',
            description: 'Venue',
            category: 'VENUE_EQUIPMENT',
            fundingSource: 'SOCIALIZATION',
            requestedAmount: '20000000',
          },
        ],
      },
    ],
    ...overrides,
  };
}

export const DECISION_RECORD = { number: '123/QĐ-UBND', date: '2026-05-04', signer: 'Chairman' };

export function approveAll(state: PlanState, pct = 100n): { budgetLineId: string; approvedAmount: string }[] {
  return state.content!.activities.flatMap((a) =>
    a.budgetLines.map((l) => ({
      budgetLineId: l.id,
      approvedAmount: ((BigInt(l.requestedAmount) * pct) / 100n).toString(),
    })),
  );
}

/** Drives one plan's stream: keeps the state and the events, with a clock the test moves. */
export class PlanHarness {
  state: PlanState | null = null;
  events: PlanEvent[] = [];
  now = '2026-06-01T02:00:00.000Z'; // Monday 1 June 2026, 09:00 local
  private seq = 0;

  ctx(): DecideContext {
    return { now: this.now, calendar, newId: () => `rv-${++this.seq}` };
  }

  at(now: string): this {
    this.now = new Date(now).toISOString();
    return this;
  }

  /** Decides and, when accepted, applies the events. */
  send(command: PlanCommand): Decision {
    const d = apply(this.state, command, this.ctx());
    if (!d.ok) return d;
    this.state = d.state;
    this.events.push(...d.events);
    return d.note === undefined
      ? { ok: true, events: d.events }
      : { ok: true, events: d.events, note: d.note };
  }

  /** Like send, but fails the test when refused. */
  must(command: PlanCommand): PlanEvent[] {
    const d = this.send(command);
    if (!d.ok)
      throw new Error(
        `${command.type} refused: ${d.error.code} ${d.error.message} ${JSON.stringify(d.error.errors ?? [])}`,
      );
    return d.events;
  }

  get s(): PlanState {
    if (!this.state) throw new Error('no plan yet');
    return this.state;
  }

  pending(fn?: string) {
    return this.s.reviews.filter(
      (r) => r.round === this.s.round && r.status === 'PENDING' && (!fn || r.function === fn),
    );
  }

  review(fn: string) {
    const r = this.pending(fn)[0];
    if (!r) throw new Error(`no pending ${fn} review`);
    return r;
  }

  create(terms: CycleTerms = TERMS): this {
    this.must({
      type: 'CreatePlan',
      actor: actors.editor,
      planId: 'plan-1',
      cycleId: 'cycle-2027',
      organizationId: UNION,
      title: 'Plan 2027',
      cycle: terms,
      ...OPEN_CYCLE,
    });
    return this;
  }

  submit(c: PlanContent = content(), agencies: Agencies = AGENCIES): this {
    this.must({ type: 'Submit', actor: actors.submitter, content: c, agencies });
    return this;
  }

  approveStage1(pct = 100n): this {
    this.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: this.review('CONTENT').id,
      decision: 'APPROVE',
    });
    this.must({
      type: 'DecideReview',
      actor: actors.budgetAppraiser,
      reviewId: this.review('BUDGET').id,
      decision: 'APPROVE',
      lines: approveAll(this.s, pct),
    });
    return this;
  }

  approveFinal(): this {
    this.must({
      type: 'DecideReview',
      actor: actors.finalAppraiser,
      reviewId: this.review('FINAL').id,
      decision: 'APPROVE',
      decisionRecord: DECISION_RECORD,
    });
    return this;
  }
}
