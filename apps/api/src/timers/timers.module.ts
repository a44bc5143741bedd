import { Module } from '@nestjs/common';
import { ApprovalEngineModule } from '../approval/approval-engine.module';
import { TimerPoller } from './timer-poller';
import { TimersRepository } from './timers.repository';

/** The embedded host's durable timers: due deadlines fired as commands, by every API process. */
@Module({
  imports: [ApprovalEngineModule],
  providers: [TimerPoller, TimersRepository],
  exports: [TimerPoller],
})
export class TimersModule {}
