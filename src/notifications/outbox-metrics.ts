import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { gauge, Metrics } from '../observability/metrics';
import { Clock } from '../policy/clock';
import { type OutboxCounts, OutboxRepository } from './outbox.repository';

const UNKNOWN: OutboxCounts = { waiting: NaN, pending: NaN, due: NaN, failed: NaN, oldestDueSeconds: NaN };

/**
 * The outbox's state at each scrape (issue 18): events not yet fanned out, deliveries pending and
 * failed, and how long the oldest due one has waited. A growing age means no instance is delivering
 * (or a receiver holds every attempt up); failed ones wait for the office's retry.
 */
@Injectable()
export class OutboxMetrics implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly metrics: Metrics,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    let counts = UNKNOWN;
    // prom-client collects every gauge of a scrape at once: one query serves both.
    let reading: Promise<void> | null = null;
    const read = () =>
      (reading ??= this.outbox
        .counts(this.dataSource.manager, this.clock.now())
        .then((read) => void (counts = read))
        // A scrape while the database is down still answers; NaN says "unknown", not "empty".
        .catch(() => void (counts = UNKNOWN))
        .finally(() => (reading = null)));
    gauge(
      this.metrics.registry,
      'kaoqin_notification_outbox',
      'The outbox: events waiting to be fanned out, deliveries pending (due: of which an attempt is due now) and failed (given up)',
      async (metric) => {
        await read();
        metric.set({ state: 'waiting' }, counts.waiting);
        metric.set({ state: 'pending' }, counts.pending);
        metric.set({ state: 'due' }, counts.due);
        metric.set({ state: 'failed' }, counts.failed);
      },
      ['state'],
    );
    gauge(this.metrics.registry, 'kaoqin_notification_oldest_due_seconds', 'How long the oldest due delivery has waited for its attempt (0: none due)', async (metric) => {
      await read();
      metric.set(counts.oldestDueSeconds);
    });
  }
}
