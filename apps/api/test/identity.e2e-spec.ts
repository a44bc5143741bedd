import { startTestApp, TestApp } from '../../../test/support/test-app';
import { province, Province, TEST_PASSWORD } from '../../../test/support/factories';

describe('identity: login, roles, administration', () => {
  let t: TestApp;
  // Read-only: two unions with their agencies and users, made by the administrator.
  let hp: Province, dn: Province;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    [hp, dn] = await Promise.all([province(t, { code: 'HP' }), province(t, { code: 'DN' })]);
  });
  afterAll(() => t.close());

  it('logs in with the password and returns a token and the user', async () => {
    const res = await t.http().post('/api/auth/login').send({ login: 'hp.editor', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.body.user).toMatchObject({ login: 'hp.editor', roles: ['PLAN_EDITOR'] });
  });

  it('refuses a wrong password and an unknown login alike, with 401 problem+json', async () => {
    for (const body of [
      { login: 'hp.editor', password: 'wrong' },
      { login: 'nobody', password: TEST_PASSWORD },
    ]) {
      const res = await t.http().post('/api/auth/login').send(body);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('GET /api/me needs a valid token and returns the organization and roles', async () => {
    expect((await t.http().get('/api/me')).status).toBe(401);
    expect((await t.http().get('/api/me').set('Authorization', 'Bearer not.a.token')).status).toBe(401);
    const me = await hp.content.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.organization).toMatchObject({
      id: hp.agencies.CONTENT,
      code: 'HP-CONTENT',
      kind: 'APPRAISAL_AGENCY',
      function: 'CONTENT',
    });
    expect(me.body.roles).toEqual(['APPRAISER']);
  });

  it('stores passwords only as salted scrypt hashes', async () => {
    const rows = await t.sql<{ password_hash: string }>(
      `SELECT password_hash FROM app.users WHERE login IN ($1, $2)`,
      [hp.editor.user.login, dn.editor.user.login],
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(rows[0].password_hash).not.toBe(rows[1].password_hash);
  });

  it('created the first administrator from ADMIN_LOGIN/ADMIN_PASSWORD', async () => {
    const admin = await t.as('admin', 'admin-demo-2026');
    expect(admin.user.roles).toEqual(['ADMIN']);
  });

  it('lets only an ADMIN create organizations and users, and the new user can log in', async () => {
    const editor = hp.editor;
    expect(
      (
        await editor.post('/api/organizations', {
          code: 'X',
          nameVi: 'X',
          nameEn: 'X',
          kind: 'PROVINCIAL_UNION',
        })
      ).status,
    ).toBe(403);
    const admin = await t.as('admin', 'admin-demo-2026');
    const org = await admin.post('/api/organizations', {
      code: 'HT',
      nameVi: 'Liên hiệp các tổ chức hữu nghị tỉnh Hà Tĩnh',
      nameEn: 'Ha Tinh Union',
      kind: 'PROVINCIAL_UNION',
      provinceCode: 'HT',
      cluster: 3,
    });
    expect(org.status).toBe(201);
    const agency = await admin.post('/api/organizations', {
      code: 'HT-STC',
      nameVi: 'Sở Tài chính Hà Tĩnh',
      nameEn: 'Ha Tinh DoF',
      kind: 'APPRAISAL_AGENCY',
      servesOrganizationId: org.body.id,
      function: 'BUDGET',
    });
    expect(agency.status).toBe(201);
    const badAgency = await admin.post('/api/organizations', {
      code: 'HT-X',
      nameVi: 'x',
      nameEn: 'x',
      kind: 'APPRAISAL_AGENCY',
    });
    expect(badAgency.status).toBe(422);
    const user = await admin.post('/api/users', {
      login: 'ht.editor',
      password: 'long-enough-pw',
      displayName: 'Người soạn',
      organizationId: org.body.id,
      roles: ['PLAN_EDITOR'],
    });
    expect(user.status).toBe(201);
    expect(user.body).not.toHaveProperty('passwordHash');
    const dup = await admin.post('/api/users', {
      login: 'HT.Editor',
      password: 'long-enough-pw',
      displayName: 'x',
      organizationId: org.body.id,
      roles: ['PLAN_EDITOR'],
    });
    expect(dup.status).toBe(409);
    const ht = await t.as('ht.editor', 'long-enough-pw');
    expect(ht.user.organizationId).toBe(org.body.id);
    const list = await ht.get('/api/organizations?kind=APPRAISAL_AGENCY&province=HP');
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { code: string }) => o.code).sort()).toEqual([
      'HP-BUDGET',
      'HP-CONTENT',
      'HP-FINAL',
    ]);
  });

  it('serves health, the OpenAPI document, and security headers', async () => {
    const h = await t.http().get('/api/health');
    expect(h.status).toBe(200);
    expect(h.body.checks).toMatchObject({
      database: 'up',
      engine: 'up',
      engineKind: 'embedded',
      lateTimers: 0,
    });
    expect(h.headers['x-content-type-options']).toBe('nosniff');
    expect(h.headers['access-control-allow-origin']).toBeUndefined();
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/plans/{id}', '/api/activities/{id}/budget-lines']),
    );
  });

  it('answers every request with a request id, keeping a well-formed one the client sent', async () => {
    const fresh = await t.http().get('/api/me');
    expect(fresh.status).toBe(401);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.http().get('/api/health').set('X-Request-Id', 'ticket-4711.a');
    expect(given.headers['x-request-id']).toBe('ticket-4711.a');
    const hostile = await t.http().get('/api/health').set('X-Request-Id', 'x\u00a0'.repeat(100));
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
