import {
  AGENCIES,
  AGENCY,
  DEADLINE,
  DECISION_RECORD,
  OPEN_CYCLE,
  PlanHarness,
  TERMS,
  UNION,
  actors,
  approveAll,
  content,
} from '../../test/plan-fixtures';
import {
  decide,
  deadlines,
  evolve,
  parseTimerKey,
  PLAN_TRANSITIONS,
  refusalBeforeStatus,
  replay,
  timerKeys,
  validateRoute,
} from './index';
import type { Actor, Decision, PlanCommand, PlanContent, PlanEvent } from './types';

const local = (s: string) => new Date(`${s}+07:00`).toISOString();

function refusedWith(d: Decision, code: string, field?: string | RegExp) {
  if (d.ok) throw new Error(`accepted: ${JSON.stringify(d.events.map((e) => e.type))}`);
  expect(d.error.code).toBe(code);
  if (field !== undefined) {
    const fields = (d.error.errors ?? []).map((e) => `${e.field} ${e.message}`);
    expect(fields.some((f) => (typeof field === 'string' ? f.includes(field) : field.test(f)))).toBe(true);
  }
}

function types(d: Decision): string[] {
  if (!d.ok) throw new Error(`refused: ${d.error.code} ${d.error.message}`);
  return d.events.map((e) => e.type);
}

const edit = (actor: Actor): PlanCommand => ({
  type: 'EditContent',
  actor,
  change: { kind: 'ACTIVITY_ADDED', summary: 'Added HD03' },
});
const submitBy = (actor: Actor, c: PlanContent = content()): PlanCommand => ({
  type: 'Submit',
  actor,
  content: c,
  agencies: AGENCIES,
});

