import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NormsService } from './norms.service';

@ApiTags('norms')
@ApiBearerAuth()
@Controller('norms')
export class NormsController {
  constructor(private readonly norms: NormsService) {}

  @Get()
  async list() {
    return { items: await this.norms.rules(), nextCursor: null };
  }
}
