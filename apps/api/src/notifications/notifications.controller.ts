import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { UuidPipe } from '../common/validation';
import { pageSize } from '../common/cursor';
import { CurrentUser, Principal } from '../identity/principal';
import { NotificationsService } from './notifications.service';

class NotificationQuery {
  @IsOptional() @IsIn(['true', 'false']) unread?: string;
  @IsOptional() @Matches(/^\d{1,3}$/) limit?: string;
  @IsOptional() @Matches(/^.{0,200}$/) cursor?: string;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() p: Principal, @Query() q: NotificationQuery) {
    return this.notifications.list(p.userId, q.unread === 'true', pageSize(q.limit), q.cursor);
  }

  @Post(':id/read')
  @HttpCode(204)
  read(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.notifications.markRead(p.userId, id);
  }

  @Post('read-all')
  async readAll(@CurrentUser() p: Principal) {
    return { marked: await this.notifications.markAllRead(p.userId) };
  }
}
