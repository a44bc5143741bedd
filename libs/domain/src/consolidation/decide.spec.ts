import {
  ConsolidationHarness,
  DECISION,
  HAI_DUONG_PLAN,
  PROVINCES,
  createCommand,
  frozenPlan,
} from '../../test/consolidation-fixtures';
import { DECISION_RECORD, PlanHarness, actors, user } from '../../test/plan-fixtures';
import {
  decideConsolidation,
  missingUnions,
  nextConsolidation,
  relabelRollups,
  replayConsolidation,
  rolloutCommands,
  type ConsolidationDecisionResult,
  type ConsolidationEventOf,
} from './index';
import type { UserActor } from '../approval/types';

function refusedWith(d: ConsolidationDecisionResult, code: string, field?: string) {
  if (d.ok) throw new Error(`accepted: ${JSON.stringify(d.events.map((e) => e.type))}`);
  expect(d.error.code).toBe(code);
  if (field !== undefined) expect((d.error.errors ?? []).map((e) => e.field)).toContain(field);
}

const approve = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'ApproveConsolidation', actor: actors.leader, ...DECISION, ...overrides }) as const;

describe('CreateConsolidation', () => {
  it('records who made it, when, and each plan with its frozen version, approval hash and figures', () => {
    const h = new ConsolidationHarness();
    const [created] = h.must(createCommand({ note: '  Tổng hợp lần 1  ' })) as [
      ConsolidationEventOf<'ConsolidationCreated'>,
    ];
    expect(created).toMatchObject({
      type: 'ConsolidationCreated',
      consolidationId: 'cons-1',
      cycleId: 'cycle-2027',
      number: 1,
      note: 'Tổng hợp lần 1',
      createdAt: h.now,
      by: { userId: 'u-consolidator', displayName: 'User u-consolidator', organizationId: 'org-vufo' },
    });
    expect(created.plans).toEqual([
      {
        planId: 'plan-hp',
        organizationId: 'org-union-hp',
        organizationName: 'Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng',
        provinceCode: '31',
        cluster: { number: 1, name: 'Cụm thi đua số 1' },
        title: 'Kế hoạch hoạt động đối ngoại nhân dân năm 2027',
        version: 2,
        approvedAt: '2026-05-20T03:00:00.000Z',
        approvalHash: 'a'.repeat(64),
        requested: '181000000',
        approved: '166000000',
        activities: 2,
      },
      expect.objectContaining({
        planId: 'plan-hd',
        version: 1,
        approvalHash: 'b'.repeat(64),
        requested: '9007199254740993',
      }),
    ]);
    expect(created.missing.map((m) => m.planStatus)).toEqual(['IN_APPRAISAL', null]);
    expect(created.rollups.total).toEqual({
      requested: (181000000n + 9007199254740993n).toString(),
      approved: (166000000n + 9007199254740993n).toString(),
      activities: 3,
    });
    // Events are JSON: no bigint, nothing lost in a round trip (the hash is over canonical JSON).
    expect(JSON.parse(JSON.stringify(h.events))).toEqual(h.events);
    expect(h.s).toMatchObject({
      id: 'cons-1',
      status: 'PENDING_APPROVAL',
      number: 1,
      note: 'Tổng hợp lần 1',
    });
    expect(h.s.rollups).toEqual(created.rollups);
  });

  it('names the successor in roll-ups by province: Hải Dương counts under Hải Phòng', () => {
    const h = new ConsolidationHarness().create();
    expect(h.s.rollups.byProvince).toEqual([
      {
        key: '31',
        label: 'Hải Phòng',
        requested: (181000000n + 9007199254740993n).toString(),
        approved: (166000000n + 9007199254740993n).toString(),
        activities: 3,
      },
    ]);
    // The plan itself keeps its own union and province: lineage stays readable.
    expect(h.s.plans[1]).toMatchObject({ organizationId: 'org-union-hd', provinceCode: '30' });
  });

  it('is refused with CONSOLIDATION_PENDING while another awaits the leadership, even with plans to take', () => {
    const h = new ConsolidationHarness();
    refusedWith(h.send(createCommand({ pendingConsolidationId: 'cons-0' })), 'CONSOLIDATION_PENDING');
    refusedWith(
      h.send(createCommand({ pendingConsolidationId: 'cons-0', plans: [] })),
      'CONSOLIDATION_PENDING',
    );
    expect(h.events).toEqual([]);
  });

  it('is refused with NOTHING_TO_CONSOLIDATE when no approved plan is left', () => {
    refusedWith(new ConsolidationHarness().send(createCommand({ plans: [] })), 'NOTHING_TO_CONSOLIDATE');
  });

  it('is made by a consolidator only', () => {
    const h = new ConsolidationHarness();
    for (const actor of [actors.leader, actors.editor, actors.admin, actors.system])
      refusedWith(h.send(createCommand({ actor })), 'FORBIDDEN');
  });

  it('refuses malformed facts with the fields at fault and records nothing', () => {
    const h = new ConsolidationHarness();
    const bad = frozenPlan({
      version: 0,
      activities: [
        {
          id: 'a',
          type: 'TRAINING',
          partnerCountries: ['Laos'],
          lines: [{ fundingSource: 'STATE_BUDGET', requested: '10', approved: '11' }],
        },
      ],
    });
    const d = h.send(createCommand({ plans: [bad, { ...HAI_DUONG_PLAN, approvedAt: 'yesterday' }] }));
    refusedWith(d, 'VALIDATION_FAILED');
    if (d.ok) return;
    expect((d.error.errors ?? []).map((e) => e.field).sort()).toEqual([
      'plans[0].activities[0].lines[0].approved',
      'plans[0].activities[0].partnerCountries',
      'plans[0].version',
      'plans[1].approvedAt',
    ]);
    refusedWith(
      h.send(createCommand({ plans: [frozenPlan(), frozenPlan()] })),
      'VALIDATION_FAILED',
      'plans[1].planId',
    );
    refusedWith(h.send(createCommand({ number: 0 })), 'VALIDATION_FAILED', 'number');
    refusedWith(
      h.send(
        createCommand({
          plans: [
            frozenPlan({
              activities: [
                {
                  id: 'x',
                  type: 'OTHER',
                  partnerCountries: [],
                  lines: [{ fundingSource: 'NGO_AID', requested: '-5', approved: '0' }],
                },
              ],
            }),
          ],
        }),
      ),
      'VALIDATION_FAILED',
      'plans[0].activities[0].lines[0].requested',
    );
    expect(h.events).toEqual([]);
  });

  it('cannot create a consolidation twice', () => {
    const h = new ConsolidationHarness().create();
    refusedWith(h.send(createCommand()), 'INVALID_TRANSITION');
  });
});

