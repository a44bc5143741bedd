import { DomainError } from '@vufo/domain';
import { ReviewsModule } from '../../src/reviews/reviews.module';
import { ReviewsService } from '../../src/reviews/reviews.service';
import { anOrganization, aUser, Medium, startMedium } from './medium';

/** Delegations through ReviewsService on the real database, without HTTP. */
describe('reviews (medium): delegations', () => {
  let m: Medium;
  let reviews: ReviewsService;

  beforeAll(async () => {
    m = await startMedium(ReviewsModule);
    reviews = m.module.get(ReviewsService);
  });
  afterAll(() => m.close());

  async function anAgency() {
    const union = await anOrganization(m.ds, 'PROVINCIAL_UNION');
    const agency = await anOrganization(m.ds, 'APPRAISAL_AGENCY', {
      servesOrganizationId: union.id,
      function: 'CONTENT',
    });
    const appraiser = await aUser(m.ds, agency, ['APPRAISER']);
    const colleague = await aUser(m.ds, agency, []);
    return { union, agency, appraiser, colleague };
  }

  const week = (from: Date) => ({
    validFrom: from.toISOString(),
    validTo: new Date(from.getTime() + 7 * 86_400_000).toISOString(),
    reason: 'nghỉ phép',
  });

  it('an appraiser delegates to a colleague; the agency lists it', async () => {
    const { appraiser, colleague } = await anAgency();
    const d = await reviews.delegate(appraiser.principal, {
      toUserId: colleague.user.id,
      ...week(m.clock.now()),
      reason: 'nghỉ phép',
    });
    expect(d).toMatchObject({
      fromUserId: appraiser.user.id,
      toUserId: colleague.user.id,
      toDisplayName: colleague.user.displayName,
      fromDisplayName: appraiser.user.displayName,
      reason: 'nghỉ phép',
    });
    const listed = await reviews.delegations(colleague.principal);
    expect(listed.items).toEqual([expect.objectContaining({ id: d.id, revokedAt: null })]);
  });

  it('a revocation is stamped with the Clock, not the database time', async () => {
    const { appraiser, colleague } = await anAgency();
    const d = await reviews.delegate(appraiser.principal, {
      toUserId: colleague.user.id,
      ...week(m.clock.now()),
    });
    const at = new Date('2031-03-04T05:06:07.000Z');
    m.clock.setNow(at);
    try {
      await reviews.revokeDelegation(appraiser.principal, d.id);
    } finally {
      m.clock.setNow(new Date());
    }
    const [row] = (await reviews.delegations(appraiser.principal)).items as { revokedAt: Date }[];
    // The Clock runs on from where it was set: a few milliseconds after `at`, years from the database's now().
    const late = new Date(row.revokedAt).getTime() - at.getTime();
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(5000);
    // Revoked once: a second revocation finds nothing to revoke.
    await expect(reviews.revokeDelegation(appraiser.principal, d.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('only the delegating appraiser revokes; a colleague of another agency is no delegate', async () => {
    const a = await anAgency();
    const b = await anAgency();
    const d = await reviews.delegate(a.appraiser.principal, {
      toUserId: a.colleague.user.id,
      ...week(m.clock.now()),
    });
    await expect(reviews.revokeDelegation(a.colleague.principal, d.id)).rejects.toBeInstanceOf(DomainError);
    await expect(
      reviews.delegate(a.appraiser.principal, { toUserId: b.colleague.user.id, ...week(m.clock.now()) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      reviews.delegate(a.colleague.principal, { toUserId: a.appraiser.user.id, ...week(m.clock.now()) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the inbox of a union user is empty; of an agency, only its own reviews', async () => {
    const { union, agency } = await anAgency();
    const editor = await aUser(m.ds, union, ['PLAN_EDITOR']);
    expect(await reviews.inbox(editor.principal, undefined, 50)).toEqual({ items: [], nextCursor: null });
    const staff = await aUser(m.ds, agency, []);
    expect((await reviews.inbox(staff.principal, 'PENDING', 50)).items).toEqual([]);
  });
});
