import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { UuidPipe } from '../common/validation';
import { pageSize } from '../common/cursor';
import { CurrentUser, Principal } from '../identity/principal';
import { NotificationsService } from './notifications.service';
import { Created, NoContent, Ok, Operation, Problems } from '../common/openapi';
import { MarkedView, NotificationPage } from './notifications.views';

class NotificationQuery {
  @IsOptional() @IsIn(['true', 'false']) unread?: string;
  @IsOptional() @Matches(/^\d{1,3}$/) limit?: string;
  @IsOptional() @Matches(/^.{0,200}$/) cursor?: string;
}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Operation('listNotifications', "The caller's notifications, newest first, with the unread count")
  @Ok(NotificationPage)
  @Problems(422)
  list(@CurrentUser() p: Principal, @Query() q: NotificationQuery) {
    return this.notifications.list(p.userId, q.unread === 'true', pageSize(q.limit), q.cursor);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Operation('markNotificationRead', 'Mark one notification read')
  @NoContent()
  @Problems(404, 422)
  read(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.notifications.markRead(p.userId, id);
  }

  @Post('read-all')
  @Operation('markAllNotificationsRead', 'Mark every notification read')
  @Created(MarkedView)
  async readAll(@CurrentUser() p: Principal) {
    return { marked: await this.notifications.markAllRead(p.userId) };
  }
}
