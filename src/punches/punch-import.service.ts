import { Injectable } from '@nestjs/common';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { IngestCounts, PunchIngestService } from './punch-ingest.service';
import { detectFileFormat, ParsedLine, parseFileLine } from './punch-lines';
import { importFormatUnknown, importTooLarge } from './punches.errors';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const CHUNK_LINES = 5000;

/**
 * `POST /punches/import`: a time-clock export streamed line by line (never loaded whole) and
 * stored through the batch path in chunks of 5,000 lines, all in one transaction. Re-sending the
 * same file adds nothing.
 */
@Injectable()
export class PunchImportService {
  constructor(
    private readonly ingest: PunchIngestService,
    private readonly dataSource: DataSource,
  ) {}

  async importStream(actor: Actor, body: Readable, sourceLabel: string | null, deviceId: string | null): Promise<IngestCounts> {
    // One transaction for the whole file: a file refused half-way (too large, unreadable) stores nothing.
    return this.dataSource.transaction((manager) => this.importIn(manager, actor, body, sourceLabel, deviceId));
  }

  private async importIn(manager: EntityManager, actor: Actor, body: Readable, sourceLabel: string | null, deviceId: string | null): Promise<IngestCounts> {
    const zone = await this.ingest.timeZoneFor(actor);
    let bytes = 0;
    let tooLarge = false;
    const lines = createInterface({ input: body, crlfDelay: Infinity });
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_BYTES && !tooLarge) {
        tooLarge = true;
        // Ends the line loop below even inside a line that never ends (no newline in 20 MB):
        // readline would otherwise wait for the rest of it for ever.
        lines.close();
      }
    });
    const total: IngestCounts = { received: 0, inserted: 0, duplicates: 0, rejected: [] };
    let format: 'csv' | 'zkteco' | null = null;
    let index = -1;
    let chunk: ParsedLine[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const result = await this.ingest.ingestIn(manager, actor, chunk, { source: deviceId ? 'device' : 'import', deviceId, reason: null }, 'punch.import');
      total.received += result.received;
      total.inserted += result.inserted;
      total.duplicates += result.duplicates;
      total.rejected.push(...result.rejected);
      chunk = [];
    };
    for await (const rawLine of lines) {
      if (tooLarge) break;
      index += 1;
      const line = rawLine.replace(/\r$/, '');
      if (line.trim() === '') continue;
      if (format === null) {
        format = detectFileFormat(line);
        if (format === null) throw importFormatUnknown();
        if (format === 'csv') continue; // the header
      }
      chunk.push(parseFileLine(line, index, format, zone, sourceLabel));
      if (chunk.length >= CHUNK_LINES) await flush();
    }
    lines.close();
    if (tooLarge) {
      // Read the rest of the upload away, so that the refusal reaches a client still sending.
      body.resume();
      throw importTooLarge(MAX_IMPORT_BYTES);
    }
    await flush();
    if (format === null) throw importFormatUnknown();
    return total;
  }
}
