import { CyclesModule } from '../../src/cycles/cycles.module';
import { CyclesService } from '../../src/cycles/cycles.service';
import { anOrganization, aUser, Medium, startMedium } from './medium';

/** Cycles and their dashboard through CyclesService on the real database, without HTTP. */
describe('cycles (medium)', () => {
  let m: Medium;
  let cycles: CyclesService;

  beforeAll(async () => {
    m = await startMedium(CyclesModule);
    cycles = m.module.get(CyclesService);
  });
  afterAll(() => m.close());

  async function aCycle(year: number) {
    const central = await anOrganization(m.ds, 'CENTRAL_UNION');
    const consolidator = await aUser(m.ds, central, ['CONSOLIDATOR']);
    const cycle = await cycles.create(consolidator.principal, {
      year,
      submissionDeadline: `${year}-03-31`,
      reviewSlaDays: 10,
      revisionSlaDays: 7,
    });
    return { cycle, consolidator };
  }

  it('a cycle gets the typical route and reminders; a second one for the year is a conflict', async () => {
    const { cycle, consolidator } = await aCycle(2091);
    expect(cycle).toMatchObject({
      year: 2091,
      status: 'OPEN',
      reminderWorkingDays: [5, 1],
      route: [
        { stage: 1, functions: ['CONTENT', 'BUDGET'] },
        { stage: 2, functions: ['FINAL'] },
      ],
    });
    expect(await cycles.get(cycle.id)).toMatchObject({ id: cycle.id, year: 2091 });
    expect((await cycles.list()).items.map((c) => c.year)).toContain(2091);
    await expect(
      cycles.create(consolidator.principal, {
        year: 2091,
        submissionDeadline: '2091-03-31',
        reviewSlaDays: 10,
        revisionSlaDays: 7,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('the dashboard shows an active union without a plan as NOT_STARTED, as of the Clock', async () => {
    const { cycle } = await aCycle(2092);
    const union = await anOrganization(m.ds, 'PROVINCIAL_UNION');
    const merged = await anOrganization(m.ds, 'PROVINCIAL_UNION', { status: 'MERGED' });
    const at = new Date('2092-04-01T03:00:00.000Z');
    m.clock.setNow(at);
    try {
      const board = await cycles.dashboard(cycle.id);
      // The Clock keeps running from where it was set: a few milliseconds later.
      expect(new Date(board.asOf).getTime() - at.getTime()).toBeLessThan(5000);
      const provinces = board.provinces as unknown as Record<string, unknown>[];
      const ids = provinces.map((p) => p.organizationId);
      expect(ids).toContain(union.id);
      expect(ids).not.toContain(merged.id);
      expect(provinces.find((p) => p.organizationId === union.id)).toMatchObject({
        status: 'NOT_STARTED',
        planId: null,
        requested: null,
        overdue: false,
      });
      expect(board.totals).toMatchObject({ requested: 0, approved: 0, spent: 0, byFundingSource: [] });
      expect(board.overdue).toEqual([]);
    } finally {
      m.clock.setNow(new Date());
    }
  });

  it('an extension for a union with no plan yet is recorded for its plan to come; an unknown cycle is NOT_FOUND', async () => {
    const { cycle } = await aCycle(2093);
    const union = await anOrganization(m.ds, 'PROVINCIAL_UNION');
    const central = await anOrganization(m.ds, 'CENTRAL_UNION');
    const leader = await aUser(m.ds, central, ['LEADER']);
    await expect(
      cycles.grantExtension(leader.principal, cycle.id, {
        organizationId: union.id,
        newDeadline: '2093-04-15',
        reason: 'lũ lụt',
      }),
    ).resolves.toMatchObject({ planIds: [], newDeadline: '2093-04-15T16:59:59.999Z' });
    await expect(cycles.dashboard('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
