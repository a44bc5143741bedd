import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { CreateCycleDto } from './cycles.dto';
import { CyclesService } from './cycles.service';
import { DashboardService } from './dashboard.service';

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(
    private readonly cycles: CyclesService,
    private readonly dashboards: DashboardService,
  ) {}

  @Roles('CONSOLIDATOR')
  @Post()
  create(@CurrentUser() p: Principal, @Body() dto: CreateCycleDto) {
    return this.cycles.create(p, dto);
  }

  @Get()
  list() {
    return this.cycles.list();
  }

  @Roles('CONSOLIDATOR', 'LEADER', 'ADMIN')
  @Get(':id/dashboard')
  dashboard(@Param('id', UuidPipe) id: string) {
    return this.dashboards.dashboard(id);
  }

  @Get(':id')
  get(@Param('id', UuidPipe) id: string) {
    return this.cycles.get(id);
  }
}
