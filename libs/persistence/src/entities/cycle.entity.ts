import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { SCHEMA } from './columns';
import type { CycleStatus, RouteStage } from '@vufo/domain';

// The domain's code lists and route shape, re-exported for the entities' users.
export type { CycleStatus, RouteStage };

@Entity({ name: 'cycles', schema: SCHEMA })
export class CycleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'int', unique: true }) year!: number;
  @Column({ type: 'text' }) title!: string;
  /** The last calendar day (Asia/Ho_Chi_Minh) on which plans are due. */
  @Column({ name: 'submission_deadline', type: 'date' }) submissionDeadline!: string;
  @Column({ name: 'review_sla_days', type: 'int' }) reviewSlaDays!: number;
  @Column({ name: 'revision_sla_days', type: 'int' }) revisionSlaDays!: number;
  @Column({ name: 'reminder_working_days', type: 'int', array: true }) reminderWorkingDays!: number[];
  @Column({ type: 'jsonb' }) route!: RouteStage[];
  @Column({ type: 'text', default: 'OPEN' }) status!: CycleStatus;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @VersionColumn() version!: number;
}
