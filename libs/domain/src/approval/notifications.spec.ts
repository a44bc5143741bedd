import { AGENCIES, AGENCY, PlanHarness, UNION, actors, approveAll, content } from '../../test/plan-fixtures';
import { deadlines } from './deadlines';
import { NOTIFICATION_KINDS, notificationsFor, type NotificationIntent } from './notifications';
import type { PlanEvent } from './types';

/** Runs a command and returns the intents of each event it caused, with the state after that event. */
function intents(h: PlanHarness, events: PlanEvent[]): NotificationIntent[] {
  return events.flatMap((e) => notificationsFor(e, h.s));
}

const unionTeam = { organizationId: UNION, roles: ['PLAN_EDITOR', 'PLAN_SUBMITTER'] };
const unionSubmitters = { organizationId: UNION, roles: ['PLAN_SUBMITTER'] };
const consolidators = { central: true, roles: ['CONSOLIDATOR'] };

describe('notificationsFor', () => {
  it('nobody hears about a draft being created or edited', () => {
    const h = new PlanHarness().create();
    expect(intents(h, h.events)).toEqual([]);
  });

  it('a submission tells the central union; each review opened tells its agency’s appraisers', () => {
    const h = new PlanHarness().create();
    const out = intents(
      h,
      h.must({ type: 'Submit', actor: actors.submitter, content: content(), agencies: AGENCIES }),
    );
    expect(out.map((n) => [n.kind, n.recipient])).toEqual([
      ['PLAN_SUBMITTED', consolidators],
      ['REVIEW_OPENED', { organizationId: AGENCY.CONTENT, roles: ['APPRAISER'] }],
      ['REVIEW_OPENED', { organizationId: AGENCY.BUDGET, roles: ['APPRAISER'] }],
    ]);
    expect(out[1].params).toMatchObject({
      planTitle: 'External affairs plan 2027',
      stage: 1,
      function: 'CONTENT',
      dueAt: expect.any(String),
    });
  });

  it('a revision request goes to the union’s editors and submitters, with the reason', () => {
    const h = new PlanHarness().create().submit();
    const out = intents(
      h,
      h.must({
        type: 'DecideReview',
        actor: actors.delegate,
        reviewId: h.review('BUDGET').id,
        decision: 'REQUEST_REVISION',
        comment: 'Cut accommodation',
      }),
    );
    expect(out).toEqual([
      expect.objectContaining({
        kind: 'REVIEW_DECIDED',
        recipient: unionTeam,
        params: expect.objectContaining({ decision: 'REQUEST_REVISION', actingFor: 'User u-stc' }),
      }),
      {
        kind: 'REVISION_REQUESTED',
        severity: 'warning',
        recipient: unionTeam,
        params: expect.objectContaining({ reason: 'Cut accommodation', dueAt: expect.any(String) }),
      },
    ]);
  });

  it('approval and rejection reach the union and the central union', () => {
    const h = new PlanHarness().create().submit().approveStage1();
    const approved = intents(
      h,
      h.must({
        type: 'DecideReview',
        actor: actors.finalAppraiser,
        reviewId: h.review('FINAL').id,
        decision: 'APPROVE',
        decisionRecord: { number: '1/QĐ', date: '2026-06-01', signer: 'S' },
      }),
    );
    expect(approved.filter((n) => n.kind === 'PLAN_APPROVED').map((n) => n.recipient)).toEqual([
      unionTeam,
      consolidators,
    ]);
    expect(approved.find((n) => n.kind === 'PLAN_APPROVED')!.params).toMatchObject({
      decisionNumber: '1/QĐ',
      approvedTotal: '71000000',
    });

    const g = new PlanHarness().create().submit();
    const rejected = intents(
      g,
      g.must({
        type: 'DecideReview',
        actor: actors.contentAppraiser,
        reviewId: g.review('CONTENT').id,
        decision: 'REJECT',
        comment: 'No',
      }),
    );
    expect(
      rejected.filter((n) => n.kind === 'PLAN_REJECTED').map((n) => [n.recipient, n.params.reason]),
    ).toEqual([
      [unionTeam, 'No'],
      [consolidators, 'No'],
    ]);
  });

  it('reminders go to the union’s submitters; overdue goes to the union and to central consolidators and leaders', () => {
    const h = new PlanHarness().create();
    const [five, , deadline] = deadlines(h.s);
    h.at(five.dueAt);
    const reminder = intents(
      h,
      h.must({
        type: 'DeadlineReached',
        actor: actors.system,
        key: five.key,
        timer: five.timer,
        dueAt: five.dueAt,
      }),
    );
    expect(reminder).toEqual([
      {
        kind: 'SUBMISSION_REMINDER',
        severity: 'warning',
        recipient: unionSubmitters,
        params: expect.objectContaining({ workingDaysLeft: 5 }),
      },
    ]);
    h.at(deadline.dueAt);
    const overdue = intents(
      h,
      h.must({
        type: 'DeadlineReached',
        actor: actors.system,
        key: deadline.key,
        timer: deadline.timer,
        dueAt: deadline.dueAt,
      }),
    );
    expect(overdue.map((n) => [n.kind, n.severity, n.recipient])).toEqual([
      ['SUBMISSION_OVERDUE', 'overdue', unionSubmitters],
      ['SUBMISSION_OVERDUE', 'overdue', { central: true, roles: ['CONSOLIDATOR', 'LEADER'] }],
    ]);
  });

  it('a review overdue escalates to the agency and to the central union', () => {
    const h = new PlanHarness().create().submit();
    h.must({
      type: 'DecideReview',
      actor: actors.budgetAppraiser,
      reviewId: h.review('BUDGET').id,
      decision: 'APPROVE',
      lines: approveAll(h.s),
    });
    const sla = deadlines(h.s).find((d) => d.timer === 'REVIEW_SLA')!;
    h.at(sla.dueAt);
    const out = intents(
      h,
      h.must({
        type: 'DeadlineReached',
        actor: actors.system,
        key: sla.key,
        timer: sla.timer,
        dueAt: sla.dueAt,
      }),
    );
    expect(out.map((n) => [n.kind, n.severity, n.recipient])).toEqual([
      ['REVIEW_OVERDUE', 'overdue', { organizationId: AGENCY.CONTENT, roles: ['APPRAISER'] }],
      ['REVIEW_OVERDUE', 'overdue', consolidators],
    ]);
  });

  it('uses only known kinds and flat string/number params', () => {
    const h = new PlanHarness().create().submit().approveStage1().approveFinal();
    h.must({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'k' });
    h.must({ type: 'RecordRolloutReport', actor: actors.submitter, period: '2026-Q3' });
    h.must({ type: 'ClosePlan', actor: actors.consolidator });
    const all = h.events.flatMap((e) => notificationsFor(e, h.s));
    expect(all.length).toBeGreaterThan(5);
    for (const n of all) {
      expect(NOTIFICATION_KINDS).toContain(n.kind);
      for (const v of Object.values(n.params)) expect(['string', 'number']).toContain(typeof v);
    }
  });
});
