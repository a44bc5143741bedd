import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NormsService } from './norms.service';
import { Ok, Operation } from '../common/openapi';
import { NormRulePage } from './norms.views';

@ApiTags('norms')
@Controller('norms')
export class NormsController {
  constructor(private readonly norms: NormsService) {}

  @Get()
  @Operation('listNorms', 'The spending norms (caps per unit) in force and past')
  @Ok(NormRulePage)
  async list() {
    return { items: await this.norms.rules(), nextCursor: null };
  }
}
