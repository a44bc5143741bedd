import { NOTIFICATION_KINDS } from '@vufo/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Code, Instant, Integer, MapOf, PageOf, Str, Uuid } from '../common/openapi';

/** What the notification endpoints answer (OpenAPI response schemas). */

export class NotificationView {
  @Uuid() id!: string;
  @Code(NOTIFICATION_KINDS, 'NotificationKind') kind!: string;
  @Code(['info', 'warning', 'overdue'], 'NotificationSeverity') severity!: string;
  @Uuid({ nullable: true }) planId!: string | null;
  @Str({ nullable: true }) planTitle!: string | null;
  @MapOf(
    { oneOf: [{ type: 'string' }, { type: 'number' }] },
    { description: 'the values the message text is rendered with' },
  )
  params!: Record<string, string | number>;
  @Instant() createdAt!: string;
  @Instant({ nullable: true }) readAt!: string | null;
}

export class NotificationPage extends PageOf(NotificationView) {
  @Integer({ description: 'unread notifications in all' }) unread!: number;
}

export class MarkedView {
  @ApiProperty({ type: 'integer', description: 'notifications marked read' }) marked!: number;
}
