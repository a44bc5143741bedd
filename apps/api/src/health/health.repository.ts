import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The health check's one query: it answers only if the database does. */
@Injectable()
export class HealthRepository {
  constructor(private readonly ds: DataSource) {}

  /** Timers due more than a minute before `now` and not fired: no process is firing them. */
  async lateTimers(now: Date): Promise<number> {
    const [row] = await this.ds.query(
      `SELECT count(*)::int AS late FROM app.timers WHERE fired_at IS NULL AND due_at < $1::timestamptz - interval '1 minute'`,
      [now],
    );
    return row.late;
  }
}
