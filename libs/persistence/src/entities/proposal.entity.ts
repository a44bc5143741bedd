import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SCHEMA, VndColumn } from './columns';

export type ProposalKind = 'SUPPLEMENTARY_ACTIVITY' | 'BUDGET_ADJUSTMENT' | 'RECOMMENDATION';

@Entity({ name: 'proposals', schema: SCHEMA })
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'cycle_id', type: 'uuid' }) cycleId!: string;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId!: string | null;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) kind!: ProposalKind;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: '' }) content!: string;
  @VndColumn({ name: 'requested_amount', nullable: true }) requestedAmount!: bigint | null;
  @Column({ name: 'funding_source', type: 'text', nullable: true }) fundingSource!: string | null;
  @Column({ type: 'text', default: 'DRAFT' }) status!: 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN';
  @Column({ type: 'int', default: 1 }) version!: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
