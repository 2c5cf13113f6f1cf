import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../domain/actor';
import { IngestCounts, PunchIngestService } from './punch-ingest.service';
import { detectFileFormat, ParsedLine, parseFileLine } from './punch-lines';
import { importFormatUnknown, importTooLarge } from './punches.errors';
import { stagedLines, stageUpload } from './staged-upload';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const CHUNK_LINES = 5000;

type FileFormat = 'csv' | 'zkteco';

/**
 * `POST /punches/import`: a time-clock export. The upload is first read whole into a temporary
 * file (at most 20 MB, never into memory) and its format checked, with no database connection
 * taken: a client that sends slowly, or stops (408, see http-timeouts.ts), holds nothing of the
 * database. Then the file is read back line by line and stored through the batch path in chunks of
 * 5,000 lines, all in one short transaction. Re-sending the same file adds nothing.
 */
@Injectable()
export class PunchImportService {
  constructor(
    private readonly ingest: PunchIngestService,
    private readonly dataSource: DataSource,
  ) {}

  async importStream(actor: Actor, body: Readable, sourceLabel: string | null, deviceId: string | null): Promise<IngestCounts> {
    const staged = await stageUpload(body, MAX_IMPORT_BYTES, () => importTooLarge(MAX_IMPORT_BYTES));
    try {
      const format = await formatOf(staged.path);
      if (format === null) throw importFormatUnknown();
      const zone = await this.ingest.timeZoneFor(actor);
      // One transaction for the whole file: a file refused half-way stores nothing.
      return await this.dataSource.transaction((manager) => this.importIn(manager, actor, staged.path, format, zone, sourceLabel, deviceId));
    } finally {
      await staged.remove();
    }
  }

  private async importIn(
    manager: EntityManager,
    actor: Actor,
    path: string,
    format: FileFormat,
    zone: string,
    sourceLabel: string | null,
    deviceId: string | null,
  ): Promise<IngestCounts> {
    const total: IngestCounts = { received: 0, inserted: 0, duplicates: 0, rejected: [] };
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
    const file = stagedLines(path);
    try {
      let index = -1;
      let first = true;
      for await (const rawLine of file.lines) {
        index += 1;
        const line = rawLine.replace(/\r$/, '');
        if (line.trim() === '') continue;
        if (first) {
          first = false;
          if (format === 'csv') continue; // the header
        }
        chunk.push(parseFileLine(line, index, format, zone, sourceLabel));
        if (chunk.length >= CHUNK_LINES) await flush();
      }
    } finally {
      file.close();
    }
    await flush();
    return total;
  }
}

/** The format the first non-blank line tells (null: neither), read before any database work. */
async function formatOf(path: string): Promise<FileFormat | null> {
  const file = stagedLines(path);
  try {
    for await (const rawLine of file.lines) {
      const line = rawLine.replace(/\r$/, '');
      if (line.trim() !== '') return detectFileFormat(line);
    }
    return null;
  } finally {
    file.close();
  }
}
