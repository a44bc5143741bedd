import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SCHEMA, VndColumn } from './columns';

@Entity({ name: 'plans', schema: SCHEMA })
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'cycle_id', type: 'uuid' }) cycleId!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: '' }) objectives!: string;
  /** Read model of the approval machine's status (the events are the truth). */
  @Column({ type: 'text', default: 'DRAFT' }) status!: string;
  /** Bumped on every change: the value clients send back in If-Match. */
  @Column({ type: 'int', default: 1 }) version!: number;
  /** Number of the last submitted (immutable) version; 0 before the first submission. */
  @Column({ name: 'submitted_version', type: 'int', default: 0 }) submittedVersion!: number;
  @Column({ name: 'current_round', type: 'int', default: 0 }) currentRound!: number;
  /** Machine state snapshot, so a command does not replay the whole stream. */
  @Column({ name: 'machine_state', type: 'jsonb', nullable: true }) machineState!: unknown;
  @Column({ name: 'stream_seq', type: 'int', default: 0 }) streamSeq!: number;
  @Column({ name: 'stream_hash', type: 'text', nullable: true }) streamHash!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) flags!: Record<string, unknown>;
  @Column({ type: 'jsonb', nullable: true }) decision!: {
    number: string;
    date: string;
    signer: string;
  } | null;
  @VndColumn({ name: 'approved_total', nullable: true }) approvedTotal!: bigint | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
