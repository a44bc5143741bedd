import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY, idempotencyKey } from '../common/idempotency';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { CreateCycleDto, ExtensionDto } from './cycles.dto';
import { CyclesService } from './cycles.service';

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

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
    return this.cycles.dashboard(id);
  }

  @Get(':id')
  get(@Param('id', UuidPipe) id: string) {
    return this.cycles.get(id);
  }

  @Roles('LEADER')
  @ApiHeader(IDEMPOTENCY)
  @Post(':id/extensions')
  extension(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ExtensionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.cycles.grantExtension(p, id, dto, idempotencyKey(key));
  }
}
