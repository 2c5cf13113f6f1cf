import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor, DeviceActor } from '../domain/actor';
import { matchPins } from '../domain/terminal/pin-mapping';
import type { ParsedLine } from '../punches/punch-lines';
import { PunchIngestService } from '../punches/punch-ingest.service';
import { deviceNotFound } from '../devices/devices.errors';
import type { RetriedLineDto, RetryDeviceLinesDto, RetryLinesByReasonDto, RetryResultDto } from './dto/rejected-line-retry.dto';
import { attlogSourceLabel, parseAttlogLine, toPunchLines } from './iclock-lines';
import { retrySkewIncomplete, retrySkewPeriodReversed } from './iclock.errors';
import { IclockRepository, PushDevice } from './iclock.repository';

interface Skew {
  seconds: number;
  from: string;
  to: string;
}

/**
 * Rejected device lines, tried again once their cause is fixed (issue 19): the person registered,
 * the PIN mapped (the device's pin mapping changed), the month reopened, the clock skew accepted for
 * a period. They go through the one punch path, idempotent: a line stored now, or found stored,
 * leaves the rejected list; the others stay with the reason they have now. Each retry is audited
 * with its result per line.
 */
@Injectable()
export class RejectedLinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IclockRepository,
    private readonly ingest: PunchIngestService,
    private readonly audit: AuditService,
  ) {}

  async retryDevice(actor: Actor, deviceId: string, input: RetryDeviceLinesDto): Promise<RetryResultDto> {
    const skew = skewOf(input);
    const lines = await this.retry(actor, deviceId, input.reason ?? null, skew, true);
    return summary(lines ?? []);
  }

  /** One cause, on every device that has lines of it; each device in its own transaction. */
  async retryReason(actor: Actor, input: RetryLinesByReasonDto): Promise<RetryResultDto> {
    const results: RetriedLineDto[] = [];
    for (const deviceId of await this.repository.devicesWithRejected(input.reason)) {
      results.push(...((await this.retry(actor, deviceId, input.reason, null, false)) ?? []));
    }
    return summary(results);
  }

  private async retry(actor: Actor, deviceId: string, reason: string | null, skew: Skew | null, mustExist: boolean): Promise<RetriedLineDto[] | null> {
    return this.dataSource.transaction(async (manager) => {
      const device = await this.repository.lockDevice(manager, deviceId);
      if (!device) {
        if (mustExist) throw deviceNotFound();
        return null;
      }
      const kept = await this.repository.rejectedLinesOf(manager, deviceId, reason);
      if (kept.length === 0) return [];
      const zone = await this.ingest.timeZoneFor(deviceActor(device));
      const records = kept.map((row) => parseAttlogLine(row.line));
      const pins = [...new Set(records.flatMap((line) => (line.ok ? [line.record.pin] : [])))];
      const candidates = device.pinMapping === 'employee_no_digits' ? await this.repository.candidatesByDigits(manager, pins) : [];
      const parsed = toPunchLines(records, zone, matchPins(device.pinMapping, pins, candidates)).map((line) => corrected(line, records, skew));
      const result = await this.ingest.ingestIn(manager, actor, parsed, { source: 'device', deviceId: device.id, reason: 'rejected device line retried' }, 'punch.iclock_retry');
      const refused = new Map(result.rejected.map((line) => [line.index, line]));
      const lines: RetriedLineDto[] = kept.map((row, index) => {
        const still = refused.get(index);
        return { deviceId, line: row.line, result: still ? 'rejected' : 'stored', reason: (still?.reason ?? null) as RetriedLineDto['reason'], message: still?.message ?? null };
      });
      await this.repository.settleRejected(
        manager,
        kept.filter((_, index) => !refused.has(index)).map((row) => row.id),
        kept.flatMap((row, index) => {
          const still = refused.get(index);
          return still ? [{ id: row.id, reason: still.reason, message: still.message }] : [];
        }),
      );
      const stored = lines.filter((line) => line.result === 'stored').length;
      await this.audit.record(manager, actor, {
        action: 'device.rejected_lines.retry',
        entity: 'device',
        entityId: deviceId,
        after: { reason, clockSkew: skew, retried: lines.length, stored, stillRejected: lines.length - stored, lines: lines.map(({ line, result, reason: why }) => ({ line, result, reason: why })) },
      });
      return lines;
    });
  }
}

function skewOf(input: RetryDeviceLinesDto): Skew | null {
  const given = [input.clockSkewSeconds, input.from, input.to].filter((value) => value !== undefined).length;
  if (given === 0) return null;
  if (given < 3 || input.clockSkewSeconds === undefined || input.from === undefined || input.to === undefined) throw retrySkewIncomplete(input);
  if (input.to < input.from) throw retrySkewPeriodReversed(input.from);
  return { seconds: input.clockSkewSeconds, from: input.from, to: input.to };
}

/** A line recorded in the accepted period, its time moved back by the skew; labelled so that the punch says so. */
function corrected(line: ParsedLine, records: ReturnType<typeof parseAttlogLine>[], skew: Skew | null): ParsedLine {
  const record = records[line.index];
  if (!line.ok || !skew || !record.ok) return line;
  const date = record.record.localTime.slice(0, 10);
  if (date < skew.from || date > skew.to) return line;
  return { ...line, at: new Date(line.at.getTime() - skew.seconds * 1000), sourceLabel: `${attlogSourceLabel(record.record)} skew ${skew.seconds}s`.slice(0, 64) };
}

function summary(lines: RetriedLineDto[]): RetryResultDto {
  const stored = lines.filter((line) => line.result === 'stored').length;
  return { retried: lines.length, stored, stillRejected: lines.length - stored, lines };
}

const deviceActor = (device: PushDevice): DeviceActor => ({ kind: 'device', id: device.id, username: device.name, roles: [] });
