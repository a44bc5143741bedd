import { Injectable, Logger } from '@nestjs/common';
import { UserEntity } from '@vufo/persistence';
import { Tx } from '../common/transaction';
import { CyclesService } from '../cycles/cycles.service';
import { IdentityService } from '../identity/identity.service';
import { hashPassword } from '../identity/passwords';
import { Principal } from '../identity/principal';
import { PlansService } from '../plans/plans.service';
import { CreateActivityDto, CreateBudgetLineDto } from '../plans/plans.dto';
import { DEMO } from './demo-data';
import { DemoSeedRepository } from './demo-seed.repository';

const fill = (template: string, province: string) => template.replace('{province}', province);

/**
 * The demo data set, once, on a database with no plan and no demo user. Plans are drafted through
 * the same services as the API, so their history starts like any other plan's.
 */
@Injectable()
export class DemoSeeder {
  private readonly log = new Logger('DemoSeeder');

  constructor(
    private readonly tx: Tx,
    private readonly repo: DemoSeedRepository,
    private readonly identity: IdentityService,
    private readonly cycles: CyclesService,
    private readonly plans: PlansService,
  ) {}

  async seedOnce(): Promise<void> {
    const done = await this.tx.run(async () => {
      await this.repo.lock();
      if (await this.repo.organizationExists('HP')) return true;
      await this.seedOrganizationsAndUsers();
      return false;
    });
    if (done) return;
    await this.seedCycleAndPlans();
    this.log.log('demo data seeded');
  }

  private async seedOrganizationsAndUsers(): Promise<void> {
    const central =
      (await this.repo.centralUnion()) ??
      (await this.repo.insertOrganization({ ...DEMO.central, kind: 'CENTRAL_UNION' }));
    const ids = new Map<string, string>([[DEMO.central.code, central.id]]);
    for (const u of DEMO.unions) {
      const union = await this.repo.insertOrganization({
        code: u.code,
        nameVi: fill(DEMO.unionName.vi, u.province),
        nameEn: fill(DEMO.unionName.en, u.provinceEn),
        kind: 'PROVINCIAL_UNION',
        provinceCode: u.code,
        cluster: u.cluster,
      });
      ids.set(u.code, union.id);
      for (const a of DEMO.agencies) {
        const agency = await this.repo.insertOrganization({
          code: `${u.code}-${a.suffix}`,
          nameVi: fill(a.vi, u.province),
          nameEn: fill(a.en, u.provinceEn),
          kind: 'APPRAISAL_AGENCY',
          provinceCode: u.code,
          servesOrganizationId: union.id,
          function: a.function as 'CONTENT' | 'BUDGET' | 'FINAL',
        });
        ids.set(agency.code, agency.id);
      }
      // Unions merged in 2025 keep their record, closed on 30/6/2025 and pointing to the successor.
      for (const pre of u.predecessors) {
        await this.repo.insertOrganization({
          code: pre.code,
          nameVi: fill(DEMO.unionName.vi, pre.province),
          nameEn: fill(DEMO.unionName.en, pre.provinceEn),
          kind: 'PROVINCIAL_UNION',
          provinceCode: pre.code,
          status: 'MERGED',
          mergedIntoId: union.id,
          validTo: '2025-06-30',
        });
      }
    }
    for (const u of DEMO.users) {
      await this.repo.insertUser({
        login: u.login,
        // Each user its own salt: equal passwords must not give equal hashes.
        passwordHash: await hashPassword(DEMO.password),
        displayName: u.displayName,
        organizationId: ids.get(u.organizationCode)!,
        roles: u.roles as UserEntity['roles'],
      });
    }
  }

  private async principal(login: string): Promise<Principal> {
    return (await this.identity.principalOf(await this.repo.userId(login)))!;
  }

  private async seedCycleAndPlans(): Promise<void> {
    const consolidator = await this.principal('vufo.consolidator');
    const cycle = await this.tx.run(() => this.cycles.create(consolidator, { ...DEMO.cycle }));
    for (const plan of DEMO.plans) {
      const editor = await this.principal(plan.editor);
      const created = await this.plans.create(editor, cycle.id, {
        title: plan.title,
        objectives: plan.objectives,
      });
      for (const a of plan.activities) {
        const { lines, ...fields } = a;
        const activity = await this.tx.run(() =>
          this.plans.addActivity(editor, created.id, undefined, fields as CreateActivityDto),
        );
        if ('sourceProvince' in fields && fields.sourceProvince) {
          await this.repo.setSourceProvince(activity.id, fields.sourceProvince);
        }
        for (const l of lines) {
          const dto = { ...l, unitCost: BigInt(l.unitCost) } as unknown as CreateBudgetLineDto;
          await this.tx.run(() => this.plans.addLine(editor, activity.id, undefined, dto));
        }
      }
    }
  }
}
