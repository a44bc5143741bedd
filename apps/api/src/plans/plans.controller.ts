import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY, idempotencyKey } from '../common/idempotency';
import { IF_MATCH, parseIfMatch } from '../common/if-match';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import {
  CreateActivityDto,
  CreateBudgetLineDto,
  CreatePlanDto,
  PlanQuery,
  ProgressDto,
  UpdateActivityDto,
  UpdateBudgetLineDto,
  UpdatePlanDto,
  WithdrawDto,
} from './plans.dto';
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Roles('PLAN_EDITOR')
  @Post('cycles/:cycleId/plans')
  create(
    @CurrentUser() p: Principal,
    @Param('cycleId', UuidPipe) cycleId: string,
    @Body() dto: CreatePlanDto,
  ) {
    return this.plans.create(p, cycleId, dto);
  }

  @Get('plans')
  list(@CurrentUser() p: Principal, @Query() q: PlanQuery) {
    return this.plans.list(p, q);
  }

  @Get('plans/:id')
  get(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.plans.get(p, id);
  }

  @Roles('PLAN_EDITOR')
  @ApiHeader(IF_MATCH)
  @Patch('plans/:id')
  update(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdatePlanDto,
  ) {
    return this.plans.update(p, id, parseIfMatch(ifMatch), dto);
  }

  @Roles('PLAN_EDITOR')
  @ApiHeader(IF_MATCH)
  @Post('plans/:id/activities')
  addActivity(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: CreateActivityDto,
  ) {
    return this.plans.addActivity(p, id, parseIfMatch(ifMatch), dto);
  }

  @Roles('PLAN_EDITOR')
  @ApiHeader(IF_MATCH)
  @Patch('activities/:id')
  updateActivity(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateActivityDto,
  ) {
    return this.plans.updateActivity(p, id, parseIfMatch(ifMatch), dto);
  }

  @Roles('PLAN_EDITOR')
  @ApiHeader(IF_MATCH)
  @Delete('activities/:id')
  @HttpCode(204)
  removeActivity(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.plans.removeActivity(p, id, parseIfMatch(ifMatch));
  }

  @Roles('PLAN_EDITOR')
  @ApiHeader(IF_MATCH)
  @Post('activities/:id/budget-lines')
  addLine(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: CreateBudgetLineDto,
  ) {
    return this.plans.addLine(p, id, parseIfMatch(ifMatch), dto);
  }

  @Roles('PLAN_EDITOR')
  @ApiHeader(IF_MATCH)
  @Patch('budget-lines/:id')
  updateLine(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateBudgetLineDto,
  ) {
    return this.plans.updateLine(p, id, parseIfMatch(ifMatch), dto);
  }

  @Roles('PLAN_EDITOR')
  @ApiHeader(IF_MATCH)
  @Delete('budget-lines/:id')
  @HttpCode(204)
  removeLine(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.plans.removeLine(p, id, parseIfMatch(ifMatch));
  }

  @Roles('PLAN_EDITOR')
  @Patch('activities/:id/progress')
  progress(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string, @Body() dto: ProgressDto) {
    return this.plans.recordProgress(p, id, dto);
  }

  @Roles('PLAN_SUBMITTER')
  @ApiHeader(IDEMPOTENCY)
  @Post('plans/:id/submit')
  @HttpCode(200)
  submit(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch?: string,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.plans.submit(p, id, parseIfMatch(ifMatch), idempotencyKey(key));
  }

  @Roles('PLAN_SUBMITTER')
  @ApiHeader(IDEMPOTENCY)
  @Post('plans/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: WithdrawDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.plans.withdraw(p, id, dto.reason, idempotencyKey(key));
  }
}
