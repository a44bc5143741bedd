/**
 * The Temporal host's activities against the real PostgreSQL, run in MockActivityEnvironment (no
 * server): they write the same hash-chained audit rows and read models as the embedded host, once,
 * however often Temporal retries them.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  Actor,
  applyConsolidation,
  decide,
  DEFAULT_HOLIDAY_DATES_VN,
  evolve,
  PlanCommand,
  PlanState,
  WorkingDayCalendar,
} from '@vufo/domain';
import {
  BatchNotReady,
  ConsolidationEventBatch,
  createActivities,
  CycleCheckpoint,
  EventBatch,
  lockConsolidationStream,
  lockPlanStream,
  persistConsolidationBatches,
  persistPlanBatch,
  readStream,
  verifyChain,
} from '@vufo/engine';
import { startTestApp, submitCommandFor, TestApp } from '../../../test/support/test-app';
import { Cycle, province, Province, world } from '../../../test/support/factories';
import { projectorOf } from '../src/activities.provider';
import { createCommand, DECISION } from '../../../libs/domain/test/consolidation-fixtures';

const calendar = new WorkingDayCalendar(DEFAULT_HOLIDAY_DATES_VN);
/** Expected retries log a warning each; the assertions say what matters. */
const activityEnv = (info: { attempt?: number } = {}) =>
  new MockActivityEnvironment(info, { logger: new DefaultLogger('ERROR') });

