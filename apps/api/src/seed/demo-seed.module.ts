import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { IdentityModule } from '../identity/identity.module';
import { PlansModule } from '../plans/plans.module';
import { DemoSeedRepository } from './demo-seed.repository';
import { DemoSeeder } from './demo-seeder';

/** The demo world, built through the capabilities' own services (identity, cycles, plans). */
@Module({
  imports: [IdentityModule, CyclesModule, PlansModule],
  providers: [DemoSeeder, DemoSeedRepository],
  exports: [DemoSeeder],
})
export class DemoSeedModule {}
