import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SCHEMA } from './columns';

/** Spending caps as versioned data (valid_from/valid_to), editable by an admin. */
@Entity({ name: 'norm_rules', schema: SCHEMA })
export class NormRuleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) circular!: string;
  @Column({ type: 'text' }) article!: string;
  @Column({ type: 'text' }) category!: string;
  @Column({ name: 'guest_class', type: 'text' }) guestClass!: string;
  @Column({ type: 'text' }) member!: string;
  @Column({ type: 'bigint' }) cap!: string;
  @Column({ type: 'text' }) unit!: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
