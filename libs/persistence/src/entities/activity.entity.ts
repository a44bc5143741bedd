import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SCHEMA, VndColumn } from './columns';

@Entity({ name: 'activities', schema: SCHEMA })
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) type!: string;
  /** 'YYYY-MM' months or 'YYYY-Qn' quarters. */
  @Column({ name: 'period_start', type: 'text', nullable: true }) periodStart!: string | null;
  @Column({ name: 'period_end', type: 'text', nullable: true }) periodEnd!: string | null;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  @Column({ name: 'partner_countries', type: 'text', array: true, default: () => "'{}'" })
  partnerCountries!: string[];
  @Column({ name: 'partner_organizations', type: 'text', array: true, default: () => "'{}'" })
  partnerOrganizations!: string[];
  @Column({ name: 'lead_unit', type: 'text', nullable: true }) leadUnit!: string | null;
  @Column({ name: 'coordinating_units', type: 'text', array: true, default: () => "'{}'" })
  coordinatingUnits!: string[];
  @Column({ name: 'expected_results', type: 'text', nullable: true }) expectedResults!: string | null;
  @Column({ type: 'text', default: 'MEDIUM' }) priority!: 'HIGH' | 'MEDIUM' | 'LOW';
  /** For a plan combined after a province merger: the province the activity came from. */
  @Column({ name: 'source_province', type: 'text', nullable: true }) sourceProvince!: string | null;
  /** For an activity copied by a province merger: the merged province's code. */
  @Column({ name: 'source_province_code', type: 'text', nullable: true }) sourceProvinceCode!: string | null;
  @Column({ name: 'implementation_status', type: 'text', nullable: true }) implementationStatus!:
    string | null;
  @VndColumn({ name: 'actual_spend', nullable: true }) actualSpend!: bigint | null;
  @Column({ type: 'text', nullable: true }) results!: string | null;
  @Column({ type: 'int', default: 0 }) position!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
