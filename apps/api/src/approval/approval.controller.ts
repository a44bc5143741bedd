import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { PageQuery } from '../common/cursor';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@vufo/domain';
import { UuidPipe } from '../common/validation';
import { ExtensionDto } from '../cycles/cycles.dto';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { parseIfMatch } from '../plans/plan-access';
import { PlansService } from '../plans/plans.service';
import { DecisionDto, DelegationDto, DiffQuery, ReviewQuery, WithdrawDto } from './approval.dto';
import { ApprovalService } from './approval.service';

const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  required: false,
  description: 'a repeat with the same key has effect once',
};

function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\w.:-]{1,200}$/.test(value)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key: 1-200 letters, digits, . _ : -', [
      { field: 'Idempotency-Key', message: 'bad key' },
    ]);
  }
  return value;
}

@ApiTags('approval')
@ApiBearerAuth()
@Controller()
export class ApprovalController {
  constructor(
    private readonly approval: ApprovalService,
    private readonly plans: PlansService,
  ) {}

  @Roles('PLAN_SUBMITTER')
  @ApiHeader(IDEMPOTENCY)
  @Post('plans/:id/submit')
  @HttpCode(200)
  async submit(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch?: string,
    @Headers('idempotency-key') key?: string,
  ) {
    await this.approval.submit(p, id, parseIfMatch(ifMatch), idempotencyKey(key));
    return this.plans.get(p, id);
  }

  @Roles('PLAN_SUBMITTER')
  @ApiHeader(IDEMPOTENCY)
  @Post('plans/:id/withdraw')
  @HttpCode(200)
  async withdraw(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: WithdrawDto,
    @Headers('idempotency-key') key?: string,
  ) {
    await this.approval.withdraw(p, id, dto.reason, idempotencyKey(key));
    return this.plans.get(p, id);
  }

  @Get('reviews')
  inbox(@CurrentUser() p: Principal, @Query() q: ReviewQuery) {
    return this.approval.inbox(p, q.status, Number(q.limit ?? 200));
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
    return this.approval.decide(p, id, dto, idempotencyKey(key));
  }

  @Roles('LEADER')
  @ApiHeader(IDEMPOTENCY)
  @Post('cycles/:id/extensions')
  extension(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ExtensionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.approval.grantExtension(p, id, dto, idempotencyKey(key));
  }

  @Get('plans/:id/history')
  history(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string, @Query() q: PageQuery) {
    return this.approval.history(p, id, q);
  }

  @Get('plans/:id/history/verify')
  verify(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.approval.verify(p, id);
  }

  @Get('plans/:id/versions')
  versions(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.approval.versions(p, id);
  }

  @Get('plans/:id/versions/:n/diff')
  diff(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('n') n: string,
    @Query() q: DiffQuery,
  ) {
    if (!/^\d{1,6}$/.test(n))
      throw new DomainError('VALIDATION_FAILED', 'version must be a number', [
        { field: 'n', message: 'not a number' },
      ]);
    return this.approval.diff(p, id, Number(n), Number(q.against));
  }

  /** The working copy against the last submitted version (`to` is null: not a version yet). */
  @Get('plans/:id/changes')
  changes(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.approval.workingChanges(p, id);
  }

  @Get('delegations')
  delegations(@CurrentUser() p: Principal) {
    return this.approval.delegations(p);
  }

  @Roles('APPRAISER')
  @Post('delegations')
  delegate(@CurrentUser() p: Principal, @Body() dto: DelegationDto) {
    return this.approval.delegate(p, dto);
  }

  @Roles('APPRAISER')
  @Delete('delegations/:id')
  @HttpCode(204)
  revoke(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.approval.revokeDelegation(p, id);
  }
}
