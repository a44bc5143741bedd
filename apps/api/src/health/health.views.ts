import { ApiProperty } from '@nestjs/swagger';
import { Integer, Nested } from '../common/openapi';

class HealthChecksView {
  @ApiProperty({ enum: ['up', 'down'] }) database!: string;
  @ApiProperty({ enum: ['up', 'down'] }) engine!: string;
  @ApiProperty({ enum: ['embedded', 'temporal'] }) engineKind!: string;
  @Integer({ nullable: true, description: 'timers more than a minute late; null when the database is down' })
  lateTimers!: number | null;
}

/** Liveness and readiness: 200 when the database and the engine answer, else 503. */
export class HealthView {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: string;
  @Nested(HealthChecksView) checks!: HealthChecksView;
  @Integer() latencyMs!: number;
}
