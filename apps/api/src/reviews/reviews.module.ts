import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Reviews: an agency's inbox and decisions, and an appraiser's delegations to a colleague. */
@Module({
  imports: [ApprovalModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, ReviewsRepository],
  exports: [ReviewsService],
})
export class ReviewsModule {}