describe('rules the state machine enforces (DOMAIN.md)', () => {
  it("only the plan's own union edits or submits it", () => {
    const h = new PlanHarness().create();
    refusedWith(h.send(edit(actors.otherEditor)), 'FORBIDDEN');
    refusedWith(h.send(submitBy(actors.otherEditor)), 'FORBIDDEN');
    refusedWith(h.send(edit(actors.consolidator)), 'FORBIDDEN');
    refusedWith(h.send(submitBy(actors.leader)), 'FORBIDDEN');
    refusedWith(h.send(submitBy(actors.editor)), 'FORBIDDEN'); // an editor drafts; the submitter submits
    refusedWith(h.send(submitBy(actors.system)), 'FORBIDDEN');
    expect(types(h.send(edit(actors.editor)))).toEqual(['ContentEdited']);
    expect(types(h.send(submitBy(actors.submitter)))).toEqual([
      'PlanSubmitted',
      'ReviewOpened',
      'ReviewOpened',
    ]);
  });

  it('... only in DRAFT or REVISION_REQUESTED', () => {
    const h = new PlanHarness().create().submit();
    expect(h.s.status).toBe('IN_APPRAISAL');
    refusedWith(h.send(edit(actors.editor)), 'INVALID_TRANSITION');
    refusedWith(h.send(submitBy(actors.submitter)), 'INVALID_TRANSITION');
    h.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: h.review('CONTENT').id,
      decision: 'REQUEST_REVISION',
      comment: 'Add expected results',
    });
    expect(h.s.status).toBe('REVISION_REQUESTED');
    expect(types(h.send(edit(actors.editor)))).toEqual(['ContentEdited']);
    h.submit();
    h.approveStage1().approveFinal();
    expect(h.s.status).toBe('APPROVED');
    refusedWith(h.send(edit(actors.editor)), 'INVALID_TRANSITION');
    refusedWith(h.send(submitBy(actors.submitter)), 'INVALID_TRANSITION');
  });

  it('a submitted version is immutable', () => {
    const h = new PlanHarness().create();
    const c = content();
    h.submit(c);
    const snapshot = JSON.stringify(h.s.content);
    // The host's object changing afterwards does not reach the recorded version.
    c.activities[0].budgetLines[0].requestedAmount = '1';
    c.title = 'changed';
    expect(JSON.stringify(h.s.content)).toBe(snapshot);
    const submitted = h.events.find((e) => e.type === 'PlanSubmitted') as Extract<
      PlanEvent,
      { type: 'PlanSubmitted' }
    >;
    expect(submitted.content.title).toBe('External affairs plan 2027');
    // No edit while it is being judged; a change is a new version through the route again.
    refusedWith(h.send(edit(actors.editor)), 'INVALID_TRANSITION');
    h.must({
      type: 'DecideReview',
      actor: actors.budgetAppraiser,
      reviewId: h.review('BUDGET').id,
      decision: 'REQUEST_REVISION',
      comment: 'Too much',
    });
    h.submit(content({ title: 'Revised plan' }));
    expect(h.s.version).toBe(2);
    expect(submitted.content.title).toBe('External affairs plan 2027');
    expect(h.s.content!.title).toBe('Revised plan');
  });

  it('a plan with no activity cannot be submitted', () => {
    const h = new PlanHarness().create();
    refusedWith(
      h.send(submitBy(actors.submitter, content({ activities: [] }))),
      'RULE_VIOLATION',
      'at least one activity',
    );
  });

  it('an activity with no budget line cannot be submitted (the error names it)', () => {
    const h = new PlanHarness().create();
    const c = content();
    c.activities[1].budgetLines = [];
    refusedWith(h.send(submitBy(actors.submitter, c)), 'RULE_VIOLATION', 'activity HD02 has no budget line');
  });

  it.each([['-5'], ['1.5'], ['abc'], ['1e6'], [''], [-5], [1.5]])(
    'a negative or non-integer amount (%p) cannot be submitted',
    (amount) => {
      const h = new PlanHarness().create();
      const c = content();
      (c.activities[0].budgetLines[1] as { requestedAmount: unknown }).requestedAmount = amount;
      refusedWith(
        h.send(submitBy(actors.submitter, c)),
        'RULE_VIOLATION',
        'content.activities[0].budgetLines[1].requestedAmount',
      );
      expect(h.s.status).toBe('DRAFT');
    },
  );

  it('a review decision comes only from a user of the assigned agency', () => {
    const h = new PlanHarness().create().submit();
    const reviewId = h.review('BUDGET').id;
    const lines = approveAll(h.s);
    const by = (actor: Actor) =>
      h.send({ type: 'DecideReview', actor, reviewId, decision: 'APPROVE', lines });
    refusedWith(by(actors.otherAgencyAppraiser), 'FORBIDDEN');
    refusedWith(by(actors.contentAppraiser), 'FORBIDDEN'); // right province, wrong agency
    refusedWith(by(actors.budgetClerk), 'FORBIDDEN'); // right agency, not an appraiser
    refusedWith(by(actors.consolidator), 'FORBIDDEN');
    refusedWith(by(actors.system), 'FORBIDDEN');
    expect(types(by(actors.budgetAppraiser))).toEqual(['ReviewDecided']);
  });

  it('nobody appraises a plan of their own organisation (separation of duties)', () => {
    const h = new PlanHarness().create().submit();
    const d = h.send({
      type: 'DecideReview',
      actor: actors.unionAppraiser,
      reviewId: h.review('CONTENT').id,
      decision: 'APPROVE',
    });
    refusedWith(d, 'SEPARATION_OF_DUTIES');
    // Nor can the union be routed to itself.
    const g = new PlanHarness().create();
    refusedWith(
      g.send({
        type: 'Submit',
        actor: actors.submitter,
        content: content(),
        agencies: { ...AGENCIES, BUDGET: { id: UNION } },
      }),
      'SEPARATION_OF_DUTIES',
      'agencies.BUDGET',
    );
  });

  it('... once per review', () => {
    const h = new PlanHarness().create().submit();
    const reviewId = h.review('CONTENT').id;
    h.must({ type: 'DecideReview', actor: actors.contentAppraiser, reviewId, decision: 'APPROVE' });
    refusedWith(
      h.send({ type: 'DecideReview', actor: actors.contentAppraiser, reviewId, decision: 'APPROVE' }),
      'ALREADY_DECIDED',
    );
    refusedWith(
      h.send({
        type: 'DecideReview',
        actor: actors.contentAppraiser,
        reviewId,
        decision: 'REJECT',
        comment: 'changed my mind',
      }),
      'ALREADY_DECIDED',
    );
  });

  describe("a budget reviewer's approval sets an approved amount for every line, each between 0 and the requested amount", () => {
    const setup = () => {
      const h = new PlanHarness().create().submit();
      const reviewId = h.review('BUDGET').id;
      const decideWith = (lines: { budgetLineId: string; approvedAmount: string }[] | undefined) =>
        h.send({ type: 'DecideReview', actor: actors.budgetAppraiser, reviewId, decision: 'APPROVE', lines });
      return { h, decideWith };
    };

    it('refuses an approval with no lines', () => {
      refusedWith(setup().decideWith(undefined), 'VALIDATION_FAILED', 'bl-1');
    });

    it('refuses a missing line, naming it', () => {
      const { h, decideWith } = setup();
      refusedWith(
        decideWith(approveAll(h.s).filter((l) => l.budgetLineId !== 'bl-3')),
        'VALIDATION_FAILED',
        'budget line bl-3 needs an approved amount',
      );
    });

    it.each([['45000001'], ['-1'], ['1.5'], ['x'], ['']])(
      'refuses an approved amount of %p, naming the line',
      (amount) => {
        const { h, decideWith } = setup();
        const lines = approveAll(h.s).map((l) =>
          l.budgetLineId === 'bl-1' ? { ...l, approvedAmount: amount } : l,
        );
        refusedWith(decideWith(lines), 'VALIDATION_FAILED', /lines\[0\]\.approvedAmount budget line bl-1/);
      },
    );

    it('refuses unknown and repeated line ids', () => {
      const { h, decideWith } = setup();
      refusedWith(
        decideWith([...approveAll(h.s), { budgetLineId: 'bl-404', approvedAmount: '0' }]),
        'VALIDATION_FAILED',
        'no budget line bl-404',
      );
      refusedWith(
        decideWith([...approveAll(h.s), { budgetLineId: 'bl-1', approvedAmount: '0' }]),
        'VALIDATION_FAILED',
        'appears twice',
      );
    });

    it('accepts 0 and exactly the requested amount', () => {
      const { h, decideWith } = setup();
      const lines = [
        { budgetLineId: 'bl-1', approvedAmount: '45000000' },
        { budgetLineId: 'bl-2', approvedAmount: '0' },
        { budgetLineId: 'bl-3', approvedAmount: '0019000000' },
      ];
      expect(types(decideWith(lines))).toEqual(['ReviewDecided']);
      expect(h.s.reviews.find((r) => r.function === 'BUDGET')!.lines!.map((l) => l.approvedAmount)).toEqual([
        '45000000',
        '0',
        '19000000',
      ]);
    });

    it('refuses lines on a review that is not the BUDGET review', () => {
      const h = new PlanHarness().create().submit();
      const d = h.send({
        type: 'DecideReview',
        actor: actors.contentAppraiser,
        reviewId: h.review('CONTENT').id,
        decision: 'APPROVE',
        lines: approveAll(h.s),
      });
      refusedWith(d, 'VALIDATION_FAILED', 'only on a BUDGET review');
    });
  });

  it.each([['REQUEST_REVISION'], ['REJECT']] as const)('a %s carries a reason', (decision) => {
    const h = new PlanHarness().create().submit();
    const reviewId = h.review('CONTENT').id;
    for (const comment of [undefined, '', '   ']) {
      refusedWith(
        h.send({ type: 'DecideReview', actor: actors.contentAppraiser, reviewId, decision, comment }),
        'VALIDATION_FAILED',
        'comment',
      );
    }
    expect(
      types(
        h.send({
          type: 'DecideReview',
          actor: actors.contentAppraiser,
          reviewId,
          decision,
          comment: 'Reason',
        }),
      )[0],
    ).toBe('ReviewDecided');
  });

  it('decisions on a version that is no longer current are rejected (stale)', () => {
    const h = new PlanHarness().create().submit();
    const oldContent = h.review('CONTENT').id;
    const oldBudget = h.review('BUDGET').id;
    h.must({
      type: 'DecideReview',
      actor: actors.budgetAppraiser,
      reviewId: oldBudget,
      decision: 'REQUEST_REVISION',
      comment: 'Cut venue costs',
    });
    h.submit();
    expect(h.s.round).toBe(2);
    refusedWith(
      h.send({
        type: 'DecideReview',
        actor: actors.contentAppraiser,
        reviewId: oldContent,
        decision: 'APPROVE',
      }),
      'STALE_VERSION',
    );
    refusedWith(
      h.send({
        type: 'DecideReview',
        actor: actors.budgetAppraiser,
        reviewId: oldBudget,
        decision: 'APPROVE',
        lines: approveAll(h.s),
      }),
      'STALE_VERSION',
    );
  });

  it('the same command sent twice has effect once (the repeat is refused or ignored; the idempotency key itself is the host’s)', () => {
    const h = new PlanHarness().create();
    h.submit();
    refusedWith(h.send(submitBy(actors.submitter)), 'INVALID_TRANSITION');
    const reviewId = h.review('CONTENT').id;
    const approve: PlanCommand = {
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId,
      decision: 'APPROVE',
    };
    h.must(approve);
    refusedWith(h.send(approve), 'ALREADY_DECIDED');
    const [sla] = deadlines(h.s).filter((d) => d.timer === 'REVIEW_SLA');
    h.at(sla.dueAt);
    const fire: PlanCommand = {
      type: 'DeadlineReached',
      actor: actors.system,
      key: sla.key,
      timer: sla.timer,
      dueAt: sla.dueAt,
    };
    expect(types(h.send(fire))).toEqual(['ReviewOverdue']);
    const again = h.send(fire);
    expect(again).toEqual({ ok: true, events: [], note: expect.stringMatching(/already fired/) });
    expect(h.events.filter((e) => e.type === 'ReviewOverdue')).toHaveLength(1);
  });
});