describe('ApproveConsolidation', () => {
  it('records the decision (number, date, signer, comment), who and when, and the plans sent to rollout', () => {
    const h = new ConsolidationHarness().create();
    const [approved] = h.must(approve({ comment: ' Đồng ý ', decisionNumber: ' 45/QĐ-LHHN ' }));
    expect(approved).toEqual({
      type: 'ConsolidationApproved',
      decision: { ...DECISION, comment: 'Đồng ý' },
      planIds: ['plan-hp', 'plan-hd'],
      approvedAt: h.now,
      by: { userId: 'u-leader', displayName: 'User u-leader', organizationId: 'org-vufo' },
    });
    expect(h.s.status).toBe('APPROVED');
    expect(h.s.decision).toEqual({
      ...DECISION,
      comment: 'Đồng ý',
      decidedAt: h.now,
      decidedBy: approved.by,
    });
    expect(replayConsolidation(h.events)).toEqual(h.s);
  });

  it('refuses a decision dated in the future, judged by the local date in Asia/Ho_Chi_Minh', () => {
    const h = new ConsolidationHarness().create();
    h.now = '2026-06-01T17:30:00.000Z'; // already 2 June, 00:30 local
    refusedWith(h.send(approve({ decisionDate: '2026-06-03' })), 'VALIDATION_FAILED', 'decisionDate');
    expect(h.send(approve({ decisionDate: '2026-06-02' })).ok).toBe(true);
  });

  it('needs the decision number, a date and the signer', () => {
    const h = new ConsolidationHarness().create();
    refusedWith(h.send(approve({ decisionNumber: ' ' })), 'VALIDATION_FAILED', 'decisionNumber');
    refusedWith(h.send(approve({ decisionDate: '01/06/2026' })), 'VALIDATION_FAILED', 'decisionDate');
    refusedWith(h.send(approve({ signer: undefined })), 'VALIDATION_FAILED', 'signer');
    expect(h.s.status).toBe('PENDING_APPROVAL');
  });

  it('is the leadership’s: a consolidator, an appraiser or the system cannot approve', () => {
    const h = new ConsolidationHarness().create();
    for (const actor of [actors.consolidator, actors.finalAppraiser, actors.admin, actors.system])
      refusedWith(h.send(approve({ actor })), 'FORBIDDEN');
  });

  it('is refused with INVALID_TRANSITION unless PENDING_APPROVAL (a second approval, after a return)', () => {
    const approved = new ConsolidationHarness().create();
    approved.must(approve());
    refusedWith(approved.send(approve()), 'INVALID_TRANSITION');
    refusedWith(
      approved.send({ type: 'ReturnConsolidation', actor: actors.leader, reason: 'x' }),
      'INVALID_TRANSITION',
    );
    const returned = new ConsolidationHarness().create();
    returned.must({ type: 'ReturnConsolidation', actor: actors.leader, reason: 'Thiếu cụm 5' });
    refusedWith(returned.send(approve()), 'INVALID_TRANSITION');
  });

  it('an unknown consolidation is NOT_FOUND', () => {
    refusedWith(decideConsolidation(null, approve(), { now: '2026-06-01T09:00:00Z' }), 'NOT_FOUND');
  });

  it('sends each plan StartRollout, which the plan accepts from APPROVED and moves to IN_ROLLOUT', () => {
    const h = new ConsolidationHarness().create({ plans: [frozenPlan({ planId: 'plan-1' })] });
    expect(rolloutCommands(h.s, actors.leader as UserActor)).toEqual([]); // not before approval
    h.must(approve());
    const commands = rolloutCommands(h.s, actors.leader as UserActor);
    expect(commands).toEqual([
      {
        planId: 'plan-1',
        command: { type: 'StartRollout', actor: actors.leader, consolidationId: 'cons-1' },
      },
    ]);
    const plan = new PlanHarness().create().submit().approveStage1().approveFinal();
    expect(plan.s.status).toBe('APPROVED');
    plan.must(commands[0].command);
    expect(plan.s.status).toBe('IN_ROLLOUT');
    expect(plan.s.rollout?.consolidationId).toBe('cons-1');
    expect(plan.s.decisionRecord).toEqual(DECISION_RECORD);
    // A redelivered command is refused by the plan, which is already in rollout: the host counts it done.
    const again = plan.send(commands[0].command);
    expect(again.ok ? 'accepted' : again.error.code).toBe('INVALID_TRANSITION');
  });
});

