import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { InjectBackgroundDataSource } from '../database/background-data-source';
import { isLanguage } from '../domain/i18n/language';
import { renderMessage } from '../domain/notifications/messages';
import { afterFailure } from '../domain/notifications/retry-schedule';
import { Metrics } from '../observability/metrics';
import { Clock } from '../policy/clock';
import { DeliverySenders, type Outgoing } from './delivery-senders';
import { NotificationSweep } from './notification-sweep';
import { type DueDeliveryRow, OutboxRepository } from './outbox.repository';
import { SecretBox } from './secret-box';

const DELIVERY_LOCK_KEY = 7_441_302_318;
const BATCH = 100;
/** Deliveries in flight at once: a dead receiver's timeouts run side by side instead of one after another. */
const PARALLEL = 8;

/**
 * Works the outbox off, one instance at a time (a session advisory lock on the background pool,
 * as the attendance sweep): fans new events out into in-app rows and deliveries, sends what is
 * due, at least once, with backoff (retry-schedule.ts), and deletes what is past the retention
 * period. Every NOTIFY_DELIVERY_MS; the sweep for reminders, escalations, the digest and
 * terminals every NOTIFY_SWEEP_SECONDS, under the same lock.
 */
@Injectable()
export class NotificationDeliverer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private readonly timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    @InjectBackgroundDataSource() private readonly dataSource: DataSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly outbox: OutboxRepository,
    private readonly senders: DeliverySenders,
    private readonly secrets: SecretBox,
    private readonly sweep: NotificationSweep,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    if (this.config.notifyDeliveryMs > 0) this.every(this.config.notifyDeliveryMs, () => this.deliverOnce());
    if (this.config.notifySweepSeconds > 0) this.every(this.config.notifySweepSeconds * 1000, () => this.sweepOnce());
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    // A pass in flight finishes its sends and records them; what is left stays pending for the next start.
    await this.running?.catch(() => undefined);
  }

  /** One pass: fan out, deliver what is due, drop what is past retention. Counts the attempts made (0 when another instance holds the lock). */
  deliverOnce(): Promise<number> {
    return this.locked(async (manager) => {
      await this.fanOut(manager);
      const attempts = await this.deliverDue(manager);
      await this.outbox.deleteExpired(manager, this.clock.now());
      return attempts;
    });
  }

  /** Looks for what time brings (reminders, escalations, the daily digest, month ready, silent terminals), then delivers. */
  async sweepOnce(): Promise<number> {
    const found = await this.locked((manager) => this.sweep.run(manager, this.clock.now()));
    return found + (await this.deliverOnce());
  }

  private every(ms: number, pass: () => Promise<number>): void {
    const timer = setInterval(() => void pass(), ms);
    timer.unref();
    this.timers.push(timer);
  }

  private async locked(work: (manager: EntityManager) => Promise<number>): Promise<number> {
    if (this.running || this.stopping) return 0;
    const pass = this.lockedPass(work);
    this.running = pass;
    try {
      return await pass;
    } finally {
      this.running = null;
    }
  }

  private async lockedPass(work: (manager: EntityManager) => Promise<number>): Promise<number> {
    // The lock session's own connection does the work too: one background connection in all.
    const session = this.dataSource.createQueryRunner();
    try {
      const locked: { ok: boolean }[] = await session.query('SELECT pg_try_advisory_lock($1) AS ok', [DELIVERY_LOCK_KEY]);
      if (!locked[0].ok) return 0;
      try {
        return await work(session.manager);
      } finally {
        await session.query('SELECT pg_advisory_unlock($1)', [DELIVERY_LOCK_KEY]);
      }
    } catch (error) {
      this.logger.warn(`Notification pass failed, will retry: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    } finally {
      await session.release();
    }
  }

  /** Events into in-app rows and deliveries, a batch per transaction. */
  private async fanOut(manager: EntityManager): Promise<void> {
    for (;;) {
      const done = await manager.transaction(async (tx) => {
        const events = await this.outbox.eventsToFanOut(tx, BATCH);
        const now = this.clock.now();
        const companyLanguage = await this.outbox.companyLanguage(tx);
        for (const event of events) {
          const recipients = await this.outbox.recipients(tx, event);
          await this.outbox.insertNotifications(tx, event.id, recipients.map((r) => r.id), event.created_at);
          for (const recipient of recipients) {
            if (!recipient.wants_email || !recipient.email || !this.config.smtpUrl) continue;
            await this.outbox.insertDelivery(tx, { eventId: event.id, kind: event.kind, channel: 'email', recipientId: recipient.id, channelId: null, address: recipient.email, language: recipient.language }, now);
          }
          for (const target of await this.outbox.channelTargets(tx, event.id)) {
            await this.outbox.insertDelivery(tx, { eventId: event.id, kind: event.kind, channel: target.kind, recipientId: null, channelId: target.id, address: null, language: companyLanguage }, now);
          }
          await this.outbox.markFannedOut(tx, event.id, now);
        }
        return events.length < BATCH;
      });
      if (done || this.stopping) return;
    }
  }

  private async deliverDue(manager: EntityManager): Promise<number> {
    let attempts = 0;
    while (!this.stopping) {
      const due = await this.outbox.due(manager, this.clock.now(), BATCH);
      if (due.length === 0) break;
      for (let i = 0; i < due.length; i += PARALLEL) {
        // Sends side by side; their outcomes are written one after another on the session's connection.
        const outcomes = await Promise.all(due.slice(i, i + PARALLEL).map((row) => this.attempt(row)));
        for (const outcome of outcomes) await this.record(manager, outcome);
      }
      attempts += due.length;
      if (due.length < BATCH) break;
    }
    return attempts;
  }

  private async attempt(row: DueDeliveryRow): Promise<Outcome> {
    let outgoing: Outgoing | null = null;
    try {
      outgoing = this.outgoing(row);
      await this.senders.send(outgoing);
      return { row, error: null, at: this.clock.now() };
    } catch (error) {
      return { row, error: redacted(describe(error), outgoing) || 'failed', at: this.clock.now() };
    }
  }

  private async record(manager: EntityManager, { row, error, at }: Outcome): Promise<void> {
    const attempts = row.attempts + 1;
    if (error === null) {
      await this.outbox.markDelivered(manager, row.id, attempts, at);
      this.metrics.deliveryAttempt(row.channel, 'delivered');
      return;
    }
    const next = afterFailure(attempts, at);
    await this.outbox.markAttemptFailed(manager, row.id, attempts, error, next.status === 'pending' ? next.nextAttemptAt : null, at);
    this.metrics.deliveryAttempt(row.channel, next.status === 'pending' ? 'retry' : 'failed');
    this.logger.warn(`Delivery ${row.id} (${row.channel}, ${row.kind}) attempt ${attempts} failed${next.status === 'failed' ? ', giving up' : ''}: ${error}`);
  }

  private outgoing(row: DueDeliveryRow): Outgoing {
    const language = isLanguage(row.language) ? row.language : 'zh-CN';
    return {
      channel: row.channel,
      idempotencyKey: row.idempotency_key,
      eventId: row.event_id,
      kind: row.kind,
      params: row.params,
      language,
      message: renderMessage(row.kind, row.params, language),
      occurredAt: row.event_created_at,
      address: row.address,
      url: row.url_encrypted ? this.secrets.open(row.url_encrypted) : null,
      secret: row.secret_encrypted ? this.secrets.open(row.secret_encrypted) : null,
    };
  }
}

interface Outcome {
  row: DueDeliveryRow;
  /** null: delivered. */
  error: string | null;
  at: Date;
}

const messageOf = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string' ? (value as { message: string }).message : null;

/** The error's message and, for fetch's bare "fetch failed", its cause (ECONNREFUSED, a timeout). Read by shape: errors of fetch may come from another realm. */
function describe(error: unknown): string {
  const message = messageOf(error) ?? String(error);
  const cause = messageOf((error as { cause?: unknown } | null)?.cause);
  return cause ? `${message} (${cause})` : message;
}

/** A robot's URL carries its token, and a secret is a secret: neither reaches the delivery log or the logs. */
function redacted(text: string, outgoing: Outgoing | null): string {
  let result = text;
  for (const secret of [outgoing?.url, outgoing?.secret]) {
    if (secret) result = result.split(secret).join('[redacted]');
  }
  if (outgoing?.url) {
    const url = new URL(outgoing.url);
    for (const value of url.searchParams.values()) if (value.length >= 4) result = result.split(value).join('[redacted]');
  }
  return result;
}