describe('CreatePlan', () => {
  it('starts the stream in DRAFT with the cycle terms and the submission reminders', () => {
    const h = new PlanHarness();
    const [created] = h.must({
      type: 'CreatePlan',
      actor: actors.editor,
      planId: 'p',
      cycleId: 'c',
      organizationId: UNION,
      title: ' Plan ',
      cycle: TERMS,
      ...OPEN_CYCLE,
    });
    expect(created).toMatchObject({
      type: 'PlanCreated',
      title: 'Plan',
      terms: { ...TERMS, reminderWorkingDays: [5, 1], rolloutReportDay: 15 },
      submissionReminders: [
        { key: 'submission-reminder:5', daysBefore: 5, dueAt: local('2026-06-23T23:59:59.999') },
        { key: 'submission-reminder:1', daysBefore: 1, dueAt: local('2026-06-29T23:59:59.999') },
      ],
      by: { userId: 'u-editor', organizationId: UNION },
    });
    expect(h.s.status).toBe('DRAFT');
    expect(h.s.version).toBe(0);
  });

  it('leaves out reminders already past', () => {
    const h = new PlanHarness().at(local('2026-06-26T10:00:00'));
    h.create();
    expect(h.s.submissionReminders.map((r) => r.key)).toEqual(['submission-reminder:1']);
  });

  it('is for a PLAN_EDITOR of the union itself', () => {
    const h = new PlanHarness();
    const base = {
      type: 'CreatePlan',
      planId: 'p',
      cycleId: 'c',
      organizationId: UNION,
      title: 'x',
      cycle: TERMS,
      ...OPEN_CYCLE,
    } as const;
    refusedWith(h.send({ ...base, actor: actors.otherEditor }), 'FORBIDDEN');
    refusedWith(h.send({ ...base, actor: actors.consolidator }), 'FORBIDDEN');
    refusedWith(h.send({ ...base, actor: actors.system }), 'FORBIDDEN');
  });

  it('validates the cycle terms and the route', () => {
    const h = new PlanHarness();
    const send = (cycle: unknown, title = 'x') =>
      h.send({
        type: 'CreatePlan',
        actor: actors.editor,
        planId: 'p',
        cycleId: 'c',
        organizationId: UNION,
        title,
        cycle,
        ...OPEN_CYCLE,
      } as PlanCommand);
    refusedWith(
      send({ ...TERMS, submissionDeadline: 'soon' }),
      'VALIDATION_FAILED',
      'cycle.submissionDeadline',
    );
    refusedWith(send({ ...TERMS, reviewSlaDays: 0 }), 'VALIDATION_FAILED', 'cycle.reviewSlaDays');
    refusedWith(send({ ...TERMS, revisionSlaDays: 1.5 }), 'VALIDATION_FAILED', 'cycle.revisionSlaDays');
    refusedWith(
      send({ ...TERMS, reminderWorkingDays: [0] }),
      'VALIDATION_FAILED',
      'cycle.reminderWorkingDays',
    );
    refusedWith(send({ ...TERMS, route: [] }), 'VALIDATION_FAILED', 'cycle.route');
    refusedWith(
      send({ ...TERMS, route: [{ stage: 1, functions: ['AUDIT'] }] }),
      'VALIDATION_FAILED',
      'cycle.route[0].functions',
    );
    refusedWith(
      send({
        ...TERMS,
        route: [
          { stage: 1, functions: ['CONTENT'] },
          { stage: 1, functions: ['FINAL'] },
        ],
      }),
      'VALIDATION_FAILED',
      'cycle.route[1].stage',
    );
    refusedWith(send(TERMS, '  '), 'VALIDATION_FAILED', 'title');
    // One route rule with the API (validateRoute): stages 1..n in order, each function once.
    refusedWith(
      send({
        ...TERMS,
        route: [
          { stage: 2, functions: ['BUDGET', 'CONTENT'] },
          { stage: 5, functions: ['FINAL'] },
        ],
      }),
      'VALIDATION_FAILED',
      'cycle.route[0].stage expected 1',
    );
    refusedWith(
      send({
        ...TERMS,
        route: [
          { stage: 1, functions: ['BUDGET', 'CONTENT'] },
          { stage: 2, functions: ['CONTENT', 'FINAL'] },
        ],
      }),
      'VALIDATION_FAILED',
      'cycle.route[1].functions CONTENT repeated',
    );
    const d = send({
      ...TERMS,
      route: [
        { stage: 1, functions: ['BUDGET', 'CONTENT', 'BUDGET'] },
        { stage: 2, functions: ['FINAL'] },
      ],
      rolloutReportDay: 10,
    });
    expect(d.ok && d.events[0].type === 'PlanCreated' && d.events[0].terms).toMatchObject({
      route: [
        { stage: 1, functions: ['BUDGET', 'CONTENT'] },
        { stage: 2, functions: ['FINAL'] },
      ],
      rolloutReportDay: 10,
    });
  });

  it('refuses a closed cycle, then a second live plan, from the facts the host read', () => {
    const h = new PlanHarness();
    const base = {
      type: 'CreatePlan',
      actor: actors.editor,
      planId: 'p',
      cycleId: 'c',
      organizationId: UNION,
      title: 'x',
      cycle: TERMS,
    } as const;
    const closed = h.send({ ...base, cycleYear: 2026, cycleStatus: 'CLOSED', livePlanId: 'p-0' });
    expect(closed).toEqual({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: 'The 2026 cycle is not open for new plans.' },
    });
    const live = h.send({ ...base, ...OPEN_CYCLE, livePlanId: 'p-0' });
    expect(live).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Your union already has a plan in this cycle (p-0).' },
    });
    // The host asks the same guards before it allocates the stream's row.
    expect(refusalBeforeStatus(null, { ...base, ...OPEN_CYCLE, livePlanId: 'p-0' })).toEqual(
      live.ok ? null : live.error,
    );
    expect(refusalBeforeStatus(null, { ...base, ...OPEN_CYCLE })).toBeNull();
    // Guards come after who: another union's editor is FORBIDDEN whatever the facts.
    refusedWith(
      h.send({
        ...base,
        cycleYear: 2026,
        cycleStatus: 'CLOSED',
        livePlanId: null,
        actor: actors.otherEditor,
      }),
      'FORBIDDEN',
    );
  });

  it("validates a route with the API's field names too", () => {
    const api = (i?: number) => (i === undefined ? 'route' : `route.${i}`);
    expect(validateRoute([{ stage: 1, functions: ['CONTENT', 'CONTENT'] }], api)).toEqual({
      ok: true,
      route: [{ stage: 1, functions: ['CONTENT'] }],
    });
    const bad = validateRoute(
      [
        { stage: 1, functions: ['CONTENT'] },
        { stage: 3, functions: ['FINAL'] },
        { stage: 3, functions: ['CONTENT'] },
        { stage: 4, functions: [] },
      ],
      api,
    );
    expect(bad.ok ? [] : bad.error.errors).toEqual([
      { field: 'route.1.stage', message: 'expected 2' },
      { field: 'route.2.functions', message: 'CONTENT repeated' },
      { field: 'route.3.functions', message: 'one or more of CONTENT, BUDGET, FINAL' },
    ]);
  });

  it('cannot create a plan twice; other commands need a plan', () => {
    const h = new PlanHarness().create();
    refusedWith(
      h.send({
        type: 'CreatePlan',
        actor: actors.editor,
        planId: 'plan-1',
        cycleId: 'c',
        organizationId: UNION,
        title: 'x',
        cycle: TERMS,
        ...OPEN_CYCLE,
      }),
      'INVALID_TRANSITION',
    );
    refusedWith(decide(null, submitBy(actors.submitter), new PlanHarness().ctx()), 'NOT_FOUND');
  });

  it('refuses an unknown command', () => {
    refusedWith(
      decide(
        null,
        { type: 'Approve', actor: actors.admin } as unknown as PlanCommand,
        new PlanHarness().ctx(),
      ),
      'VALIDATION_FAILED',
    );
  });
});

