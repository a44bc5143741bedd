import { AuthedClient, startTestApp, TestApp } from '../../../test/support/test-app';
import { central, Central, openCycle, province, Province, world } from '../../../test/support/factories';

type Org = { id: string; status: string; mergedIntoId: string | null; validTo: string | null };

/**
 * Issue 14: a province merger (POST /api/organizations/:id/merge, GET …/lineage) and a cycle's
 * emulation clusters (GET/PUT /api/cycles/:id/clusters), checked row by row.
 */
describe('province mergers and emulation clusters', () => {
  let t: TestApp;
  let c: Central;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    c = await central(t);
  });
  afterAll(() => t.close());

  const put = (who: AuthedClient, path: string, body: unknown) =>
    t
      .http()
      .put(path)
      .set('Authorization', `Bearer ${who.token}`)
      .send(body as object);

  const orgRow = async (id: string) =>
    (
      await t.sql<{ status: string; merged_into_id: string | null; valid_to: string | null }>(
        `SELECT status, merged_into_id, to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM app.organizations WHERE id = $1`,
        [id],
      )
    )[0];

  /** Everything a merger could change: organisations, users, plans, content rows, events. */
  const snapshot = async () => ({
    orgs: await t.sql(`SELECT id, status, merged_into_id, valid_to FROM app.organizations ORDER BY id`),
    users: await t.sql(`SELECT id, organization_id, roles FROM app.users ORDER BY id`),
    plans: await t.sql(`SELECT id, status, version FROM app.plans ORDER BY id`),
    activities: await t.sql(`SELECT count(*)::int AS n FROM app.activities`),
    lines: await t.sql(`SELECT count(*)::int AS n FROM app.budget_lines`),
    events: await t.sql(`SELECT count(*)::int AS n FROM app.events`),
  });

  describe('a merger', () => {
    it('closes the union, moves its users, combines its draft into the successor and withdraws it', async () => {
      const cycle = await openCycle(t);
      const hd = await province(t, { code: `HD${Date.now() % 100000}` });
      const hp = await province(t);
      const merged = (await world(t, { cycle, province: hd })).plan;
      const target = (await world(t, { cycle, province: hp })).plan;
      const hdUsers = await t.sql<{ id: string; roles: string[] }>(
        `SELECT id, roles FROM app.users WHERE organization_id = $1 ORDER BY id`,
        [hd.unionId],
      );

      const res = await c.admin
        .post(`/api/organizations/${hd.unionId}/merge`)
        .send({ intoOrganizationId: hp.unionId, effectiveDate: '2025-07-01' });
      expect(res.status).toBe(200);
      expect(res.body.plans).toEqual([
        { mergedPlanId: merged.id, intoPlanId: target.id, activities: 3, budgetLines: 7 },
      ]);

      // The organisation: MERGED, pointing to its successor, valid to the effective date.
      expect(await orgRow(hd.unionId)).toEqual({
        status: 'MERGED',
        merged_into_id: hp.unionId,
        valid_to: '2025-07-01',
      });
      const listed = await c.consolidator.get('/api/organizations?kind=PROVINCIAL_UNION');
      const hdListed = (listed.body.items as Org[]).find((o) => o.id === hd.unionId)!;
      expect(hdListed).toMatchObject({ status: 'MERGED', mergedIntoId: hp.unionId, validTo: '2025-07-01' });

      // Users: the successor's, with their roles.
      const moved = await t.sql<{ id: string; organization_id: string; roles: string[] }>(
        `SELECT id, organization_id, roles FROM app.users WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [hdUsers.map((u) => u.id)],
      );
      expect(moved).toEqual(hdUsers.map((u) => ({ ...u, organization_id: hp.unionId })));
      const me = await hd.editor.get('/api/me');
      expect(me.body.organizationId).toBe(hp.unionId);

      // The successor's plan: its own 3 activities and the 3 copied, codes suffixed, source kept.
      const plan = (await hp.editor.get(`/api/plans/${target.id}`)).body as {
        activities: {
          code: string;
          title: string;
          sourceProvinceCode: string | null;
          budgetLines: { description: string; amount: number }[];
        }[];
      };
      expect(plan.activities).toHaveLength(6);
      const own = plan.activities.filter((a) => a.sourceProvinceCode === null);
      const copied = plan.activities.filter((a) => a.sourceProvinceCode === hd.code);
      expect(own.map((a) => a.code)).toEqual(target.activities.map((a) => a.code));
      expect(copied.map((a) => a.code)).toEqual(merged.activities.map((a) => `${a.code}-${hd.code}`));
      const sourceLines = await t.sql<{ description: string; amount: string }>(
        `SELECT l.description, l.amount::text FROM app.budget_lines l JOIN app.activities a ON a.id = l.activity_id
          WHERE l.plan_id = $1 ORDER BY a.position, l.position`,
        [merged.id],
      );
      expect(
        copied.flatMap((a) =>
          a.budgetLines.map((l) => ({ description: l.description, amount: String(l.amount) })),
        ),
      ).toEqual(sourceLines);
      // The merged plan's own rows are untouched (its history refers to them).
      const [{ n }] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM app.activities WHERE plan_id = $1`,
        [merged.id],
      );
      expect(n).toBe(3);

      // The copy is in the successor's history, with the original code.
      const history = await hp.editor.get(`/api/plans/${target.id}/history`);
      const copies = (
        history.body.items as {
          type: string;
          payload: { change?: { kind: string; details: Record<string, unknown> } };
        }[]
      ).filter((e) => e.payload.change?.kind === 'MERGED_ACTIVITY_ADDED');
      expect(copies.map((e) => e.payload.change!.details.originalCode)).toEqual(
        merged.activities.map((a) => a.code),
      );
      expect(copies.every((e) => e.payload.change!.details.sourceProvinceCode === hd.code)).toBe(true);
      expect((await hp.editor.get(`/api/plans/${target.id}/history/verify`)).body).toMatchObject({
        valid: true,
      });

      // The merged plan: WITHDRAWN, reason MERGED, its history kept and verifiable.
      const old = await c.consolidator.get(`/api/plans/${merged.id}`);
      expect(old.body.status).toBe('WITHDRAWN');
      const oldHistory = await c.consolidator.get(`/api/plans/${merged.id}/history`);
      const events = oldHistory.body.items as { type: string; payload: { reason?: string } }[];
      expect(events[0].type).toBe('PlanCreated');
      expect(events[events.length - 1]).toMatchObject({
        type: 'PlanWithdrawn',
        payload: { reason: 'MERGED' },
      });
      expect((await c.consolidator.get(`/api/plans/${merged.id}/history/verify`)).body).toMatchObject({
        valid: true,
        events: events.length,
      });

      // Lineage, both ways.
      const lineage = await hp.editor.get(`/api/organizations/${hp.unionId}/lineage`);
      expect(lineage.status).toBe(200);
      expect(lineage.body.organization.id).toBe(hp.unionId);
      expect(lineage.body.predecessors).toEqual([
        { id: hd.unionId, name: expect.any(String), provinceCode: hd.code, mergedAt: '2025-07-01' },
      ]);
      const back = await hp.editor.get(`/api/organizations/${hd.unionId}/lineage`);
      expect(back.body.successor.id).toBe(hp.unionId);
    });

    it("creates the successor's draft when it has none; plans past appraisal stay as they are", async () => {
      const cycle = await openCycle(t);
      const a = await world(t, { cycle });
      const submitted = await world(t, { cycle: await openCycle(t), province: a.province });
      await t.sql(`UPDATE app.plans SET status = 'APPROVED' WHERE id = $1`, [submitted.plan.id]);
      const b = await province(t);
      const res = await c.admin
        .post(`/api/organizations/${a.province.unionId}/merge`)
        .send({ intoOrganizationId: b.unionId, effectiveDate: '2025-07-01' });
      expect(res.status).toBe(200);
      expect(res.body.plans).toHaveLength(1);
      const intoId = res.body.plans[0].intoPlanId as string;
      const [row] = await t.sql<{ organization_id: string; status: string; cycle_id: string }>(
        `SELECT organization_id, status, cycle_id FROM app.plans WHERE id = $1`,
        [intoId],
      );
      expect(row).toEqual({ organization_id: b.unionId, status: 'DRAFT', cycle_id: cycle.id });
      const [approved] = await t.sql<{ status: string; organization_id: string }>(
        `SELECT status, organization_id FROM app.plans WHERE id = $1`,
        [submitted.plan.id],
      );
      expect(approved).toEqual({ status: 'APPROVED', organization_id: a.province.unionId });
    });

    it('a retried request (same Idempotency-Key) answers the first result and changes nothing more', async () => {
      const cycle = await openCycle(t);
      const a = await world(t, { cycle });
      const b = await world(t, { cycle });
      const send = () =>
        c.admin
          .post(`/api/organizations/${a.province.unionId}/merge`)
          .set('Idempotency-Key', 'merge-a-into-b')
          .send({ intoOrganizationId: b.province.unionId, effectiveDate: '2025-07-01' });
      const first = await send();
      expect(first.status).toBe(200);
      const after = await snapshot();
      const again = await send();
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await snapshot()).toEqual(after);
      // Without the key, or with another: ALREADY_MERGED.
      const other = await c.admin
        .post(`/api/organizations/${a.province.unionId}/merge`)
        .send({ intoOrganizationId: b.province.unionId, effectiveDate: '2025-07-01' });
      expect(other.status).toBe(409);
      expect(other.body.code).toBe('ALREADY_MERGED');
      expect(await snapshot()).toEqual(after);
    });

    it('five merges of one union at once: exactly one wins, the others are ALREADY_MERGED', async () => {
      const cycle = await openCycle(t);
      const a = await world(t, { cycle });
      const b = await world(t, { cycle });
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          c.admin
            .post(`/api/organizations/${a.province.unionId}/merge`)
            .send({ intoOrganizationId: b.province.unionId, effectiveDate: '2025-07-01' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'ALREADY_MERGED')).toBe(
        true,
      );
      const [{ n }] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM app.activities WHERE plan_id = $1`,
        [b.plan.id],
      );
      expect(n).toBe(6);
    });

    it('a merger that fails half-way leaves nothing: the successor plan under appraisal refuses the copy', async () => {
      const cycle = await openCycle(t);
      const a = await world(t, { cycle });
      const b = await world(t, { cycle });
      await t.sql(`UPDATE app.plans SET status = 'IN_APPRAISAL' WHERE id = $1`, [b.plan.id]);
      await t.sql(
        `UPDATE app.plans SET machine_state = jsonb_set(machine_state, '{status}', '"IN_APPRAISAL"') WHERE id = $1`,
        [b.plan.id],
      );
      const before = await snapshot();
      const res = await c.admin
        .post(`/api/organizations/${a.province.unionId}/merge`)
        .send({ intoOrganizationId: b.province.unionId, effectiveDate: '2025-07-01' });
      expect(res.status).toBe(409);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('bad input: refused, no 5xx, nothing changed', () => {
    let a: Province;
    let b: Province;
    beforeAll(async () => {
      a = await province(t);
      b = await province(t);
    });

    it('only an ADMIN merges', async () => {
      const before = await snapshot();
      for (const who of [c.consolidator, c.leader, a.editor, a.submitter, a.content]) {
        const res = await who
          .post(`/api/organizations/${a.unionId}/merge`)
          .send({ intoOrganizationId: b.unionId, effectiveDate: '2025-07-01' });
        expect(res.status).toBe(403);
      }
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      [
        'into itself',
        (x: Province) => ({ intoOrganizationId: x.unionId, effectiveDate: '2025-07-01' }),
        422,
        'intoOrganizationId',
      ],
      [
        'into an unknown one',
        () => ({ intoOrganizationId: '00000000-0000-4000-8000-000000000000', effectiveDate: '2025-07-01' }),
        422,
        'intoOrganizationId',
      ],
      [
        'into another kind',
        (x: Province) => ({ intoOrganizationId: x.agencies.CONTENT, effectiveDate: '2025-07-01' }),
        422,
        'intoOrganizationId',
      ],
      ['no date', (_x: Province, y: Province) => ({ intoOrganizationId: y.unionId }), 422, 'effectiveDate'],
      [
        'a bad date',
        (_x: Province, y: Province) => ({ intoOrganizationId: y.unionId, effectiveDate: '2025-13-01' }),
        422,
        'effectiveDate',
      ],
      [
        'not a uuid',
        () => ({ intoOrganizationId: 'abc', effectiveDate: '2025-07-01' }),
        422,
        'intoOrganizationId',
      ],
      [
        'an unknown field',
        (_x: Province, y: Province) => ({ intoOrganizationId: y.unionId, effectiveDate: '2025-07-01', x: 1 }),
        422,
        'x',
      ],
    ] as const)('%s', async (_name, body, status, field) => {
      const before = await snapshot();
      const res = await c.admin.post(`/api/organizations/${a.unionId}/merge`).send(body(a, b));
      expect(res.status).toBe(status);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
      expect(await snapshot()).toEqual(before);
    });

    it('unknown organisation: 404; bad id: 422; into a merged organisation: 422', async () => {
      const before = await snapshot();
      const unknown = await c.admin
        .post(`/api/organizations/00000000-0000-4000-8000-000000000000/merge`)
        .send({ intoOrganizationId: b.unionId, effectiveDate: '2025-07-01' });
      expect(unknown.status).toBe(404);
      expect((await c.admin.post(`/api/organizations/abc/merge`).send({})).status).toBe(422);
      expect((await c.admin.get(`/api/organizations/abc/lineage`)).status).toBe(422);
      expect(
        (await c.admin.get(`/api/organizations/00000000-0000-4000-8000-000000000000/lineage`)).status,
      ).toBe(404);
      expect(await snapshot()).toEqual(before);

      const gone = await province(t);
      const sink = await province(t);
      await c.admin
        .post(`/api/organizations/${gone.unionId}/merge`)
        .send({ intoOrganizationId: sink.unionId, effectiveDate: '2025-07-01' })
        .expect(200);
      const mid = await snapshot();
      const res = await c.admin
        .post(`/api/organizations/${a.unionId}/merge`)
        .send({ intoOrganizationId: gone.unionId, effectiveDate: '2025-07-01' });
      expect(res.status).toBe(422);
      expect(await snapshot()).toEqual(mid);
    });
  });

  describe('clusters', () => {
    const clusterRows = async (cycleId: string) => ({
      clusters: await t.sql(`SELECT * FROM app.cycle_clusters WHERE cycle_id = $1 ORDER BY number`, [
        cycleId,
      ]),
      members: await t.sql(
        `SELECT number, organization_id FROM app.cycle_cluster_members WHERE cycle_id = $1 ORDER BY organization_id`,
        [cycleId],
      ),
      changes: await t.sql(`SELECT count(*)::int AS n FROM app.cluster_changes WHERE cycle_id = $1`, [
        cycleId,
      ]),
    });

    it('default from the unions; replaced by the consolidator, audited; read by anyone', async () => {
      const cycle = await openCycle(t);
      const x = await province(t, { cluster: 7 });
      const y = await province(t, { cluster: 7 });
      const z = await province(t, { cluster: 8 });
      const initial = await x.editor.get(`/api/cycles/${cycle.id}/clusters`);
      expect(initial.status).toBe(200);
      const seven = (initial.body as { number: number; memberOrganizationIds: string[] }[]).find(
        (k) => k.number === 7,
      )!;
      expect(seven.memberOrganizationIds).toEqual(expect.arrayContaining([x.unionId, y.unionId]));

      const body = [
        {
          number: 1,
          name: 'Cụm thi đua số 1',
          headOrganizationId: x.unionId,
          deputyOrganizationId: z.unionId,
          memberOrganizationIds: [x.unionId, z.unionId],
        },
        { number: 2, name: 'Cụm thi đua số 2', memberOrganizationIds: [y.unionId] },
      ];
      const res = await put(c.consolidator, `/api/cycles/${cycle.id}/clusters`, body);
      expect(res.status).toBe(200);
      const read = await y.editor.get(`/api/cycles/${cycle.id}/clusters`);
      expect(read.body).toEqual(
        [
          { ...body[0], memberOrganizationIds: [x.unionId, z.unionId].sort((p, q) => (p < q ? -1 : 1)) },
          body[1],
        ].map((k) => ({ ...k, memberOrganizationIds: expect.arrayContaining(k.memberOrganizationIds) })),
      );
      const [change] = await t.sql<{ changed_by: string; after: unknown[] }>(
        `SELECT changed_by, after FROM app.cluster_changes WHERE cycle_id = $1`,
        [cycle.id],
      );
      expect(change.changed_by).toBe(c.consolidator.user.id);
      expect(change.after).toHaveLength(2);
      // Another cycle still has the default.
      const other = await openCycle(t);
      const otherRead = await x.editor.get(`/api/cycles/${other.id}/clusters`);
      expect((otherRead.body as { number: number }[]).some((k) => k.number === 7)).toBe(true);
    });

    it('only a CONSOLIDATOR replaces them; bad input names the field and changes nothing', async () => {
      const cycle = await openCycle(t);
      const x = await province(t);
      const y = await province(t);
      await put(c.consolidator, `/api/cycles/${cycle.id}/clusters`, [
        { number: 1, name: 'A', memberOrganizationIds: [x.unionId] },
      ]).expect(200);
      const before = await clusterRows(cycle.id);
      const ok = { number: 1, name: 'A', memberOrganizationIds: [x.unionId] };
      for (const who of [c.admin, c.leader, x.editor]) {
        expect((await put(who, `/api/cycles/${cycle.id}/clusters`, [ok])).status).toBe(403);
      }
      const cases: [unknown, string][] = [
        [{ a: 1 }, 'body'],
        [
          [{ ...ok }, { number: 2, name: 'B', memberOrganizationIds: [x.unionId] }],
          '[1].memberOrganizationIds',
        ],
        [[{ ...ok }, { number: 1, name: 'B', memberOrganizationIds: [y.unionId] }], '[1].number'],
        [[{ ...ok, headOrganizationId: y.unionId }], '[0].headOrganizationId'],
        [[{ ...ok, deputyOrganizationId: y.unionId }], '[0].deputyOrganizationId'],
        [[{ ...ok, memberOrganizationIds: [x.agencies.CONTENT] }], '[0].memberOrganizationIds'],
        [[{ ...ok, memberOrganizationIds: ['nope'] }], '[0].memberOrganizationIds'],
        [[{ ...ok, number: 0 }], '[0].number'],
        [[{ ...ok, name: '' }], '[0].name'],
        [[{ ...ok, extra: true }], '[0].extra'],
        [[null], '[0]'],
      ];
      for (const [body, field] of cases) {
        const res = await put(c.consolidator, `/api/cycles/${cycle.id}/clusters`, body);
        expect(res.status).toBe(422);
        expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
      }
      // A merged union is no longer a member candidate.
      const gone = await province(t);
      await c.admin
        .post(`/api/organizations/${gone.unionId}/merge`)
        .send({ intoOrganizationId: y.unionId, effectiveDate: '2025-07-01' })
        .expect(200);
      const merged = await put(c.consolidator, `/api/cycles/${cycle.id}/clusters`, [
        { ...ok, memberOrganizationIds: [gone.unionId] },
      ]);
      expect(merged.status).toBe(422);
      expect(await clusterRows(cycle.id)).toEqual(before);
      expect(
        (await put(c.consolidator, `/api/cycles/00000000-0000-4000-8000-000000000000/clusters`, [])).status,
      ).toBe(404);
      expect((await c.consolidator.get(`/api/cycles/abc/clusters`)).status).toBe(422);
    });
  });
});
