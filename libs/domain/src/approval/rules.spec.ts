import {
  AGENCIES,
  DECISION_RECORD,
  OPEN_CYCLE,
  PlanHarness,
  TERMS,
  UNION,
  actors,
  approveAll,
  content,
  user,
} from '../../test/plan-fixtures';
import { apply } from './apply';
import { decide } from './decide';
import { deadlines } from './deadlines';
import {
  MERGER_EDIT_KIND,
  MERGER_WITHDRAW_REASON,
  PLAN_TRANSITIONS,
  firstRefusal,
  isTerminal,
  ruleFor,
} from './rules';
import {
  PLAN_COMMAND_TYPES,
  PLAN_STATUSES,
  type CommandOf,
  type PlanCommand,
  type PlanCommandType,
  type PlanState,
  type PlanStatus,
  type Refusal,
} from './types';

/** A plan's stream brought to each status by the machine itself ('NONE': no stream yet). */
function harnessIn(status: PlanStatus | 'NONE'): PlanHarness {
  const h = new PlanHarness();
  if (status === 'NONE') return h;
  h.create();
  const decideFirst = (decision: 'REQUEST_REVISION' | 'REJECT') =>
    h.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: h.review('CONTENT').id,
      decision,
      comment: 'why',
    });
  switch (status) {
    case 'DRAFT':
      break;
    case 'WITHDRAWN':
      h.must({ type: 'Withdraw', actor: actors.submitter });
      break;
    case 'IN_APPRAISAL':
      h.submit();
      break;
    case 'REVISION_REQUESTED':
      h.submit();
      decideFirst('REQUEST_REVISION');
      break;
    case 'REJECTED':
      h.submit();
      decideFirst('REJECT');
      break;
    case 'APPROVED':
    case 'IN_ROLLOUT':
    case 'CLOSED':
      h.submit().approveStage1().approveFinal();
      if (status === 'APPROVED') break;
      h.must({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k' });
      if (status === 'CLOSED') h.must({ type: 'ClosePlan', actor: actors.consolidator });
      break;
  }
  expect(h.state?.status ?? 'NONE').toBe(status);
  return h;
}

/** A command of each type as its rightful sender would send it to this state. */
function validCommand(type: PlanCommandType, s: PlanState | null): PlanCommand {
  switch (type) {
    case 'CreatePlan':
      return {
        type,
        actor: actors.editor,
        planId: 'plan-new',
        cycleId: 'cycle-2027',
        organizationId: UNION,
        title: 'Plan',
        cycle: TERMS,
        ...OPEN_CYCLE,
      };
    case 'EditContent':
      return { type, actor: actors.editor, change: { kind: 'ACTIVITY_ADDED', summary: 'HD03' } };
    case 'Submit':
      return { type, actor: actors.submitter, content: content(), agencies: AGENCIES };
    case 'Withdraw':
      return { type, actor: actors.submitter };
    case 'DecideReview': {
      const reviews = s?.reviews.filter((r) => r.round === s.round) ?? [];
      const review = reviews.find((r) => r.status === 'PENDING') ?? reviews[reviews.length - 1];
      if (!review) return { type, actor: actors.contentAppraiser, reviewId: 'rv-none', decision: 'APPROVE' };
      return {
        type,
        actor: user('u-appraiser', review.agencyId, ['APPRAISER']),
        reviewId: review.id,
        decision: 'APPROVE',
        ...(review.function === 'BUDGET' ? { lines: approveAll(s!) } : {}),
        ...(review.function === 'FINAL' ? { decisionRecord: DECISION_RECORD } : {}),
      };
    }
    case 'GrantExtension':
      return { type, actor: actors.leader, newDeadline: '2026-12-31T16:59:59.999Z', reason: 'flood' };
    case 'DeadlineReached': {
      const next = s ? deadlines(s)[0] : undefined;
      return next
        ? { type, actor: actors.system, key: next.key, timer: next.timer, dueAt: next.dueAt }
        : {
            type,
            actor: actors.system,
            key: 'submission-deadline',
            timer: 'SUBMISSION_DEADLINE',
            dueAt: TERMS.submissionDeadline,
          };
    }
    case 'StartRollout':
      return { type, actor: actors.consolidator, consolidationId: 'k' };
    case 'RecordRolloutReport':
      return { type, actor: actors.submitter, period: '2026-Q3' };
    case 'RecordProgress':
      return {
        type,
        actor: actors.editor,
        activityId: 'act-1',
        implementationStatus: 'IN_PROGRESS',
        actualSpend: '1000',
      };
    case 'ClosePlan':
      return { type, actor: actors.consolidator };
  }
}

/** What the table says `decide` answers before it builds events: a refusal, or null (accepted). */
function tableSays(s: PlanState | null, c: PlanCommand): Refusal | null {
  const rule = ruleFor(c.type);
  const status = s ? s.status : 'NONE';
  if (!s && c.type !== 'CreatePlan') return { code: 'NOT_FOUND', message: expect.any(String) as string };
  if (s && c.type === 'CreatePlan')
    return { code: 'INVALID_TRANSITION', message: expect.any(String) as string };
  if (s && isTerminal(s.status) && c.type !== 'DeadlineReached')
    return { code: 'INVALID_TRANSITION', message: expect.any(String) as string };
  const guarded = firstRefusal(rule.guards, s, c);
  if (guarded) return guarded;
  if (!rule.from.includes(status))
    return { code: 'INVALID_TRANSITION', message: expect.any(String) as string };
  return null;
}

describe('the transition table drives decide', () => {
  const STATUSES = ['NONE', ...PLAN_STATUSES] as const;
  const accepted = new Map<PlanCommandType, PlanStatus[]>();

  describe.each(STATUSES)('in %s', (status) => {
    it.each([...PLAN_COMMAND_TYPES])('%s: refused as the table says, or leads where `to` says', (type) => {
      const h = harnessIn(status);
      const before = h.state;
      const command = validCommand(type, before);
      const expected = tableSays(before, command);
      const d = decide(before, command, h.ctx());
      if (expected) {
        expect(d).toEqual({ ok: false, error: expected });
        return;
      }
      const applied = apply(before, command, h.ctx());
      if (!applied.ok)
        throw new Error(`${type} in ${status} refused: ${applied.error.code} ${applied.error.message}`);
      const rule = PLAN_TRANSITIONS[type];
      if (rule.to) expect(rule.to).toContain(applied.state.status);
      else expect(applied.state.status).toBe(before!.status);
      accepted.set(type, [...(accepted.get(type) ?? []), applied.state.status]);
    });
  });

  it('accepts every command in some status (the walk is not vacuous)', () => {
    expect([...accepted.keys()].sort()).toEqual([...PLAN_COMMAND_TYPES].sort());
  });
});

describe('a province merger: the ADMIN exception (`merger`)', () => {
  const merged = { type: 'Withdraw', actor: actors.admin, reason: MERGER_WITHDRAW_REASON } as PlanCommand;
  const copy = {
    type: 'EditContent',
    actor: actors.admin,
    change: { kind: MERGER_EDIT_KIND, summary: 'HĐ-01-HD' },
  } as PlanCommand;

  it.each(['DRAFT', 'REVISION_REQUESTED'] as const)('in %s: ADMIN withdraws as MERGED and copies in', (s) => {
    const h = harnessIn(s);
    expect(decide(h.state, copy, h.ctx())).toMatchObject({ ok: true });
    const out = apply(h.state, merged, h.ctx());
    expect(out.ok && out.state.status).toBe('WITHDRAWN');
    expect(decide(h.state, merged, h.ctx())).toMatchObject({
      ok: true,
      events: [{ type: 'PlanWithdrawn', reason: 'MERGED' }],
    });
  });

  it.each(['IN_APPRAISAL', 'APPROVED', 'IN_ROLLOUT'] as const)('in %s: still refused', (s) => {
    const h = harnessIn(s);
    expect(decide(h.state, merged, h.ctx())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(decide(h.state, copy, h.ctx())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
  });

  it('outside a merger, ADMIN holds no place in the chain; others gain nothing from it', () => {
    const h = harnessIn('DRAFT');
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(decide(h.state, { type: 'Withdraw', actor: actors.admin }, h.ctx())).toMatchObject(forbidden);
    expect(
      decide(h.state, { type: 'Withdraw', actor: actors.admin, reason: 'other' }, h.ctx()),
    ).toMatchObject(forbidden);
    expect(
      decide(
        h.state,
        { type: 'EditContent', actor: actors.admin, change: { kind: 'ACTIVITY_ADDED', summary: 'x' } },
        h.ctx(),
      ),
    ).toMatchObject(forbidden);
    expect(decide(h.state, { ...merged, actor: actors.otherEditor }, h.ctx())).toMatchObject(forbidden);
    expect(decide(h.state, { ...copy, actor: actors.consolidator }, h.ctx())).toMatchObject(forbidden);
  });

  it("CreatePlan: ADMIN creates the successor's plan for a merger only", () => {
    const h = harnessIn('NONE');
    const create = validCommand('CreatePlan', null) as CommandOf<'CreatePlan'>;
    expect(decide(null, { ...create, actor: actors.admin }, h.ctx())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(decide(null, { ...create, actor: actors.admin, mergerOf: 'org-hd' }, h.ctx())).toMatchObject({
      ok: true,
    });
  });
});
