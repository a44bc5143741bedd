import { Controller, Get, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApprovalEngine } from '@vufo/engine';
import { Clock } from '../common/clock';
import { Public } from '../identity/principal';
import { Ok, Operation } from '../common/openapi';
import { HealthRepository } from './health.repository';
import { HealthView } from './health.views';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly repo: HealthRepository,
    private readonly engine: ApprovalEngine,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get()
  @Operation('getHealth', 'Liveness and readiness: the database and the approval engine')
  @Ok(HealthView)
  @ApiResponse({ status: 503, description: 'The database or the engine does not answer', type: HealthView })
  async health(@Res() res: Response): Promise<void> {
    const started = Date.now();
    let database: 'up' | 'down' = 'down';
    // Timers more than a minute late mean no process is firing them: worth a look, not a restart.
    let lateTimers: number | null = null;
    try {
      lateTimers = await this.repo.lateTimers(this.clock.now());
      database = 'up';
    } catch {
      database = 'down';
    }
    const engine = await this.engine.ready().then(
      (up) => (up ? 'up' : 'down'),
      () => 'down' as const,
    );
    const ok = database === 'up' && engine === 'up';
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      checks: { database, engine, engineKind: this.engine.kind, lateTimers },
      latencyMs: Date.now() - started,
    });
  }
}
