/**
 * The plan workflow's stories, played through the simulator: each returns the scenario with its
 * history. The same stories feed replay, step and determinism tests.
 */
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { PlanCommand } from '../../libs/domain/src';
import { DEFAULT_HOLIDAY_DATES_VN } from '../../libs/domain/src';
import {
  actors,
  AGENCIES,
  approveAll,
  content,
  DECISION_RECORD,
  OPEN_CYCLE,
  TERMS,
  UNION,
} from '../../libs/domain/test/plan-fixtures';
import type { PlanApprovalInput } from '../contract';
import { PLAN_ID, PlanScenario } from './plan-scenario';

const HOUR = 3_600_000;

export const createPlan: PlanCommand = {
  type: 'CreatePlan',
  actor: actors.editor,
  planId: PLAN_ID,
  cycleId: '5d1f6a3e-2c4b-4e8f-9a0d-6b7c8d9e0f12',
  organizationId: UNION,
  title: 'Kế hoạch đối ngoại nhân dân năm 2027',
  cycle: TERMS,
  ...OPEN_CYCLE,
};
export const submit: PlanCommand = {
  type: 'Submit',
  actor: actors.submitter,
  content: content(),
  agencies: AGENCIES,
};

export async function happyPath(bundle: WorkflowBundleWithSourceMap): Promise<PlanScenario> {
  const s = new PlanScenario(bundle);
  await s.command(createPlan);
  await s.settle();
  s.history.advance(30 * HOUR);
  await s.command(submit, 'submit-1');
  await s.settle();
  s.history.advance(20 * HOUR);
  await s.command(approve(s, 'CONTENT'));
  await s.settle();
  s.history.advance(2 * HOUR);
  await s.command({ ...approve(s, 'BUDGET'), lines: approveAll(s.state!, 80n) });
  await s.settle();
  s.history.advance(24 * HOUR);
  await s.command({ ...approve(s, 'FINAL'), decisionRecord: DECISION_RECORD });
  await s.settle();
  s.history.advance(24 * HOUR);
  await s.command({ type: 'StartRollout', actor: actors.consolidator, consolidationId: 'cons-2027' });
  await s.settle();
  s.history.advance(24 * HOUR);
  await s.command({ type: 'RecordRolloutReport', actor: actors.submitter, period: '2026-Q2' });
  await s.settle();
  s.history.advance(24 * HOUR);
  await s.command({ type: 'ClosePlan', actor: actors.consolidator });
  await s.settle();
  return s;
}

export async function revisionLoop(bundle: WorkflowBundleWithSourceMap): Promise<PlanScenario> {
  const s = new PlanScenario(bundle);
  await s.command(createPlan);
  await s.settle();
  s.history.advance(30 * HOUR);
  await s.command(submit);
  await s.settle();
  s.history.advance(4 * HOUR);
  await s.command({
    type: 'DecideReview',
    actor: actors.contentAppraiser,
    reviewId: s.pendingReview('CONTENT').id,
    decision: 'REQUEST_REVISION',
    comment: 'Thiếu kết quả dự kiến của hoạt động HD02',
  });
  await s.settle();
  s.history.advance(26 * HOUR);
  await s.command({
    type: 'EditContent',
    actor: actors.editor,
    change: { kind: 'activity', summary: 'HD02 results' },
  });
  await s.settle();
  await s.command(submit);
  await s.settle();
  s.history.advance(2 * HOUR);
  await s.command({
    type: 'DecideReview',
    actor: actors.budgetAppraiser,
    reviewId: s.pendingReview('BUDGET').id,
    decision: 'REJECT',
    comment: 'Vượt định mức chi',
  });
  await s.settle();
  return s;
}

/** Nobody submits: both reminders fire, then the deadline flags the plan overdue. */
export async function firedDeadline(bundle: WorkflowBundleWithSourceMap): Promise<PlanScenario> {
  const s = new PlanScenario(bundle);
  await s.command(createPlan);
  await s.settle();
  for (let i = 0; i < 3; i++) {
    await s.fireTimer();
    await s.settle();
  }
  return s;
}

/** A leader grants an extension before the deadline: the deadline timer moves, then fires at the new time. */
export async function extension(bundle: WorkflowBundleWithSourceMap): Promise<PlanScenario> {
  const s = new PlanScenario(bundle);
  await s.command(createPlan);
  await s.settle();
  s.history.advance(48 * HOUR);
  await s.command({
    type: 'GrantExtension',
    actor: actors.leader,
    newDeadline: '2026-07-15T16:59:59.999Z',
    reason: 'Sáp nhập tỉnh: cần thêm thời gian',
  });
  await s.settle();
  // The reminders computed for the new deadline, then the new deadline itself.
  while (!s.state!.flags.submissionOverdue) {
    await s.fireTimer();
    await s.settle();
  }
  return s;
}

/** The server suggests continue-as-new; the next run takes over state, sequence and keys. */
export async function continuedAsNew(
  bundle: WorkflowBundleWithSourceMap,
): Promise<{ first: PlanScenario; second: PlanScenario }> {
  const first = new PlanScenario(bundle);
  await first.command(createPlan);
  await first.settle();
  first.history.advance(30 * HOUR);
  await first.command(submit, 'submit-1');
  // The persistence activity completes in a task the server marks "continue as new suggested".
  first.history.advance(40).activityCompleted();
  first.log.push(await first.sim.task({ suggestContinueAsNew: true }));

  const can = first.log.at(-1)!.find((c) => c.kind === 'continueAsNewWorkflowExecution');
  if (can?.kind !== 'continueAsNewWorkflowExecution') throw new Error('the workflow did not continue as new');
  const second = new PlanScenario(bundle, {
    input: can.args[0] as PlanApprovalInput,
    startTime: first.history.time,
    runId: 'run-2',
  });
  await second.start();
  second.history.advance(HOUR);
  await second.command({ ...approve(second, 'CONTENT') });
  await second.settle();
  return { first, second };
}

function approve(
  s: PlanScenario,
  fn: 'CONTENT' | 'BUDGET' | 'FINAL',
): PlanCommand & { type: 'DecideReview' } {
  const actor = {
    CONTENT: actors.contentAppraiser,
    BUDGET: actors.budgetAppraiser,
    FINAL: actors.finalAppraiser,
  }[fn];
  return { type: 'DecideReview', actor, reviewId: s.pendingReview(fn).id, decision: 'APPROVE' };
}

export const HOLIDAYS = [...DEFAULT_HOLIDAY_DATES_VN];