describe('EditContent', () => {
  it('records the change with its author; needs a kind and a summary', () => {
    const h = new PlanHarness().create();
    const [e] = h.must({
      type: 'EditContent',
      actor: actors.editor,
      change: { kind: 'BUDGET_LINE_CHANGED', summary: 'bl-1 amount', details: { from: '1', to: '2' } },
    });
    expect(e).toMatchObject({
      type: 'ContentEdited',
      change: { details: { from: '1', to: '2' } },
      by: { userId: 'u-editor' },
    });
    expect(h.s.editCount).toBe(1);
    refusedWith(
      h.send({ type: 'EditContent', actor: actors.editor, change: { kind: '', summary: 'x' } }),
      'VALIDATION_FAILED',
      'change.kind',
    );
  });
});

describe('Submit', () => {
  it('records version 1 and opens every stage-1 review with its SLA and reminder', () => {
    const h = new PlanHarness().create();
    const events = h.must(submitBy(actors.submitter));
    expect(events[0]).toMatchObject({
      type: 'PlanSubmitted',
      version: 1,
      round: 1,
      late: false,
      submittedAt: h.now,
    });
    const opened = events.slice(1);
    expect(opened).toEqual([
      {
        type: 'ReviewOpened',
        reviewId: 'rv-1',
        round: 1,
        stage: 1,
        function: 'CONTENT',
        agencyId: AGENCY.CONTENT,
        agencyName: 'Foreign Affairs Dept',
        openedAt: h.now,
        dueAt: local('2026-06-15T09:00:00'), // 10 working days after Monday 1 June 09:00
        reminderAt: local('2026-06-12T09:00:00'),
      },
      expect.objectContaining({ reviewId: 'rv-2', function: 'BUDGET', agencyId: AGENCY.BUDGET }),
    ]);
    expect(h.s).toMatchObject({ status: 'IN_APPRAISAL', version: 1, round: 1, currentStage: 1 });
  });

  it('normalises amounts to canonical decimal strings', () => {
    const h = new PlanHarness().create();
    const c = content();
    c.activities[0].budgetLines[0].requestedAmount = '0045000000';
    (c.activities[0].budgetLines[1] as { requestedAmount: unknown }).requestedAmount = 6000000;
    h.submit(c);
    expect(h.s.content!.activities[0].budgetLines.map((l) => l.requestedAmount)).toEqual([
      '45000000',
      '6000000',
    ]);
  });

  it('keeps extra scalar fields the host sends', () => {
    const h = new PlanHarness().create();
    const c = content();
    c.activities[0].partnerCountries = ['LA'];
    c.activities[0].budgetLines[0].unitCost = '9000000';
    h.submit(c);
    expect(h.s.content!.activities[0]).toMatchObject({
      partnerCountries: ['LA'],
      budgetLines: [expect.objectContaining({ unitCost: '9000000' }), expect.anything()],
    });
  });

  it('cannot be routed when the union has no agency for a function (NO_AGENCY_FOR_FUNCTION names it)', () => {
    const h = new PlanHarness().create();
    const d = h.send({
      type: 'Submit',
      actor: actors.submitter,
      content: content(),
      agencies: { CONTENT: AGENCIES.CONTENT, FINAL: AGENCIES.FINAL },
    });
    refusedWith(d, 'NO_AGENCY_FOR_FUNCTION', 'agencies.BUDGET');
    expect(!d.ok && d.error.message).toMatch(/BUDGET/);
  });

  it('refuses malformed content (duplicate ids, unknown category)', () => {
    const h = new PlanHarness().create();
    const c = content();
    c.activities[1].budgetLines[0].id = 'bl-1';
    refusedWith(h.send(submitBy(actors.submitter, c)), 'VALIDATION_FAILED', 'budgetLines[0].id');
    const d = content();
    d.activities[0].budgetLines[0].category = 'CAVIAR';
    refusedWith(h.send(submitBy(actors.submitter, d)), 'VALIDATION_FAILED', 'category');
  });

  it('accepts a late submission and records it', () => {
    const h = new PlanHarness().create().at(local('2026-07-01T08:00:00'));
    const [submitted] = h.must(submitBy(actors.submitter));
    expect(submitted).toMatchObject({ type: 'PlanSubmitted', late: true });
    expect(h.s.submittedLate).toBe(true);
  });

  it('a resubmission is the next version, opens stage 1 again, and is late only after the revision due time', () => {
    const h = new PlanHarness().create().submit();
    h.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: h.review('CONTENT').id,
      decision: 'REQUEST_REVISION',
      comment: 'More detail',
    });
    h.at(local('2026-06-03T10:00:00'));
    const events = h.must(submitBy(actors.submitter));
    expect(events.map((e) => e.type)).toEqual(['PlanSubmitted', 'ReviewOpened', 'ReviewOpened']);
    expect(events[0]).toMatchObject({ version: 2, round: 2, late: false });
    expect(h.pending().map((r) => [r.round, r.stage, r.function])).toEqual([
      [2, 1, 'CONTENT'],
      [2, 1, 'BUDGET'],
    ]);
  });
});

