import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SCHEMA, VndColumn } from './columns';

@Entity({ name: 'budget_lines', schema: SCHEMA })
export class BudgetLineEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'activity_id', type: 'uuid' }) activityId!: string;
  /** Denormalised so plan totals are one indexed aggregate. */
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'int' }) quantity!: number;
  @Column({ type: 'text' }) unit!: string;
  @VndColumn({ name: 'unit_cost' }) unitCost!: bigint;
  @VndColumn() amount!: bigint;
  @Column({ name: 'funding_source', type: 'text' }) fundingSource!: string;
  @Column({ name: 'guest_class', type: 'text', nullable: true }) guestClass!: string | null;
  @Column({ name: 'member_role', type: 'text', nullable: true }) memberRole!: string | null;
  @Column({ name: 'norm_article', type: 'text', nullable: true }) normArticle!: string | null;
  /** Why a line above its norm is needed; required at submission when it is (issue 12). */
  @Column({ name: 'norm_justification', type: 'text', nullable: true }) normJustification!: string | null;
  /** For co-hosted conferences: who pays this line. */
  @Column({ type: 'text', default: 'VIETNAMESE_SIDE' }) payer!: 'VIETNAMESE_SIDE' | 'FOREIGN_SIDE';
  @VndColumn({ name: 'approved_amount', nullable: true }) approvedAmount!: bigint | null;
  @Column({ name: 'approval_comment', type: 'text', nullable: true }) approvalComment!: string | null;
  @Column({ type: 'int', default: 0 }) position!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
