import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdempotencyKey, idempotencyKey } from '../common/idempotency';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { CreateCycleDto, ExtensionDto } from './cycles.dto';
import { CyclesService } from './cycles.service';
import { Created, Ok, Operation, Problems } from '../common/openapi';
import { CyclePage, CycleView, DashboardView, ExtensionView } from './cycles.views';

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Roles('CONSOLIDATOR')
  @Post()
  @Operation('createCycle', 'Open a planning cycle')
  @Created(CycleView)
  @Problems(403, 409, 400, 413, 422)
  create(@CurrentUser() p: Principal, @Body() dto: CreateCycleDto) {
    return this.cycles.create(p, dto);
  }

  @Get()
  @Operation('listCycles', 'Every cycle, newest year first')
  @Ok(CyclePage)
  list() {
    return this.cycles.list();
  }

  @Roles('CONSOLIDATOR', 'LEADER', 'ADMIN')
  @Get(':id/dashboard')
  @Operation('getCycleDashboard', "The central union's view of a cycle: provinces, totals, what is overdue")
  @Ok(DashboardView)
  @Problems(403, 404, 422)
  dashboard(@Param('id', UuidPipe) id: string) {
    return this.cycles.dashboard(id);
  }

  @Get(':id')
  @Operation('getCycle', 'A cycle with its deadlines, route and status')
  @Ok(CycleView)
  @Problems(404, 422)
  get(@Param('id', UuidPipe) id: string) {
    return this.cycles.get(id);
  }

  @Roles('LEADER')
  @IdempotencyKey()
  @Post(':id/extensions')
  @Operation('grantExtension', "Extend a union's submission deadline")
  @Created(ExtensionView)
  @Problems(403, 404, 409, 400, 413, 422)
  extension(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ExtensionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.cycles.grantExtension(p, id, dto, idempotencyKey(key));
  }

  @Roles('CONSOLIDATOR')
  @Post(':id/close')
  @HttpCode(200)
  @Operation(
    'closeCycle',
    'Close the cycle: its plans in rollout move to CLOSED. 409 while a plan is still in the approval chain, or a plan in rollout has an activity neither DONE nor CANCELLED (and no accepted annual report), or the cycle is not IN_ROLLOUT (a second close included)',
  )
  @Ok(CycleView)
  @Problems(403, 404, 409, 422)
  close(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.cycles.close(p, id);
  }
}