describe('DecideReview', () => {
  it('opens stage 2 only when every stage-1 review approved', () => {
    const h = new PlanHarness().create().submit();
    const first = h.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: h.review('CONTENT').id,
      decision: 'APPROVE',
    });
    expect(first.map((e) => e.type)).toEqual(['ReviewDecided']);
    const second = h.must({
      type: 'DecideReview',
      actor: actors.budgetAppraiser,
      reviewId: h.review('BUDGET').id,
      decision: 'APPROVE',
      lines: approveAll(h.s),
    });
    expect(second.map((e) => e.type)).toEqual(['ReviewDecided', 'ReviewOpened']);
    expect(second[1]).toMatchObject({ stage: 2, function: 'FINAL', agencyId: AGENCY.FINAL, round: 1 });
    expect(h.s.currentStage).toBe(2);
  });

  it('the approval completing the last stage carries the decision record and fixes the approved amounts', () => {
    const h = new PlanHarness().create().submit().approveStage1(50n);
    const reviewId = h.review('FINAL').id;
    refusedWith(
      h.send({ type: 'DecideReview', actor: actors.finalAppraiser, reviewId, decision: 'APPROVE' }),
      'VALIDATION_FAILED',
      'decisionRecord',
    );
    refusedWith(
      h.send({
        type: 'DecideReview',
        actor: actors.finalAppraiser,
        reviewId,
        decision: 'APPROVE',
        decisionRecord: { number: '1', date: '2026-02-30', signer: 'x' },
      }),
      'VALIDATION_FAILED',
      'decisionRecord.date',
    );
    h.at(local('2026-06-20T10:00:00'));
    const events = h.must({
      type: 'DecideReview',
      actor: actors.finalAppraiser,
      reviewId,
      decision: 'APPROVE',
      decisionRecord: DECISION_RECORD,
    });
    expect(events.map((e) => e.type)).toEqual(['ReviewDecided', 'PlanApproved']);
    expect(events[1]).toEqual({
      type: 'PlanApproved',
      approvedAmounts: [
        { budgetLineId: 'bl-1', approvedAmount: '22500000' },
        { budgetLineId: 'bl-2', approvedAmount: '3000000' },
        { budgetLineId: 'bl-3', approvedAmount: '10000000' },
      ],
      totals: {
        requested: '71000000',
        approved: '35500000',
        byFundingSource: {
          SOCIALIZATION: { requested: '20000000', approved: '10000000' },
          STATE_BUDGET: { requested: '51000000', approved: '25500000' },
        },
      },
      decisionRecord: DECISION_RECORD,
      approvedAt: h.now,
    });
    expect(h.s).toMatchObject({ status: 'APPROVED', decisionRecord: DECISION_RECORD, approvedAt: h.now });
    expect(deadlines(h.s)).toEqual([]);
  });

  it('with several reviews in the last stage, the record is required on whichever approval completes it', () => {
    const h = new PlanHarness()
      .create({ ...TERMS, route: [{ stage: 1, functions: ['CONTENT', 'FINAL'] }] })
      .submit();
    // The first approval of the stage does not complete it: no record needed.
    h.must({
      type: 'DecideReview',
      actor: actors.finalAppraiser,
      reviewId: h.review('FINAL').id,
      decision: 'APPROVE',
    });
    const reviewId = h.review('CONTENT').id;
    refusedWith(
      h.send({ type: 'DecideReview', actor: actors.contentAppraiser, reviewId, decision: 'APPROVE' }),
      'VALIDATION_FAILED',
      'decisionRecord',
    );
    h.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId,
      decision: 'APPROVE',
      decisionRecord: DECISION_RECORD,
    });
    expect(h.s.status).toBe('APPROVED');
    // No BUDGET function in the route: approved = requested.
    expect(h.s.approvedAmounts!.map((l) => l.approvedAmount)).toEqual(['45000000', '6000000', '20000000']);
    expect(h.s.totals!.approved).toBe('71000000');
  });

  it('a revision request cancels the other pending reviews of the round and sets the revision due time', () => {
    const h = new PlanHarness().create().submit();
    const content_ = h.review('CONTENT').id;
    const budget = h.review('BUDGET').id;
    const events = h.must({
      type: 'DecideReview',
      actor: actors.budgetAppraiser,
      reviewId: budget,
      decision: 'REQUEST_REVISION',
      comment: ' Reduce accommodation ',
    });
    expect(events[1]).toEqual({
      type: 'RevisionRequested',
      reviewId: budget,
      reason: 'Reduce accommodation',
      revisionDueAt: local('2026-06-08T09:00:00'),
      revisionReminderAt: local('2026-06-05T09:00:00'),
      cancelledReviewIds: [content_],
      requestedAt: h.now,
    });
    expect(h.s.status).toBe('REVISION_REQUESTED');
    expect(h.s.reviews.find((r) => r.id === content_)!.status).toBe('CANCELLED');
    expect(h.s.revision).toMatchObject({ reason: 'Reduce accommodation' });
    refusedWith(
      h.send({
        type: 'DecideReview',
        actor: actors.contentAppraiser,
        reviewId: content_,
        decision: 'APPROVE',
      }),
      'INVALID_TRANSITION',
    );
  });

  it('a rejection is terminal and cancels the pending reviews', () => {
    const h = new PlanHarness().create().submit();
    const budget = h.review('BUDGET').id;
    const events = h.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: h.review('CONTENT').id,
      decision: 'REJECT',
      comment: 'Out of scope',
    });
    expect(events[1]).toMatchObject({
      type: 'PlanRejected',
      reason: 'Out of scope',
      cancelledReviewIds: [budget],
    });
    expect(h.s.status).toBe('REJECTED');
    refusedWith(
      h.send({
        type: 'DecideReview',
        actor: actors.budgetAppraiser,
        reviewId: budget,
        decision: 'APPROVE',
        lines: approveAll(h.s),
      }),
      'INVALID_TRANSITION',
    );
    expect(deadlines(h.s)).toEqual([]);
  });

  it('records "X acting for Y" for a delegate', () => {
    const h = new PlanHarness().create().submit();
    const [decided] = h.must({
      type: 'DecideReview',
      actor: actors.delegate,
      reviewId: h.review('BUDGET').id,
      decision: 'APPROVE',
      lines: approveAll(h.s),
    });
    expect(decided).toMatchObject({
      by: {
        userId: 'u-stc-deputy',
        organizationId: AGENCY.BUDGET,
        actingFor: { userId: 'u-stc', displayName: 'User u-stc' },
      },
    });
    expect(h.s.reviews.find((r) => r.function === 'BUDGET')!.decidedBy!.actingFor!.userId).toBe('u-stc');
  });

  it('knows no review it never opened; refuses a decision outside appraisal', () => {
    const h = new PlanHarness().create().submit();
    refusedWith(
      h.send({ type: 'DecideReview', actor: actors.finalAppraiser, reviewId: 'rv-404', decision: 'APPROVE' }),
      'NOT_FOUND',
    );
    refusedWith(
      h.send({
        type: 'DecideReview',
        actor: actors.finalAppraiser,
        reviewId: h.review('CONTENT').id,
        decision: 'APPROVE',
      }),
      'FORBIDDEN',
    );
    refusedWith(
      h.send({
        type: 'DecideReview',
        actor: actors.contentAppraiser,
        reviewId: h.review('CONTENT').id,
        decision: 'MAYBE',
      } as unknown as PlanCommand),
      'VALIDATION_FAILED',
    );
  });
});