describe('ReturnConsolidation', () => {
  it('records the reason, who and when; the consolidation is RETURNED', () => {
    const h = new ConsolidationHarness().create();
    const [returned] = h.must({
      type: 'ReturnConsolidation',
      actor: actors.leader,
      reason: '  Bổ sung số liệu  ',
    });
    expect(returned).toEqual({
      type: 'ConsolidationReturned',
      reason: 'Bổ sung số liệu',
      returnedAt: h.now,
      by: { userId: 'u-leader', displayName: 'User u-leader', organizationId: 'org-vufo' },
    });
    expect(h.s).toMatchObject({ status: 'RETURNED', returnReason: 'Bổ sung số liệu', decision: null });
    expect(replayConsolidation(h.events)).toEqual(h.s);
  });

  it('needs a reason and a leader', () => {
    const h = new ConsolidationHarness().create();
    refusedWith(
      h.send({ type: 'ReturnConsolidation', actor: actors.leader, reason: ' ' }),
      'VALIDATION_FAILED',
      'reason',
    );
    refusedWith(
      h.send({ type: 'ReturnConsolidation', actor: actors.consolidator, reason: 'x' }),
      'FORBIDDEN',
    );
    expect(h.s.status).toBe('PENDING_APPROVAL');
  });
});

describe('nextConsolidation: which plans go in, and the number', () => {
  const plan = (
    planId: string,
    status: 'APPROVED' | 'IN_ROLLOUT' | 'DRAFT',
    approvedAt: string | null,
    heldBy: null | { consolidationId: string; status: 'PENDING_APPROVAL' | 'APPROVED' | 'RETURNED' } = null,
  ) => ({
    planId,
    organizationId: `org-${planId}`,
    status,
    approvedAt,
    heldBy,
  });

  it('takes every APPROVED plan no approved or pending consolidation holds, oldest approval first; number 1 is the national plan', () => {
    const next = nextConsolidation(
      [
        plan('p2', 'APPROVED', '2026-05-02T00:00:00Z'),
        plan('p1', 'APPROVED', '2026-05-01T00:00:00Z'),
        plan('p3', 'DRAFT', null),
      ],
      [],
    );
    expect(next).toEqual({ number: 1, planIds: ['p1', 'p2'], pendingConsolidationId: null });
  });

  it('a plan approved late goes into supplementary consolidation 2; a returned one lets its plans go and is superseded', () => {
    const next = nextConsolidation(
      [
        plan('p1', 'IN_ROLLOUT', '2026-05-01T00:00:00Z', { consolidationId: 'c1', status: 'APPROVED' }),
        // approved by the leadership, StartRollout not delivered yet: still held
        plan('p2', 'APPROVED', '2026-05-02T00:00:00Z', { consolidationId: 'c1', status: 'APPROVED' }),
        plan('p4', 'APPROVED', '2026-07-02T00:00:00Z', { consolidationId: 'c2', status: 'RETURNED' }),
        plan('p5', 'APPROVED', '2026-07-01T00:00:00Z'),
      ],
      [
        { id: 'c1', number: 1, status: 'APPROVED' },
        { id: 'c2', number: 2, status: 'RETURNED' },
      ],
    );
    expect(next).toEqual({ number: 2, planIds: ['p5', 'p4'], pendingConsolidationId: null });
  });

  it('names the pending consolidation, whose plans are held', () => {
    const next = nextConsolidation(
      [plan('p1', 'APPROVED', '2026-05-01T00:00:00Z', { consolidationId: 'c1', status: 'PENDING_APPROVAL' })],
      [{ id: 'c1', number: 1, status: 'PENDING_APPROVAL' }],
    );
    expect(next).toEqual({ number: 1, planIds: [], pendingConsolidationId: 'c1' });
  });
});