describe('Temporal activities on PostgreSQL (MockActivityEnvironment)', () => {
  let t: TestApp;
  let ds: DataSource;
  let activities: ReturnType<typeof createActivities>;
  // Read-only: the union whose plans the tests submit. The plan itself is each test's own (beforeEach).
  let hp: Province;
  let planId: string;
  let ownCycle: Cycle;
  let submitter: Actor;

  const count = async (sql: string, params: unknown[] = [planId]) =>
    Number((await t.sql<{ n: string }>(sql, params))[0].n);
  const head = async () =>
    (
      await t.sql<{ stream_seq: number; machine_state: PlanState }>(
        `SELECT stream_seq, machine_state FROM app.plans WHERE id = $1`,
        [planId],
      )
    )[0];

  /** What the plan workflow would decide for a command at the current head. */
  async function batchFor(command: PlanCommand, key: string | null = null) {
    const h = await head();
    const from = h.machine_state;
    const now = t.clock.now().toISOString();
    let n = 0;
    const decision = decide(from, command, {
      now,
      calendar,
      newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    });
    if (!decision.ok) throw new Error(decision.error.message);
    let next: PlanState | null = from;
    for (const e of decision.events) next = evolve(next, e);
    const batch: EventBatch = {
      planId,
      firstSeq: h.stream_seq + 1,
      events: decision.events,
      actor: command.actor,
      occurredAt: now,
      idempotencyKey: key,
      state: next!,
    };
    return batch;
  }

  function submitCommand(): Promise<PlanCommand> {
    return submitCommandFor(t, ds.manager, planId, submitter);
  }

  /** The submission, written by the activity as the workflow would send it. */
  async function submit(): Promise<EventBatch> {
    const batch = await batchFor(await submitCommand(), 'submit-1');
    await activityEnv().run(activities.persistPlanEvents, batch);
    expect((await head()).machine_state.status).toBe('IN_APPRAISAL');
    return batch;
  }

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    ds = t.app.get(DataSource);
    activities = createActivities({ dataSource: ds, project: projectorOf(t.app) });
    hp = await province(t);
    submitter = {
      kind: 'user',
      userId: hp.submitter.user.id,
      displayName: hp.submitter.user.displayName,
      organizationId: hp.submitter.user.organizationId,
      roles: ['PLAN_SUBMITTER'],
    };
  });
  // Each test's own draft plan, in a cycle of its own.
  beforeEach(async () => {
    const w = await world(t, { province: hp });
    [planId, ownCycle] = [w.plan.id, w.cycle];
  });
  afterAll(() => t.close());

  it('writes a submission: chained audit rows, plan status, reviews, version, notifications', async () => {
    const before = await head();
    const batch = await batchFor(await submitCommand(), 'submit-1');
    await activityEnv().run(activities.persistPlanEvents, batch);

    const events = await readStream(ds.manager, planId);
    expect(events.slice(before.stream_seq).map((e) => [e.seq, e.type])).toEqual(
      batch.events.map((e, i) => [batch.firstSeq + i, e.type]),
    );
    expect(verifyChain(events)).toEqual({ valid: true, events: events.length });
    expect(events.at(-1)?.idempotencyKey).toBe('submit-1');
    expect((await head()).machine_state.status).toBe('IN_APPRAISAL');
    expect(
      await count(`SELECT count(*) AS n FROM app.reviews WHERE plan_id = $1 AND status = 'PENDING'`),
    ).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM app.plan_versions WHERE plan_id = $1`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM app.notifications WHERE plan_id = $1`)).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM app.timers WHERE stream_id = $1 AND fired_at IS NULL`),
    ).toBeGreaterThan(0);
  });

  it('a retried activity changes nothing twice', async () => {
    await submit();
    // The submission's batch again, as Temporal retries after a lost acknowledgement.
    const rows = await readStream(ds.manager, planId);
    const submitted = rows.find((r) => r.type === 'PlanSubmitted')!;
    const state = (await head()).machine_state;
    const same: EventBatch = {
      planId,
      firstSeq: submitted.seq,
      events: rows
        .filter((r) => r.seq >= submitted.seq)
        .map((r) => r.payload as EventBatch['events'][number]),
      actor: submitter,
      occurredAt: submitted.occurredAt,
      idempotencyKey: 'submit-1',
      state,
    };
    const snapshot = async () => ({
      events: await count(`SELECT count(*) AS n FROM app.events WHERE stream_id = $1`),
      notifications: await count(`SELECT count(*) AS n FROM app.notifications WHERE plan_id = $1`),
      versions: await count(`SELECT count(*) AS n FROM app.plan_versions WHERE plan_id = $1`),
      updatedAt: (await t.sql(`SELECT updated_at FROM app.plans WHERE id = $1`, [planId]))[0].updated_at,
    });
    const before = await snapshot();
    const env = activityEnv({ attempt: 2 });
    await env.run(activities.persistPlanEvents, same);
    await env.run(activities.persistPlanEvents, same);
    expect(await snapshot()).toEqual(before);
  });

  it('the API writes first in its transaction; the activity then finds the batch written', async () => {
    await submit();
    const h = await head();
    const review = h.machine_state.reviews.find((r) => r.function === 'CONTENT' && r.status === 'PENDING')!;
    expect(review).toBeDefined();
    const appraiser = hp.content;
    const actor: Actor = {
      kind: 'user',
      userId: appraiser.user.id,
      displayName: appraiser.user.displayName,
      organizationId: appraiser.user.organizationId,
      roles: ['APPRAISER'],
    };
    const batch = await batchFor({
      type: 'DecideReview',
      actor,
      reviewId: review.id,
      decision: 'APPROVE',
    } as PlanCommand);
    const first = await ds.transaction((em) => persistPlanBatch(em, batch, projectorOf(t.app)));
    expect(first.written).toBe(true);
    const eventsAfter = await count(`SELECT count(*) AS n FROM app.events WHERE stream_id = $1`);
    await activityEnv().run(activities.persistPlanEvents, batch);
    expect(await count(`SELECT count(*) AS n FROM app.events WHERE stream_id = $1`)).toBe(eventsAfter);
    const again = await ds.transaction((em) => persistPlanBatch(em, batch, projectorOf(t.app)));
    expect(again).toEqual({ written: false, abandoned: false, stored: first.stored });
    expect((await t.sql(`SELECT status FROM app.reviews WHERE id = $1`, [review.id]))[0].status).toBe(
      'APPROVED',
    );
  });

  it('a batch after a gap waits (retryable) and writes nothing; an unknown plan waits too', async () => {
    const h = await head();
    const withdraw = {
      planId,
      firstSeq: h.stream_seq + 2,
      events: [],
      actor: submitter,
      occurredAt: t.clock.now().toISOString(),
      idempotencyKey: null,
      state: h.machine_state,
    } as EventBatch;
    const gap = {
      ...withdraw,
      events: [
        {
          type: 'PlanClosed',
          closedAt: withdraw.occurredAt,
          by: { userId: 'x', displayName: 'x', organizationId: 'x' },
        },
      ],
    } as EventBatch;
    await expect(activityEnv().run(activities.persistPlanEvents, gap)).rejects.toBeInstanceOf(BatchNotReady);
    expect((await head()).stream_seq).toBe(h.stream_seq);
    const unknown = { ...gap, planId: '00000000-0000-4000-8000-00000000dead', firstSeq: 1 };
    await expect(activityEnv().run(activities.persistPlanEvents, unknown)).rejects.toBeInstanceOf(
      BatchNotReady,
    );
  });

  describe("a command's batch belongs to its request's transaction", () => {
    const projector = () => projectorOf(t.app);
    const events = () => count(`SELECT count(*) AS n FROM app.events WHERE stream_id = $1`);

    it('committed by the request: the activity finds it WRITTEN and writes nothing more', async () => {
      const batch: EventBatch = { ...(await batchFor(await submitCommand(), 'k-1')), origin: 'command' };
      await ds.transaction(async (em) => {
        await lockPlanStream(em, planId, false);
        await persistPlanBatch(em, batch, projector());
      });
      const n = await events();
      expect(await activityEnv().run(activities.persistPlanEvents, batch)).toBe('WRITTEN');
      expect(await events()).toBe(n);
    });

    it('its request died before committing: ABANDONED, and nothing is written', async () => {
      const before = await head();
      const batch: EventBatch = { ...(await batchFor(await submitCommand(), 'k-2')), origin: 'command' };
      expect(await activityEnv().run(activities.persistPlanEvents, batch)).toBe('ABANDONED');
      expect(await head()).toEqual(before);
      expect(await count(`SELECT count(*) AS n FROM app.reviews WHERE plan_id = $1`)).toBe(0);
    });

    it('the activity waits for a request still holding the plan, then judges what it committed', async () => {
      const batch: EventBatch = { ...(await batchFor(await submitCommand(), 'k-3')), origin: 'command' };
      let judged: string | undefined;
      let activity: Promise<unknown> = Promise.resolve();
      await ds.transaction(async (em) => {
        await lockPlanStream(em, planId, false);
        activity = activityEnv()
          .run(activities.persistPlanEvents, batch)
          .then((r) => (judged = r as string));
        await new Promise((r) => setTimeout(r, 300));
        expect(judged).toBeUndefined();
        await persistPlanBatch(em, batch, projector());
      });
      // Judged only after that transaction committed: it held the row the activity waited for.
      await activity;
      expect(judged).toBe('WRITTEN');
      expect((await head()).machine_state.status).toBe('IN_APPRAISAL');
    });

    it("a plan's creation waits for its creating request; one that never committed is ABANDONED", async () => {
      const newPlan = '00000000-0000-4000-8000-0000000c0de1';
      const created = {
        planId: newPlan,
        firstSeq: 1,
        events: [{ type: 'PlanClosed' }],
        actor: submitter,
        occurredAt: t.clock.now().toISOString(),
        idempotencyKey: null,
        state: (await head()).machine_state,
        origin: 'command',
      } as unknown as EventBatch;
      let judged: string | undefined;
      const holder = await ds.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await lockPlanStream(holder.manager, newPlan, true);
      const activity = activityEnv()
        .run(activities.persistPlanEvents, created)
        .then((r) => (judged = r as string));
      await new Promise((r) => setTimeout(r, 300));
      expect(judged).toBeUndefined();
      await holder.rollbackTransaction();
      await holder.release();
      await activity;
      expect(judged).toBe('ABANDONED');
      expect(await count(`SELECT count(*) AS n FROM app.plans WHERE id = $1`, [newPlan])).toBe(0);
    });
  });

  it('a cycle reminder notifies the unions that have not started a plan, once however often retried', async () => {
    // In this test's cycle: HP submits, another union's plan stays a draft (its own timers remind
    // it), a third has no plan at all.
    await submit();
    const drafting = await world(t, { cycle: ownCycle });
    const late = { province: await province(t) };
    const cycle = ownCycle;
    const checkpoint: CycleCheckpoint = {
      kind: 'REMINDER',
      key: 'reminder:5',
      dueAt: '2026-06-23T16:59:59.999Z',
    };
    const env = activityEnv();
    const first = (await env.run(activities.cycleCheckpointReached, cycle.id, checkpoint)) as {
      unionsNotified: number;
    };
    const notes = () =>
      count(
        `SELECT count(*) AS n FROM app.notifications WHERE params->>'checkpoint' = 'reminder:5' AND params->>'cycleId' = $1`,
        [cycle.id],
      );
    const n = await notes();
    expect(first.unionsNotified).toBeGreaterThan(0);
    expect(n).toBeGreaterThan(0);
    const notified = await t.sql<{ organization_id: string }>(
      `SELECT DISTINCT u.organization_id FROM app.notifications n JOIN app.users u ON u.id = n.user_id
        WHERE n.params->>'checkpoint' = 'reminder:5' AND n.params->>'cycleId' = $1`,
      [cycle.id],
    );
    const unions = notified.map((r) => r.organization_id);
    expect(unions).toContain(late.province.unionId);
    expect(unions).not.toContain(hp.unionId);
    expect(unions).not.toContain(drafting.province.unionId);
    await env.run(activities.cycleCheckpointReached, cycle.id, checkpoint);
    expect(await notes()).toBe(n);
    const deadline: CycleCheckpoint = {
      kind: 'DEADLINE',
      key: 'deadline',
      dueAt: '2026-06-30T16:59:59.999Z',
    };
    const escalation = (await env.run(activities.cycleCheckpointReached, cycle.id, deadline)) as {
      unionsNotified: number;
    };
    expect(escalation.unionsNotified).toBe(first.unionsNotified);
  });

  describe("persistConsolidationEvents: a consolidation batch is its request's, settled, never written", () => {
    const as = (roles: string[]): Actor =>
      ({ ...(submitter as Extract<Actor, { kind: 'user' }>), roles }) as Actor;

    /** What the consolidation's workflow would decide for its creation, in this test's own cycle. */
    function creation(): ConsolidationEventBatch {
      const consolidationId = randomUUID();
      const now = t.clock.now().toISOString();
      const actor = as(['CONSOLIDATOR']);
      const applied = applyConsolidation(
        null,
        createCommand({ actor, consolidationId, cycleId: ownCycle.id }),
        {
          now,
        },
      );
      if (!applied.ok) throw new Error(applied.error.message);
      const { events, state } = applied;
      return {
        consolidationId,
        firstSeq: 1,
        events,
        actor,
        occurredAt: now,
        idempotencyKey: null,
        state,
        origin: 'command',
      };
    }

    function approval(after: ConsolidationEventBatch): ConsolidationEventBatch {
      const now = t.clock.now().toISOString();
      const actor = as(['LEADER']);
      const applied = applyConsolidation(
        after.state,
        { type: 'ApproveConsolidation', actor, ...DECISION },
        { now },
      );
      if (!applied.ok) throw new Error(applied.error.message);
      const { events, state } = applied;
      return {
        ...after,
        firstSeq: after.firstSeq + after.events.length,
        events,
        actor,
        occurredAt: now,
        state,
      };
    }

    /** The API's request: locks the stream, writes the batch in its transaction, then commits or dies. */
    function request(batch: ConsolidationEventBatch, end: Promise<'commit' | 'die'>) {
      let wrote!: () => void;
      const written = new Promise<void>((r) => (wrote = r));
      const done = ds
        .transaction(async (em) => {
          await lockConsolidationStream(em, batch.consolidationId, batch.firstSeq === 1);
          await persistConsolidationBatches(em, [batch]);
          wrote();
          if ((await end) === 'die') throw new Error('the request died');
        })
        .then(
          () => 'committed',
          () => 'rolled back',
        );
      return { written, done };
    }

    const status = async (id: string) =>
      (await t.sql<{ status: string }>(`SELECT status FROM app.consolidations WHERE id = $1`, [id]))[0]
        ?.status;

    it.each(['commit', 'die'] as const)(
      'while the creating request runs the activity waits for it; after a %s: WRITTEN / ABANDONED',
      async (end) => {
        const batch = creation();
        let finish!: (e: 'commit' | 'die') => void;
        const r = request(batch, new Promise((res) => (finish = res)));
        await r.written;
        // The row is not visible yet: the activity waits for the creation lock, i.e. the request's end.
        const settled = activityEnv().run(activities.persistConsolidationEvents, batch);
        await new Promise((res) => setTimeout(res, 200));
        finish(end);
        expect(await r.done).toBe(end === 'commit' ? 'committed' : 'rolled back');
        expect(await settled).toBe(end === 'commit' ? 'WRITTEN' : 'ABANDONED');
        const events = await readStream(ds.manager, batch.consolidationId);
        expect(events.map((e) => e.type)).toEqual(end === 'commit' ? ['ConsolidationCreated'] : []);
        expect(await status(batch.consolidationId)).toBe(end === 'commit' ? 'PENDING_APPROVAL' : undefined);
        // Retried (Temporal's at-least-once), the answer is the same and nothing is written.
        expect(await activityEnv({ attempt: 2 }).run(activities.persistConsolidationEvents, batch)).toBe(
          end === 'commit' ? 'WRITTEN' : 'ABANDONED',
        );
        expect(await readStream(ds.manager, batch.consolidationId)).toHaveLength(end === 'commit' ? 1 : 0);
      },
    );

    it('a decision committed by its request is WRITTEN; one whose request died is ABANDONED, the row unchanged', async () => {
      const created = creation();
      await request(created, Promise.resolve('commit')).done;
      expect(await activityEnv().run(activities.persistConsolidationEvents, created)).toBe('WRITTEN');

      const died = approval(created);
      expect(await request(died, Promise.resolve('die')).done).toBe('rolled back');
      expect(await activityEnv().run(activities.persistConsolidationEvents, died)).toBe('ABANDONED');
      expect(await status(created.consolidationId)).toBe('PENDING_APPROVAL');

      // The workflow forgot it and decides again on the same head: this time the request commits.
      const approved = approval(created);
      expect(await request(approved, Promise.resolve('commit')).done).toBe('committed');
      expect(await activityEnv().run(activities.persistConsolidationEvents, approved)).toBe('WRITTEN');
      expect(await status(created.consolidationId)).toBe('APPROVED');
      const events = await readStream(ds.manager, created.consolidationId);
      expect(events.map((e) => e.type)).toEqual(['ConsolidationCreated', 'ConsolidationApproved']);
      expect(verifyChain(events)).toMatchObject({ valid: true });
    });
  });
});