describe('Withdraw', () => {
  it('from DRAFT or REVISION_REQUESTED, by the union submitter; terminal', () => {
    const h = new PlanHarness().create();
    refusedWith(h.send({ type: 'Withdraw', actor: actors.editor }), 'FORBIDDEN');
    refusedWith(h.send({ type: 'Withdraw', actor: actors.otherEditor }), 'FORBIDDEN');
    expect(h.must({ type: 'Withdraw', actor: actors.submitter, reason: ' merged ' })[0]).toMatchObject({
      type: 'PlanWithdrawn',
      reason: 'merged',
    });
    expect(h.s.status).toBe('WITHDRAWN');
    refusedWith(h.send(submitBy(actors.submitter)), 'INVALID_TRANSITION');

    const g = new PlanHarness().create().submit();
    refusedWith(g.send({ type: 'Withdraw', actor: actors.submitter }), 'INVALID_TRANSITION');
    g.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: g.review('CONTENT').id,
      decision: 'REQUEST_REVISION',
      comment: 'x',
    });
    expect(g.must({ type: 'Withdraw', actor: actors.submitter })[0]).toEqual({
      type: 'PlanWithdrawn',
      withdrawnAt: g.now,
      by: expect.any(Object),
    });
  });
});

describe('GrantExtension', () => {
  const extend = (actor: Actor, newDeadline: string, reason = 'Provincial merger') =>
    ({ type: 'GrantExtension', actor, newDeadline, reason }) as const;

  it('a LEADER moves the deadline of a DRAFT plan later; the reminders move with it', () => {
    const h = new PlanHarness().create();
    refusedWith(h.send(extend(actors.consolidator, local('2026-07-15T23:59:59.999'))), 'FORBIDDEN');
    refusedWith(h.send(extend(actors.submitter, local('2026-07-15T23:59:59.999'))), 'FORBIDDEN');
    const [e] = h.must(extend(actors.leader, local('2026-07-15T23:59:59.999')));
    expect(e).toMatchObject({
      type: 'SubmissionDeadlineExtended',
      previousDeadline: DEADLINE,
      newDeadline: local('2026-07-15T23:59:59.999'),
      reason: 'Provincial merger',
    });
    expect(h.s.submissionDeadline).toBe(local('2026-07-15T23:59:59.999'));
    expect(deadlines(h.s).map((d) => [d.key, d.dueAt])).toEqual([
      ['submission-reminder:5', local('2026-07-08T23:59:59.999')],
      ['submission-reminder:1', local('2026-07-14T23:59:59.999')],
      ['submission-deadline', local('2026-07-15T23:59:59.999')],
    ]);
    expect(h.s.extensions).toHaveLength(1);
  });

  it('refuses a deadline already past (DEADLINE_PASSED), one not after the current deadline, or no reason', () => {
    const h = new PlanHarness().create();
    refusedWith(h.send(extend(actors.leader, local('2026-05-31T00:00:00'))), 'DEADLINE_PASSED');
    refusedWith(
      h.send(extend(actors.leader, local('2026-06-20T00:00:00'))),
      'VALIDATION_FAILED',
      'not after the current deadline',
    );
    refusedWith(
      h.send(extend(actors.leader, local('2026-07-20T00:00:00'), ' ')),
      'VALIDATION_FAILED',
      'reason',
    );
    refusedWith(h.send(extend(actors.leader, 'next week')), 'VALIDATION_FAILED', 'newDeadline');
  });

  it('clears the overdue flag of an overdue plan', () => {
    const h = new PlanHarness().create().at(local('2026-07-01T00:00:00'));
    h.must({
      type: 'DeadlineReached',
      actor: actors.system,
      key: 'submission-deadline',
      timer: 'SUBMISSION_DEADLINE',
      dueAt: DEADLINE,
    });
    expect(h.s.flags.submissionOverdue).toBe(true);
    h.must(extend(actors.leader, local('2026-07-10T23:59:59.999')));
    expect(h.s.flags.submissionOverdue).toBe(false);
    // Reminders already past at the extension are not scheduled; the new deadline is.
    expect(deadlines(h.s).map((d) => d.key)).toEqual([
      'submission-reminder:5',
      'submission-reminder:1',
      'submission-deadline',
    ]);
  });

  it('only before the first submission', () => {
    const h = new PlanHarness().create().submit();
    refusedWith(h.send(extend(actors.leader, local('2026-07-15T23:59:59.999'))), 'INVALID_TRANSITION');
  });
});

