import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SCHEMA } from './columns';

/**
 * The audit history: append-only, one hash chain per stream. hash = SHA-256 over the canonical
 * JSON of the event's fields and the previous hash, so an edited or removed row breaks the chain.
 */
@Entity({ name: 'events', schema: SCHEMA })
export class EventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ name: 'stream_type', type: 'text' }) streamType!: string;
  @Column({ name: 'stream_id', type: 'uuid' }) streamId!: string;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName!: string | null;
  @Column({ name: 'acting_for_id', type: 'uuid', nullable: true }) actingForId!: string | null;
  @Column({ name: 'acting_for_name', type: 'text', nullable: true }) actingForName!: string | null;
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId!: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey!: string | null;
  @Column({ name: 'prev_hash', type: 'text', nullable: true }) prevHash!: string | null;
  @Column({ type: 'text' }) hash!: string;
}