describe('missingUnions', () => {
  it('lists active unions with no consolidated plan, with their plan status (a live plan first) or null', () => {
    const unions = [
      { organizationId: 'hp', organizationName: 'Hải Phòng', status: 'ACTIVE' as const },
      { organizationId: 'hd', organizationName: 'Hải Dương', status: 'MERGED' as const },
      { organizationId: 'dn', organizationName: 'Đà Nẵng', status: 'ACTIVE' as const },
      { organizationId: 'hn', organizationName: 'Hà Nội', status: 'ACTIVE' as const },
      { organizationId: 'ct', organizationName: 'Cần Thơ', status: 'ACTIVE' as const },
    ];
    const plans = [
      { planId: 'p-hp', organizationId: 'hp', status: 'APPROVED' as const },
      { planId: 'p-dn-old', organizationId: 'dn', status: 'REJECTED' as const },
      { planId: 'p-dn', organizationId: 'dn', status: 'REVISION_REQUESTED' as const },
      { planId: 'p-ct', organizationId: 'ct', status: 'WITHDRAWN' as const },
    ];
    expect(missingUnions(unions, plans, ['p-hp'])).toEqual([
      { organizationId: 'ct', organizationName: 'Cần Thơ', planStatus: 'WITHDRAWN' },
      { organizationId: 'dn', organizationName: 'Đà Nẵng', planStatus: 'REVISION_REQUESTED' },
      { organizationId: 'hn', organizationName: 'Hà Nội', planStatus: null },
    ]);
  });
});

describe('roll-up labels', () => {
  it('are Vietnamese when recorded and relabelled by key for English', () => {
    const h = new ConsolidationHarness().create({ provinces: PROVINCES });
    expect(h.s.rollups.byPartnerCountry.map((r) => [r.key, r.label])).toEqual([
      ['LA', 'LA'],
      ['MULTIPLE', 'Nhiều quốc gia'],
      ['NONE', 'Không có quốc gia đối tác'],
    ]);
    const en = relabelRollups(h.s.rollups, 'en', (c) => (c === 'LA' ? 'Laos' : undefined));
    expect(en.byPartnerCountry.map((r) => r.label)).toEqual([
      'Laos',
      'Several countries',
      'No partner country',
    ]);
    expect(en.byActivityType.map((r) => r.label)).toEqual([
      'Delegations in',
      'International conferences',
      'Training',
    ]);
    expect(en.byProvince).toEqual(h.s.rollups.byProvince);
    expect(en.total).toEqual(h.s.rollups.total);
  });

  it('carry a user acting for another in the audit (who)', () => {
    const deputy = user('u-deputy', 'org-vufo', ['LEADER'], { userId: 'u-leader', displayName: 'Chủ tịch' });
    const h = new ConsolidationHarness().create();
    const [e] = h.must(approve({ actor: deputy }));
    expect(e).toMatchObject({
      by: { userId: 'u-deputy', actingFor: { userId: 'u-leader', displayName: 'Chủ tịch' } },
    });
  });
});
