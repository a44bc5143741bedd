import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_HOLIDAY_DATES_VN, WorkingDayCalendar } from '@vufo/domain';
import { APP_CONFIG, AppConfig } from '../config';

/** The working-day calendar of this deployment: HOLIDAYS if configured, else the built-in list. */
@Injectable()
export class CalendarService extends WorkingDayCalendar {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super([...(config.holidays ?? DEFAULT_HOLIDAY_DATES_VN)]);
  }
}
