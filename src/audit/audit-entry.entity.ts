import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ActorKind = 'staff' | 'device' | 'system';

/** One row of the append-only audit log (the table refuses UPDATE, DELETE and TRUNCATE). */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'timestamptz', insert: false, update: false })
  at: Date;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: ActorKind;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entity: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  /** The X-Request-Id of the request that wrote the row; null outside requests. */
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
