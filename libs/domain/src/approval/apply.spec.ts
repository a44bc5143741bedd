import { OPEN_CYCLE, PlanHarness, TERMS, UNION, actors, calendar } from '../../test/plan-fixtures';
import { apply } from './apply';
import { decide } from './decide';
import { replay } from './evolve';

describe('apply: decide, then evolve', () => {
  const create = {
    type: 'CreatePlan' as const,
    actor: actors.editor,
    planId: 'plan-1',
    cycleId: 'cycle-2027',
    organizationId: UNION,
    title: 'Plan 2027',
    cycle: TERMS,
    ...OPEN_CYCLE,
  };
  const ctx = { now: '2026-06-01T02:00:00.000Z', calendar, newId: () => 'id-1' };

  it('returns the events decide returns and the state they fold to', () => {
    const applied = apply(null, create, ctx);
    if (!applied.ok) throw new Error(applied.error.message);
    const decided = decide(null, create, ctx);
    expect(decided.ok && decided.events).toEqual(applied.events);
    expect(applied.state).toEqual(replay(applied.events));
  });

  it('returns the refusal as decide returns it', () => {
    const applied = apply(null, { type: 'ClosePlan', actor: actors.consolidator }, ctx);
    expect(applied).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such plan.' } });
  });

  it('keeps the state given, and the note, when nothing happens', () => {
    const h = new PlanHarness().create();
    const applied = apply(
      h.s,
      { type: 'DeadlineReached', actor: actors.system, key: 'nope', timer: 'REVIEW_SLA', dueAt: h.now },
      h.ctx(),
    );
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.events).toEqual([]);
    expect(applied.state).toBe(h.s);
    expect(applied.note).toMatch(/nothing to do/);
  });
});
