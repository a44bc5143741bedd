import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../identity/principal';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  @Public()
  @Get()
  async health(@Res() res: Response): Promise<void> {
    const started = Date.now();
    let database: 'up' | 'down' = 'down';
    try {
      await this.ds.query('SELECT 1');
      database = 'up';
    } catch {
      database = 'down';
    }
    const ok = database === 'up';
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      checks: { database, engine: ok ? 'up' : 'down' },
      latencyMs: Date.now() - started,
    });
  }
}
