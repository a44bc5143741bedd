import { Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Bool, DiffValueProperty, Instant, Integer, Json, PageOf, Str, Uuid } from '../common/openapi';

/** What the audit endpoints answer: a plan's history, its verification, versions and differences. */

/** One event of a plan's hash-chained stream. */
export class HistoryEventView {
  @Integer() seq!: number;
  @Str({ description: 'the event type, e.g. PlanSubmitted, ContentEdited' }) type!: string;
  @Instant() occurredAt!: string;
  @Uuid({ nullable: true, description: 'null for the system (timers)' }) actorId!: string | null;
  @Str({ nullable: true }) actorName!: string | null;
  @Str({ nullable: true }) actingForName!: string | null;
  @Uuid({ nullable: true }) organizationId!: string | null;
  @Json({ description: 'the event’s data; an edit carries each changed field' })
  payload!: Record<string, unknown>;
  @Str() hash!: string;
  @Str({ nullable: true }) prevHash!: string | null;
}

export class HistoryPage extends PageOf(HistoryEventView) {}

export class VerificationView {
  @Bool({ description: 'false when any event was edited, removed or inserted' }) valid!: boolean;
  @Integer({ description: 'events checked' }) events!: number;
  @Integer({ optional: true, description: 'the first broken event' }) brokenAt?: number;
  @Str({ optional: true }) reason?: string;
}

/** A submitted (immutable) version of the plan's content. */
export class PlanVersionView {
  @Integer() version!: number;
  @Instant() submittedAt!: string;
  @Str({ nullable: true, description: 'the submitter’s display name' }) submittedBy!: string | null;
  @Json({ description: 'title, objectives and activities with their budget lines, as submitted' })
  content!: Record<string, unknown>;
}

export class PlanVersionPage extends PageOf(PlanVersionView) {}

// The differences (libs/domain/src/approval/diff.ts ContentChange), one schema per kind.

class LineRef {
  @Uuid() activityId!: string;
  @Str() activityCode!: string;
  @Uuid() budgetLineId!: string;
  @Str() description!: string;
}

export class PlanChangedChange {
  @ApiProperty({ enum: ['PLAN_CHANGED'] }) kind!: 'PLAN_CHANGED';
  @Str() field!: string;
  @DiffValueProperty() from!: unknown;
  @DiffValueProperty() to!: unknown;
}

export class ActivityAddedChange {
  @ApiProperty({ enum: ['ACTIVITY_ADDED'] }) kind!: 'ACTIVITY_ADDED';
  @Uuid() activityId!: string;
  @Str() code!: string;
  @Str() title!: string;
}

export class ActivityRemovedChange {
  @ApiProperty({ enum: ['ACTIVITY_REMOVED'] }) kind!: 'ACTIVITY_REMOVED';
  @Uuid() activityId!: string;
  @Str() code!: string;
  @Str() title!: string;
}

export class ActivityChangedChange {
  @ApiProperty({ enum: ['ACTIVITY_CHANGED'] }) kind!: 'ACTIVITY_CHANGED';
  @Uuid() activityId!: string;
  @Str() code!: string;
  @Str() field!: string;
  @DiffValueProperty() from!: unknown;
  @DiffValueProperty() to!: unknown;
}

export class BudgetLineAddedChange extends LineRef {
  @ApiProperty({ enum: ['BUDGET_LINE_ADDED'] }) kind!: 'BUDGET_LINE_ADDED';
  @Str({ description: 'integer VND, decimal string' }) amount!: string;
}

export class BudgetLineRemovedChange extends LineRef {
  @ApiProperty({ enum: ['BUDGET_LINE_REMOVED'] }) kind!: 'BUDGET_LINE_REMOVED';
  @Str({ description: 'integer VND, decimal string' }) amount!: string;
}

export class BudgetLineChangedChange extends LineRef {
  @ApiProperty({ enum: ['BUDGET_LINE_CHANGED'] }) kind!: 'BUDGET_LINE_CHANGED';
  @Str() field!: string;
  @DiffValueProperty() from!: unknown;
  @DiffValueProperty() to!: unknown;
}

export class TotalRequestedChangedChange {
  @ApiProperty({ enum: ['TOTAL_REQUESTED_CHANGED'] }) kind!: 'TOTAL_REQUESTED_CHANGED';
  @Str() from!: string;
  @Str() to!: string;
}

/** Each kind of change and its schema. */
const KINDS = new Map<Type<unknown>, string>([
  [PlanChangedChange, 'PLAN_CHANGED'],
  [ActivityAddedChange, 'ACTIVITY_ADDED'],
  [ActivityRemovedChange, 'ACTIVITY_REMOVED'],
  [ActivityChangedChange, 'ACTIVITY_CHANGED'],
  [BudgetLineAddedChange, 'BUDGET_LINE_ADDED'],
  [BudgetLineRemovedChange, 'BUDGET_LINE_REMOVED'],
  [BudgetLineChangedChange, 'BUDGET_LINE_CHANGED'],
  [TotalRequestedChangedChange, 'TOTAL_REQUESTED_CHANGED'],
]);
const CHANGES = [...KINDS.keys()];

/** What changed between two submitted versions, or from the last one to the working copy. */
@ApiExtraModels(...CHANGES)
export class DiffView {
  @Integer() from!: number;
  @Integer({ nullable: true, description: 'null: the working copy, not a version yet' }) to!: number | null;
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: CHANGES.map((c) => ({ $ref: getSchemaPath(c) })),
      discriminator: {
        propertyName: 'kind',
        mapping: Object.fromEntries(CHANGES.map((c) => [KINDS.get(c), getSchemaPath(c)])),
      },
    },
  })
  changes!: unknown[];
}
