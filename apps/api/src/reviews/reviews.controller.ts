import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY, idempotencyKey } from '../common/idempotency';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { DecisionDto, DelegationDto, ReviewQuery } from './reviews.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('reviews')
  inbox(@CurrentUser() p: Principal, @Query() q: ReviewQuery) {
    return this.reviews.inbox(p, q.status, Number(q.limit ?? 200));
  }

  @ApiHeader(IDEMPOTENCY)
  @Post('reviews/:id/decision')
  @HttpCode(200)
  decide(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: DecisionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.reviews.decide(p, id, dto, idempotencyKey(key));
  }

  @Get('delegations')
  delegations(@CurrentUser() p: Principal) {
    return this.reviews.delegations(p);
  }

  @Roles('APPRAISER')
  @Post('delegations')
  delegate(@CurrentUser() p: Principal, @Body() dto: DelegationDto) {
    return this.reviews.delegate(p, dto);
  }

  @Roles('APPRAISER')
  @Delete('delegations/:id')
  @HttpCode(204)
  revoke(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.reviews.revokeDelegation(p, id);
  }
}
