import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SCHEMA } from './columns';

import type { AgencyFunction, OrganizationKind } from '@vufo/domain';

// The code lists are the domain's; re-exported for the entities' users.
export type { AgencyFunction, OrganizationKind };

@Entity({ name: 'organizations', schema: SCHEMA })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) code!: string;
  @Column({ name: 'name_vi', type: 'text' }) nameVi!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  @Column({ type: 'text' }) kind!: OrganizationKind;
  @Column({ name: 'province_code', type: 'text', nullable: true }) provinceCode!: string | null;
  @Column({ type: 'int', nullable: true }) cluster!: number | null;
  @Column({ name: 'serves_organization_id', type: 'uuid', nullable: true }) servesOrganizationId!:
    string | null;
  @Column({ type: 'text', nullable: true }) function!: AgencyFunction | null;
  @Column({ type: 'text', default: 'ACTIVE' }) status!: 'ACTIVE' | 'MERGED';
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true }) mergedIntoId!: string | null;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true, select: false }) mergedAt!: Date | null;
  @Column({ name: 'merged_by', type: 'uuid', nullable: true, select: false }) mergedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
