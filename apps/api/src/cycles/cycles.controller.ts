import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { CreateCycleDto } from './cycles.dto';
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

  @Get(':id')
  get(@Param('id', UuidPipe) id: string) {
    return this.cycles.get(id);
  }
}
