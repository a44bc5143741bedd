import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdempotencyKey, idempotencyKey } from '../common/idempotency';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { DecisionDto, DelegationDto, ReviewQuery } from './reviews.dto';
import { ReviewsService } from './reviews.service';
import { Created, NoContent, Ok, Operation, Problems } from '../common/openapi';
import { DecidedReviewView, DelegationPage, InboxPage, NewDelegationView } from './reviews.views';

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('reviews')
  @Operation('listReviews', "The caller's agency's review inbox (all reviews for central roles)")
  @Ok(InboxPage)
  @Problems(422)
  inbox(@CurrentUser() p: Principal, @Query() q: ReviewQuery) {
    return this.reviews.inbox(p, q.status, Number(q.limit ?? 200));
  }

  @IdempotencyKey()
  @Post('reviews/:id/decision')
  @HttpCode(200)
  @Operation('decideReview', 'Approve, request a revision or reject, as the reviewing agency')
  @Ok(DecidedReviewView)
  @Problems(403, 404, 409, 400, 413, 422)
  decide(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: DecisionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.reviews.decide(p, id, dto, idempotencyKey(key));
  }

  @Get('delegations')
  @Operation('listDelegations', "The delegations of the caller's agency")
  @Ok(DelegationPage)
  delegations(@CurrentUser() p: Principal) {
    return this.reviews.delegations(p);
  }

  @Roles('APPRAISER')
  @Post('delegations')
  @Operation('createDelegation', "Delegate the caller's appraisals to a colleague for a period")
  @Created(NewDelegationView)
  @Problems(403, 400, 413, 422)
  delegate(@CurrentUser() p: Principal, @Body() dto: DelegationDto) {
    return this.reviews.delegate(p, dto);
  }

  @Roles('APPRAISER')
  @Delete('delegations/:id')
  @HttpCode(204)
  @Operation('revokeDelegation', "Revoke one of the caller's delegations")
  @NoContent()
  @Problems(403, 404, 422)
  revoke(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.reviews.revokeDelegation(p, id);
  }
}
