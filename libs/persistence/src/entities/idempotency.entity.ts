import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from './columns';

/** The first result of a command sent with an Idempotency-Key; a repeat gets it back unchanged. */
@Entity({ name: 'idempotency_keys', schema: SCHEMA })
export class IdempotencyEntity {
  @PrimaryColumn({ name: 'actor_id', type: 'text' }) actorId!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  @Column({ type: 'int' }) status!: number;
  @Column({ type: 'jsonb' }) body!: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
