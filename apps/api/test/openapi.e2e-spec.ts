import type { Response } from 'supertest';
import { AuthedClient, startTestApp, TestApp } from '../../../test/support/test-app';
import { openCycle, province, Province, world } from '../../../test/support/factories';

/**
 * The OpenAPI document tells the truth: real answers of the running API, successes and problems,
 * match the schema the document gives for their status, with no field the schema does not name.
 * The web's types are generated from these schemas, so a lie here is a type error there.
 */
type Schema = Record<string, unknown>;
interface Doc {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, Schema> }>>;
  components: { schemas: Record<string, Schema>; responses: Record<string, Schema> };
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  const checked = new Set<string>();

  let union: Province;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    doc = (await t.http().get('/api/docs-json')).body as Doc;
    union = await province(t);
  });
  afterAll(async () => {
    // The walk of both tests together must not shrink unnoticed (those not walked here are
    // covered by their own suites); checked after both ran, whatever their order.
    const all = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    await t.close();
    expect(checked.size).toBeGreaterThanOrEqual(35);
    expect(all).toHaveLength(55);
  });

  /** The answer matches the documented response of its operation and status. */
  function conforms(res: Response, method: string, path: string): Response {
    const [template, item] =
      Object.entries(doc.paths).find(([p]) =>
        new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path.split('?')[0]),
      ) ?? [];
    const op = item?.[method];
    if (!template || !op) throw new Error(`${method} ${path}: not in the document`);
    let documented = op.responses[String(res.status)];
    if (!documented) throw new Error(`${op.operationId}: answered ${res.status}, which is not documented`);
    if (documented.$ref) documented = resolve(documented.$ref as string);
    const content = documented.content as Record<string, { schema: Schema }> | undefined;
    if (!content) {
      expect(res.text ?? '').toBe('');
    } else {
      const type = String(res.headers['content-type']).split(';')[0];
      const media = content[type];
      if (!media) throw new Error(`${op.operationId} ${res.status}: ${type} is not documented`);
      const errors = validate(media.schema, res.body, '$');
      if (errors.length) throw new Error(`${op.operationId} ${res.status}:\n${errors.join('\n')}`);
    }
    checked.add(op.operationId);
    return res;
  }

  function resolve(ref: string): Schema {
    const [, , kind, name] = ref.split('/');
    return (doc.components as unknown as Record<string, Record<string, Schema>>)[kind][name];
  }

  /** The subset of JSON Schema the document uses; an object may not carry a field its schema does not name. */
  function validate(schema: Schema, value: unknown, at: string): string[] {
    if (schema.$ref) return validate({ ...resolve(schema.$ref as string), $ref: undefined }, value, at);
    const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (alternatives) {
      const results = alternatives.map((s) => validate(s, value, at));
      return results.some((r) => !r.length)
        ? []
        : [`${at}: matches none of its alternatives (${results[0]})`];
    }
    const types = ([] as unknown[]).concat(schema.type ?? []);
    const kind =
      value === null
        ? 'null'
        : Array.isArray(value)
          ? 'array'
          : Number.isInteger(value)
            ? 'integer'
            : typeof value;
    if (types.length && !types.includes(kind) && !(kind === 'integer' && types.includes('number')))
      return [`${at}: ${JSON.stringify(value)} is not ${types.join(' | ')}`];
    if (schema.enum && !(schema.enum as unknown[]).includes(value))
      return [`${at}: ${JSON.stringify(value)} is not one of ${(schema.enum as unknown[]).join(', ')}`];
    if (kind === 'array' && schema.items)
      return (value as unknown[]).flatMap((v, i) => validate(schema.items as Schema, v, `${at}[${i}]`));
    if (kind !== 'object') return [];
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const errors = ((schema.required ?? []) as string[])
      .filter((k) => !(k in object))
      .map((k) => `${at}.${k}: missing`);
    for (const [k, v] of Object.entries(object)) {
      if (properties[k]) errors.push(...validate(properties[k], v, `${at}.${k}`));
      else if (typeof schema.additionalProperties === 'object')
        errors.push(...validate(schema.additionalProperties as Schema, v, `${at}.${k}`));
      else if (schema.properties && !schema.additionalProperties) errors.push(`${at}.${k}: not documented`);
    }
    return errors;
  }

  const get = async (c: AuthedClient, path: string) => conforms(await c.get(path), 'get', path);
  const post = async (c: AuthedClient, path: string, body?: object) =>
    conforms(await c.post(path, body), 'post', path);
  const patch = async (c: AuthedClient, path: string, body?: object) =>
    conforms(await c.patch(path, body), 'patch', path);

  it('describes what the reads answer', async () => {
    conforms(await t.http().get('/api/health'), 'get', '/api/health');
    conforms(await t.http().get('/api/me'), 'get', '/api/me');
    const w = await world(t, { province: union, cycle: await openCycle(t) });
    const editor = w.province.editor;
    const consolidator = w.central.consolidator;
    await get(editor, '/api/me');
    await get(editor, '/api/users');
    await get(editor, '/api/organizations');
    await get(editor, '/api/norms');
    await get(editor, '/api/notifications');
    await get(editor, '/api/proposals');
    const cycleId = w.cycle.id;
    expect((await get(editor, '/api/cycles')).body.items.map((c: { id: string }) => c.id)).toContain(cycleId);
    await get(editor, `/api/cycles/${cycleId}`);
    await get(consolidator, `/api/cycles/${cycleId}/dashboard`);
    await get(editor, `/api/cycles/${cycleId}/dashboard`);
    const plans = (await get(consolidator, `/api/plans?cycleId=${cycleId}`)).body.items as { id: string }[];
    expect(plans.map((p) => p.id)).toEqual([w.plan.id]);
    for (const plan of plans) {
      await get(consolidator, `/api/plans/${plan.id}`);
      await get(consolidator, `/api/plans/${plan.id}/history`);
      await get(consolidator, `/api/plans/${plan.id}/history/verify`);
      await get(consolidator, `/api/plans/${plan.id}/versions`);
    }
    await get(consolidator, '/api/reviews');
    await get(w.province.content, '/api/delegations');
    await get(editor, '/api/plans/not-a-uuid');
  });

  it('describes what the commands answer, along the chain', async () => {
    const w = await world(t, { province: union, cycle: await openCycle(t) });
    const { editor, submitter, content: sngv } = w.province;
    const planId = w.plan.id;
    const version = (await get(editor, `/api/plans/${planId}`)).body.version;
    await patch(editor, `/api/plans/${planId}`, { objectives: 'Mở rộng hợp tác' });
    const activity = await post(editor, `/api/plans/${planId}/activities`, {
      title: 'Đón đoàn hữu nghị',
      type: 'DELEGATION_IN',
    });
    expect(activity.status).toBe(201);
    const line = await post(editor, `/api/activities/${activity.body.id}/budget-lines`, {
      category: 'MEALS',
      description: 'Chiêu đãi',
      quantity: 2,
      unit: 'bữa',
      unitCost: 99_000_000,
      fundingSource: 'STATE_BUDGET',
    });
    expect(line.status).toBe(201);
    await patch(editor, `/api/budget-lines/${line.body.id}`, { quantity: 3 });
    await patch(editor, `/api/activities/${activity.body.id}`, { location: 'Hải Phòng' });
    expect((await patch(submitter, `/api/plans/${planId}`, { title: 'x' })).status).toBe(403);
    const stale = await conforms(
      await editor.patch(`/api/plans/${planId}`).set('If-Match', String(version)).send({ title: 'Cũ' }),
      'patch',
      `/api/plans/${planId}`,
    );
    expect(stale.status).toBe(409);
    expect((await post(submitter, `/api/plans/${planId}/submit`)).status).toBe(200);
    await get(editor, `/api/plans/${planId}/changes`);
    const inbox = (await get(sngv, '/api/reviews?mine=true&status=PENDING')).body.items as {
      id: string;
      planId: string;
    }[];
    const review = inbox.find((r) => r.planId === planId)!;
    expect(review).toBeDefined();
    expect(
      (
        await post(sngv, `/api/reviews/${review.id}/decision`, {
          decision: 'REQUEST_REVISION',
          comment: 'Bớt',
        })
      ).status,
    ).toBe(200);
    await patch(editor, `/api/budget-lines/${line.body.id}`, { quantity: 1 });
    await get(editor, `/api/plans/${planId}/changes`);
    expect((await post(submitter, `/api/plans/${planId}/submit`)).status).toBe(200);
    await get(editor, `/api/plans/${planId}/versions/2/diff?against=1`);
    await get(editor, `/api/plans/${planId}/history`);
    await get(editor, `/api/plans/${planId}`);
    await post(editor, '/api/notifications/read-all');
    await post(editor, `/api/plans/${planId}/withdraw`, { reason: 'x'.repeat(3000) });
  });

  it('describes what clusters and mergers answer (issue 14)', async () => {
    const w = await world(t, { cycle: await openCycle(t) });
    const successor = await world(t, { cycle: w.cycle });
    const { admin, consolidator } = w.central;
    await get(w.province.editor, `/api/cycles/${w.cycle.id}/clusters`);
    const put = await t
      .http()
      .put(`/api/cycles/${w.cycle.id}/clusters`)
      .set('Authorization', `Bearer ${consolidator.token}`)
      .send([
        {
          number: 1,
          name: 'Cụm 1',
          headOrganizationId: w.province.unionId,
          memberOrganizationIds: [w.province.unionId],
        },
      ]);
    conforms(put, 'put', `/api/cycles/${w.cycle.id}/clusters`);
    expect(put.status).toBe(200);
    const merged = await post(admin, `/api/organizations/${w.province.unionId}/merge`, {
      intoOrganizationId: successor.province.unionId,
      effectiveDate: '2025-07-01',
    });
    expect(merged.status).toBe(200);
    await post(admin, `/api/organizations/${w.province.unionId}/merge`, {
      intoOrganizationId: successor.province.unionId,
      effectiveDate: '2025-07-01',
    });
    await get(successor.province.editor, `/api/organizations/${successor.province.unionId}/lineage`);
    await get(successor.province.editor, `/api/organizations/${w.province.unionId}/lineage`);
    await get(successor.province.editor, `/api/plans/${successor.plan.id}`);
  });
  it('describes what consolidations answer (issue 14)', async () => {
    const w = await world(t, { cycle: await openCycle(t) });
    const { consolidator, leader } = w.central;
    const { submitter, budget, content, final } = w.province;
    const today = t.clock.now().toISOString().slice(0, 10);
    expect((await post(submitter, `/api/plans/${w.plan.id}/submit`)).status).toBe(200);
    const review = async (who: AuthedClient, fn: string) =>
      (
        (await who.get('/api/reviews?mine=true&status=PENDING')).body.items as {
          id: string;
          planId: string;
          function: string;
        }[]
      ).find((r) => r.planId === w.plan.id && r.function === fn)!.id;
    const lines = w.plan.activities.flatMap((a) => a.budgetLines);
    await post(budget, `/api/reviews/${await review(budget, 'BUDGET')}/decision`, {
      decision: 'APPROVE',
      lines: lines.map((l) => ({ budgetLineId: l.id, approvedAmount: l.amount })),
    });
    await post(content, `/api/reviews/${await review(content, 'CONTENT')}/decision`, { decision: 'APPROVE' });
    await post(final, `/api/reviews/${await review(final, 'FINAL')}/decision`, {
      decision: 'APPROVE',
      decisionNumber: '1/QĐ-UBND',
      decisionDate: today,
      signer: 'Chủ tịch UBND tỉnh',
    });
    const cycleId = w.cycle.id;
    const first = await post(consolidator, `/api/cycles/${cycleId}/consolidations`, { note: 'Tổng hợp' });
    expect(first.status).toBe(201);
    await post(consolidator, `/api/cycles/${cycleId}/consolidations`, {});
    await post(w.province.editor, `/api/cycles/${cycleId}/consolidations`, {});
    await post(consolidator, `/api/cycles/${cycleId}/consolidations`, { note: 7 });
    await get(leader, `/api/cycles/${cycleId}/consolidations`);
    const id = first.body.id as string;
    expect((await post(leader, `/api/consolidations/${id}/return`, { reason: 'Bổ sung' })).status).toBe(200);
    const second = await post(consolidator, `/api/cycles/${cycleId}/consolidations`, {});
    expect(second.status).toBe(201);
    await post(leader, `/api/consolidations/${second.body.id}/approve`, { decisionNumber: '' });
    const approved = await post(leader, `/api/consolidations/${second.body.id}/approve`, {
      decisionNumber: '2/QĐ-LHHN',
      decisionDate: today,
      signer: 'Chủ tịch',
      comment: 'Đồng ý',
    });
    expect(approved.status).toBe(200);
    await post(leader, `/api/consolidations/${id}/approve`, {
      decisionNumber: '2/QĐ-LHHN',
      decisionDate: today,
      signer: 'Chủ tịch',
    });
    await get(consolidator, `/api/consolidations/${id}`);
    await get(consolidator, `/api/consolidations/${second.body.id}`);
    await get(w.province.editor, `/api/consolidations/${id}`);
    await get(leader, `/api/consolidations/${id}/history`);
    await get(leader, `/api/consolidations/${id}/history/verify`);
    await get(leader, `/api/consolidations/not-a-uuid`);
    await get(leader, `/api/consolidations/00000000-0000-4000-8000-000000000000`);
    // Closing the year: refused while an activity is open, then done once every activity is.
    await post(leader, `/api/cycles/${cycleId}/close`, {});
    expect((await post(consolidator, `/api/cycles/${cycleId}/close`, {})).status).toBe(409);
    for (const a of w.plan.activities)
      await patch(w.province.editor, `/api/activities/${a.id}/progress`, { implementationStatus: 'DONE' });
    expect((await post(consolidator, `/api/cycles/${cycleId}/close`, {})).status).toBe(200);
  });
});
