import { actors } from '../test/plan-fixtures';
import {
  closeCommands,
  closeKey,
  cycleCloseRefusal,
  MAX_CLOSE_ERRORS,
  type ClosingPlanFact,
} from './cycle-closing';
import type { UserActor } from './approval/types';

const plan = (
  planId: string,
  status: ClosingPlanFact['status'],
  open = 0,
  accepted = false,
): ClosingPlanFact => ({
  planId,
  status,
  openActivities: Array.from({ length: open }, (_, i) => ({
    activityId: `${planId}-act-${i}`,
    code: `HD${i}`,
    implementationStatus: i % 2 ? 'IN_PROGRESS' : null,
  })),
  annualReportAccepted: accepted,
});

describe('closing a cycle', () => {
  it('closes a cycle in rollout whose plans finished the year (or are terminal)', () => {
    const plans = [
      plan('p1', 'IN_ROLLOUT'),
      plan('p2', 'IN_ROLLOUT', 3, true),
      plan('p3', 'REJECTED'),
      plan('p4', 'WITHDRAWN'),
      plan('p5', 'CLOSED'),
    ];
    expect(cycleCloseRefusal('IN_ROLLOUT', plans)).toBeNull();
    // Only the plans in rollout are sent ClosePlan, with the facts their own guard judges again.
    const sent = closeCommands(plans, actors.consolidator as UserActor);
    expect(sent.map((s) => s.planId)).toEqual(['p1', 'p2']);
    expect(sent[1].command).toEqual({
      type: 'ClosePlan',
      actor: actors.consolidator,
      openActivities: plans[1].openActivities,
      annualReportAccepted: true,
    });
    expect(closeKey('c-1')).toBe('close:c-1');
  });

  it.each(['OPEN', 'CONSOLIDATING', 'APPROVED', 'CLOSED'] as const)(
    'refuses a cycle that is %s (not in rollout)',
    (status) => {
      expect(cycleCloseRefusal(status, [plan('p1', 'IN_ROLLOUT')])).toMatchObject({
        code: 'INVALID_TRANSITION',
      });
    },
  );

  it.each(['DRAFT', 'IN_APPRAISAL', 'REVISION_REQUESTED', 'APPROVED'] as const)(
    'refuses while a plan is %s (still in the approval chain), naming it',
    (status) => {
      const refused = cycleCloseRefusal('IN_ROLLOUT', [plan('p1', 'IN_ROLLOUT'), plan('p2', status)]);
      expect(refused).toMatchObject({
        code: 'INVALID_TRANSITION',
        errors: [{ field: 'plans[p2].status', message: `plan p2 is ${status}` }],
      });
    },
  );

  it('refuses while a plan in rollout has an activity neither DONE nor CANCELLED and no accepted report', () => {
    const refused = cycleCloseRefusal('IN_ROLLOUT', [plan('p1', 'IN_ROLLOUT'), plan('p2', 'IN_ROLLOUT', 2)]);
    expect(refused?.code).toBe('INVALID_TRANSITION');
    expect(refused?.errors?.map((e) => e.field)).toEqual([
      'plans[p2].activities[p2-act-0].implementationStatus',
      'plans[p2].activities[p2-act-1].implementationStatus',
    ]);
    expect(refused?.errors?.map((e) => e.message)).toEqual([
      'activity HD0 is not reported',
      'activity HD1 is IN_PROGRESS',
    ]);
  });

  it('names at most MAX_CLOSE_ERRORS activities, and says how many more', () => {
    const refused = cycleCloseRefusal('IN_ROLLOUT', [
      plan('p1', 'IN_ROLLOUT', 150),
      plan('p2', 'IN_ROLLOUT', 150),
    ]);
    expect(refused?.message).toMatch(/^300 activities of 2 plan/);
    expect(refused?.errors).toHaveLength(MAX_CLOSE_ERRORS + 1);
    expect(refused?.errors?.[MAX_CLOSE_ERRORS]).toEqual({ field: 'plans', message: 'and 200 more' });
  });
});
