import { Module } from '@nestjs/common';
import { NormsController } from './norms.controller';
import { NormsService } from './norms.service';

/** Spending norms (Circular 35/2026 by default) that a budget line is checked against. */
@Module({
  controllers: [NormsController],
  providers: [NormsService],
  exports: [NormsService],
})
export class NormsModule {}