describe('rollout', () => {
  const approved = () => new PlanHarness().create().submit().approveStage1().approveFinal();

  it("RecordProgress: the union's PLAN_EDITOR, in IN_ROLLOUT, for an activity of the plan; audited with its details", () => {
    const h = approved();
    const progress = {
      type: 'RecordProgress',
      actor: actors.editor,
      activityId: 'act-1',
      implementationStatus: 'DONE',
      actualSpend: '12000000',
      results: 'Delegation received',
      reportedOn: '2026-10-01',
    } as const;
    refusedWith(h.send(progress), 'INVALID_TRANSITION');
    h.must({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k' });
    refusedWith(h.send({ ...progress, actor: actors.otherEditor }), 'FORBIDDEN');
    refusedWith(h.send({ ...progress, actor: actors.consolidator }), 'FORBIDDEN');
    refusedWith(h.send({ ...progress, activityId: 'act-9' }), 'NOT_FOUND');
    refusedWith(
      h.send({ ...progress, implementationStatus: 'FINISHED' } as unknown as PlanCommand),
      'VALIDATION_FAILED',
      'implementationStatus',
    );
    refusedWith(h.send({ ...progress, actualSpend: '-1' }), 'VALIDATION_FAILED', 'actualSpend');
    const before = h.s;
    const [recorded] = h.must(progress);
    expect(recorded).toEqual({
      type: 'ProgressRecorded',
      activityId: 'act-1',
      implementationStatus: 'DONE',
      actualSpend: '12000000',
      results: 'Delegation received',
      reportedOn: '2026-10-01',
      recordedAt: h.now,
      by: { userId: 'u-editor', displayName: 'User u-editor', organizationId: UNION },
    });
    expect(h.s).toEqual({ ...before, updatedAt: h.now });
  });

  it('StartRollout: CONSOLIDATOR or LEADER, from APPROVED', () => {
    const h = approved();
    refusedWith(
      h.send({ type: 'StartRollout', actor: actors.submitter, consolidationId: 'k1' }),
      'FORBIDDEN',
    );
    refusedWith(
      h.send({ type: 'StartRollout', actor: actors.consolidator, consolidationId: '' }),
      'VALIDATION_FAILED',
    );
    expect(types(h.send({ type: 'StartRollout', actor: actors.leader, consolidationId: 'k1' }))).toEqual([
      'RolloutStarted',
    ]);
    expect(h.s.status).toBe('IN_ROLLOUT');
    refusedWith(
      h.send({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k1' }),
      'INVALID_TRANSITION',
    );
    const draft = new PlanHarness().create();
    refusedWith(
      draft.send({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k1' }),
      'INVALID_TRANSITION',
    );
  });

  it('quarterly reports: one timer at a time, overdue flag when missing, cleared by the report', () => {
    const h = approved().at(local('2027-01-05T09:00:00'));
    h.must({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k1' });
    expect(deadlines(h.s)).toEqual([
      { key: 'rollout-report:2027-Q1', timer: 'ROLLOUT_REPORT', dueAt: local('2027-04-15T23:59:59.999') },
    ]);
    h.at(local('2027-04-16T00:00:00'));
    expect(
      types(
        h.send({
          type: 'DeadlineReached',
          actor: actors.system,
          key: 'rollout-report:2027-Q1',
          timer: 'ROLLOUT_REPORT',
          dueAt: local('2027-04-15T23:59:59.999'),
        }),
      ),
    ).toEqual(['RolloutReportDue']);
    expect(h.s.flags.reportsOverdue).toEqual({ '2027-Q1': true });
    expect(deadlines(h.s).map((d) => d.key)).toEqual(['rollout-report:2027-Q2']);
    refusedWith(
      h.send({ type: 'RecordRolloutReport', actor: actors.otherEditor, period: '2027-Q1' }),
      'FORBIDDEN',
    );
    refusedWith(
      h.send({ type: 'RecordRolloutReport', actor: actors.submitter, period: '2027-1' }),
      'VALIDATION_FAILED',
    );
    expect(
      h.must({ type: 'RecordRolloutReport', actor: actors.submitter, period: '2027-Q1' })[0],
    ).toMatchObject({ late: true });
    expect(h.s.flags.reportsOverdue).toEqual({ '2027-Q1': false });
    // A report sent before its due date removes that quarter's timer.
    h.must({ type: 'RecordRolloutReport', actor: actors.submitter, period: '2027-Q2' });
    expect(deadlines(h.s).map((d) => d.key)).toEqual(['rollout-report:2027-Q3']);
  });

  it('ClosePlan: CONSOLIDATOR, from IN_ROLLOUT; CLOSED is terminal', () => {
    const h = approved();
    refusedWith(h.send({ type: 'ClosePlan', actor: actors.consolidator }), 'INVALID_TRANSITION');
    h.must({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k1' });
    refusedWith(h.send({ type: 'ClosePlan', actor: actors.leader }), 'FORBIDDEN');
    expect(types(h.send({ type: 'ClosePlan', actor: actors.consolidator }))).toEqual(['PlanClosed']);
    expect(h.s.status).toBe('CLOSED');
    refusedWith(
      h.send({ type: 'RecordRolloutReport', actor: actors.submitter, period: '2026-Q3' }),
      'INVALID_TRANSITION',
    );
    expect(deadlines(h.s)).toEqual([]);
  });

  it('ClosePlan: refused while an activity is neither DONE nor CANCELLED and no annual report was accepted', () => {
    const h = approved();
    h.must({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k1' });
    const open = [
      { activityId: 'act-1', code: 'HD01', implementationStatus: 'IN_PROGRESS' as const },
      { activityId: 'act-2', code: 'HD02', implementationStatus: null },
    ];
    const refused = h.send({ type: 'ClosePlan', actor: actors.consolidator, openActivities: open });
    refusedWith(refused, 'INVALID_TRANSITION');
    expect(!refused.ok && refused.error.errors?.map((e) => e.field)).toEqual([
      'activities[act-1].implementationStatus',
      'activities[act-2].implementationStatus',
    ]);
    refusedWith(
      h.send({
        type: 'ClosePlan',
        actor: actors.consolidator,
        openActivities: open,
        annualReportAccepted: false,
      }),
      'INVALID_TRANSITION',
    );
    expect(h.s.status).toBe('IN_ROLLOUT');
    // The facts' shape is checked like any payload.
    refusedWith(
      h.send({
        type: 'ClosePlan',
        actor: actors.consolidator,
        openActivities: [{ activityId: 'act-1', code: 'HD01', implementationStatus: 'FINISHED' }],
      } as unknown as PlanCommand),
      'VALIDATION_FAILED',
      'openActivities[0].implementationStatus',
    );
    refusedWith(
      h.send({
        type: 'ClosePlan',
        actor: actors.consolidator,
        annualReportAccepted: 'yes',
      } as unknown as PlanCommand),
      'VALIDATION_FAILED',
      'annualReportAccepted',
    );
    // An accepted annual report (issue 15) closes the plan whatever its activities.
    expect(
      types(
        h.send({
          type: 'ClosePlan',
          actor: actors.consolidator,
          openActivities: open,
          annualReportAccepted: true,
        }),
      ),
    ).toEqual(['PlanClosed']);
    // Every activity DONE or CANCELLED: nothing open, the plan closes.
    const done = approved();
    done.must({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k1' });
    done.must({
      type: 'ClosePlan',
      actor: actors.consolidator,
      openActivities: [],
      annualReportAccepted: false,
    });
    expect(done.s.status).toBe('CLOSED');
  });

  it('ClosePlan: the rollout check comes after the status, so an approved plan is refused for its status', () => {
    const h = approved();
    const d = h.send({
      type: 'ClosePlan',
      actor: actors.consolidator,
      openActivities: [{ activityId: 'act-1', code: 'HD01', implementationStatus: null }],
    });
    refusedWith(d, 'INVALID_TRANSITION');
    expect(!d.ok && d.error.errors).toBeUndefined();
  });
});

describe('terminal states absorb', () => {
  const rejected = () => {
    const h = new PlanHarness().create().submit();
    h.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: h.review('CONTENT').id,
      decision: 'REJECT',
      comment: 'no',
    });
    return h;
  };
  const withdrawn = () => {
    const h = new PlanHarness().create();
    h.must({ type: 'Withdraw', actor: actors.submitter });
    return h;
  };
  const closed = () => {
    const h = new PlanHarness().create().submit().approveStage1().approveFinal();
    h.must({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k' });
    h.must({ type: 'ClosePlan', actor: actors.consolidator });
    return h;
  };

  it.each([
    ['REJECTED', rejected],
    ['WITHDRAWN', withdrawn],
    ['CLOSED', closed],
  ] as const)('%s accepts nothing but a no-op DeadlineReached', (status, make) => {
    const h = make();
    expect(h.s.status).toBe(status);
    const commands: PlanCommand[] = [
      edit(actors.editor),
      submitBy(actors.submitter),
      { type: 'Withdraw', actor: actors.submitter },
      { type: 'DecideReview', actor: actors.contentAppraiser, reviewId: 'rv-1', decision: 'APPROVE' },
      {
        type: 'GrantExtension',
        actor: actors.leader,
        newDeadline: local('2027-01-01T00:00:00'),
        reason: 'x',
      },
      { type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k' },
      { type: 'RecordRolloutReport', actor: actors.submitter, period: '2026-Q3' },
      { type: 'ClosePlan', actor: actors.consolidator },
    ];
    for (const c of commands) refusedWith(h.send(c), 'INVALID_TRANSITION');
    const d = h.send({
      type: 'DeadlineReached',
      actor: actors.system,
      key: 'submission-deadline',
      timer: 'SUBMISSION_DEADLINE',
      dueAt: DEADLINE,
    });
    expect(d).toEqual({ ok: true, events: [], note: expect.any(String) });
  });
});

describe('the transition table', () => {
  it('covers every command, and only DeadlineReached is accepted in a terminal status', () => {
    for (const [type, rule] of Object.entries(PLAN_TRANSITIONS)) {
      const terminal = rule.from.some((s) => s === 'REJECTED' || s === 'WITHDRAWN' || s === 'CLOSED');
      expect([type, terminal]).toEqual([type, type === 'DeadlineReached']);
    }
  });
});

describe('evolve / replay', () => {
  it('replay rebuilds the state, and states and events are plain JSON', () => {
    const h = new PlanHarness().create().submit();
    h.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: h.review('CONTENT').id,
      decision: 'REQUEST_REVISION',
      comment: 'x',
    });
    h.submit().approveStage1().approveFinal();
    expect(replay(h.events)).toEqual(h.s);
    expect(JSON.parse(JSON.stringify(h.events))).toStrictEqual(h.events);
    expect(JSON.parse(JSON.stringify(h.s))).toStrictEqual(h.s);
  });

  it('refuses an event that cannot start or follow a stream', () => {
    expect(() => replay([])).toThrow();
    const h = new PlanHarness().create();
    expect(() =>
      evolve(null, {
        type: 'PlanClosed',
        closedAt: h.now,
        by: { userId: 'u', displayName: 'u', organizationId: 'o' },
      }),
    ).toThrow();
    expect(() => evolve(h.s, h.events[0])).toThrow();
  });
});

describe('timer keys', () => {
  it('parseTimerKey reads back what timerKeys writes, and nothing else', () => {
    expect(parseTimerKey(timerKeys.submissionReminder(5))).toEqual({ kind: 'submission-reminder', of: '5' });
    expect(parseTimerKey(timerKeys.submissionDeadline())).toEqual({ kind: 'submission-deadline', of: '' });
    expect(parseTimerKey(timerKeys.reviewSla('rv-1'))).toEqual({ kind: 'review-sla', of: 'rv-1' });
    expect(parseTimerKey(timerKeys.rolloutReport('2027-Q1'))).toEqual({
      kind: 'rollout-report',
      of: '2027-Q1',
    });
    expect(parseTimerKey('audit:1')).toBeNull();
  });
});
