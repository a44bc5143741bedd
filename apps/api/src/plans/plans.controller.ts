import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdempotencyKey, idempotencyKey } from '../common/idempotency';
import { IfMatch, parseIfMatch } from '../common/if-match';
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
import { Created, NoContent, Ok, Operation, Problems } from '../common/openapi';
import { EditedActivityView, EditedBudgetLineView, PlanPage, PlanView } from './plans.views';

@ApiTags('plans')
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Roles('PLAN_EDITOR')
  @Post('cycles/:cycleId/plans')
  @Operation('createPlan', "Draft the union's plan for a cycle")
  @Created(PlanView)
  @Problems(403, 404, 409, 400, 413, 422)
  create(
    @CurrentUser() p: Principal,
    @Param('cycleId', UuidPipe) cycleId: string,
    @Body() dto: CreatePlanDto,
  ) {
    return this.plans.create(p, cycleId, dto);
  }

  @Get('plans')
  @Operation('listPlans', 'Plans the caller may see, newest first')
  @Ok(PlanPage)
  @Problems(422)
  list(@CurrentUser() p: Principal, @Query() q: PlanQuery) {
    return this.plans.list(p, q);
  }

  @Get('plans/:id')
  @Operation('getPlan', 'A plan with its activities, budget lines, reviews and deadlines')
  @Ok(PlanView)
  @Problems(404, 422)
  get(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.plans.get(p, id);
  }

  @Roles('PLAN_EDITOR')
  @IfMatch()
  @Patch('plans/:id')
  @Operation('updatePlan', "Edit the plan's title or objectives (draft or revision)")
  @Ok(PlanView)
  @Problems(403, 404, 409, 400, 413, 422)
  update(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdatePlanDto,
  ) {
    return this.plans.update(p, id, parseIfMatch(ifMatch), dto);
  }

  @Roles('PLAN_EDITOR')
  @IfMatch()
  @Post('plans/:id/activities')
  @Operation('addActivity', 'Add an activity to the plan')
  @Created(EditedActivityView)
  @Problems(403, 404, 409, 400, 413, 422)
  addActivity(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: CreateActivityDto,
  ) {
    return this.plans.addActivity(p, id, parseIfMatch(ifMatch), dto);
  }

  @Roles('PLAN_EDITOR')
  @IfMatch()
  @Patch('activities/:id')
  @Operation('updateActivity', 'Edit an activity')
  @Ok(EditedActivityView)
  @Problems(403, 404, 409, 400, 413, 422)
  updateActivity(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateActivityDto,
  ) {
    return this.plans.updateActivity(p, id, parseIfMatch(ifMatch), dto);
  }

  @Roles('PLAN_EDITOR')
  @IfMatch()
  @Delete('activities/:id')
  @HttpCode(204)
  @Operation('removeActivity', 'Remove an activity and its budget lines')
  @NoContent()
  @Problems(403, 404, 409, 422)
  removeActivity(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.plans.removeActivity(p, id, parseIfMatch(ifMatch));
  }

  @Roles('PLAN_EDITOR')
  @IfMatch()
  @Post('activities/:id/budget-lines')
  @Operation('addBudgetLine', 'Add a budget line to an activity')
  @Created(EditedBudgetLineView)
  @Problems(403, 404, 409, 400, 413, 422)
  addLine(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: CreateBudgetLineDto,
  ) {
    return this.plans.addLine(p, id, parseIfMatch(ifMatch), dto);
  }

  @Roles('PLAN_EDITOR')
  @IfMatch()
  @Patch('budget-lines/:id')
  @Operation('updateBudgetLine', 'Edit a budget line')
  @Ok(EditedBudgetLineView)
  @Problems(403, 404, 409, 400, 413, 422)
  updateLine(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateBudgetLineDto,
  ) {
    return this.plans.updateLine(p, id, parseIfMatch(ifMatch), dto);
  }

  @Roles('PLAN_EDITOR')
  @IfMatch()
  @Delete('budget-lines/:id')
  @HttpCode(204)
  @Operation('removeBudgetLine', 'Remove a budget line')
  @NoContent()
  @Problems(403, 404, 409, 422)
  removeLine(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.plans.removeLine(p, id, parseIfMatch(ifMatch));
  }

  @Roles('PLAN_EDITOR')
  @Patch('activities/:id/progress')
  @Operation('recordProgress', "Report an activity's rollout progress")
  @Ok(EditedActivityView)
  @Problems(403, 404, 409, 400, 413, 422)
  progress(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string, @Body() dto: ProgressDto) {
    return this.plans.recordProgress(p, id, dto);
  }

  @Roles('PLAN_SUBMITTER')
  @IfMatch()
  @IdempotencyKey()
  @Post('plans/:id/submit')
  @HttpCode(200)
  @Operation('submitPlan', 'Submit (or resubmit) the plan for appraisal')
  @Ok(PlanView)
  @Problems(403, 404, 409, 422)
  submit(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch?: string,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.plans.submit(p, id, parseIfMatch(ifMatch), idempotencyKey(key));
  }

  @Roles('PLAN_SUBMITTER')
  @IdempotencyKey()
  @Post('plans/:id/withdraw')
  @HttpCode(200)
  @Operation('withdrawPlan', 'Withdraw the plan')
  @Ok(PlanView)
  @Problems(403, 404, 409, 400, 413, 422)
  withdraw(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: WithdrawDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.plans.withdraw(p, id, dto.reason, idempotencyKey(key));
  }
}
