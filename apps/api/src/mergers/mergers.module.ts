import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { MergersController } from './mergers.controller';
import { MergersRepository } from './mergers.repository';
import { MergersService } from './mergers.service';

/** Mergers: a province's union merging into its successor, and the lineage of an organisation. */
@Module({
  imports: [ApprovalModule],
  controllers: [MergersController],
  providers: [MergersService, MergersRepository],
  exports: [MergersService],
})
export class MergersModule {}
