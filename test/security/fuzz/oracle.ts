import http from 'node:http';
import pg from 'pg';
import { checkAnswer } from '../../support/contract/recorder';

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
}

/**
 * A plain HTTP client on a real socket: it sends exactly the bytes asked for (malformed
 * percent-encoding, no content type, a body that lies about its encoding), which supertest won't.
 */
export class RawClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 2 });

  constructor(private readonly port: number) {}

  send(method: string, target: string, headers: Record<string, string>, body: string | null, timeoutMs = 30_000): Promise<Answer> {
    const payload = body === null ? null : Buffer.from(body, 'utf8');
    const allHeaders: Record<string, string> = { ...headers };
    if (payload !== null) allHeaders['content-length'] = String(payload.length);
    return new Promise<Answer>((resolve, reject) => {
      let settled = false;
      let partial: Answer | null = null;
      const finish = (error: Error | null) => {
        if (settled) return;
        settled = true;
        // The server may answer (413) and close before it read a large body: the answer counts.
        if (partial !== null) resolve(partial);
        else reject(error ?? new Error('no answer'));
      };
      const request = http.request(
        { host: '127.0.0.1', port: this.port, method: method.toUpperCase(), path: target, headers: allHeaders, agent: payload !== null && payload.length > 1_000_000 ? false : this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          const contentType = String(response.headers['content-type'] ?? '');
          const update = () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown = undefined;
            if (contentType.includes('json')) {
              try {
                json = JSON.parse(text);
              } catch {
                json = undefined;
              }
            }
            partial = { status: response.statusCode ?? 0, contentType, text, json };
          };
          update();
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            update();
            // Every whole answer is held to the OpenAPI document too; a mismatch fails the file in afterAll.
            if (partial) checkAnswer({ method, url: target, status: partial.status, contentType: contentType || undefined, body: partial.json ?? partial.text, hasBody: partial.text.length > 0 });
            finish(null);
          });
          response.on('error', (error) => finish(error));
        },
      );
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.on('error', (error) => finish(error));
      if (payload !== null) request.end(payload);
      else request.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** What is wrong with an error answer, measured against `{ statusCode, code, message, details: [{ field, message }] }`. */
export function errorShapeProblems(answer: Answer): string[] {
  const problems: string[] = [];
  if (!answer.contentType.startsWith('application/json')) problems.push(`error answered as "${answer.contentType}", not application/json`);
  const body = answer.json;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [...problems, 'error body is not a JSON object'];
  const record = body as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.join(',') !== 'code,details,message,statusCode') problems.push(`error body has keys [${keys.join(', ')}], not exactly statusCode, code, message, details`);
  if (record.statusCode !== answer.status) problems.push(`statusCode ${JSON.stringify(record.statusCode)} differs from the HTTP status ${answer.status}`);
  if (typeof record.code !== 'string' || !CODE.test(record.code)) problems.push(`code ${JSON.stringify(record.code)} is not UPPER_SNAKE`);
  if (typeof record.message !== 'string' || record.message.length === 0) problems.push('message is not a non-empty string');
  if (!Array.isArray(record.details)) problems.push('details is not an array');
  else {
    record.details.forEach((detail: unknown, index) => {
      const ok =
        detail !== null &&
        typeof detail === 'object' &&
        Object.keys(detail).sort().join(',') === 'field,message' &&
        typeof (detail as Record<string, unknown>).field === 'string' &&
        typeof (detail as Record<string, unknown>).message === 'string';
      if (!ok) problems.push(`details[${index}] is ${JSON.stringify(detail)}, not { field, message } strings`);
    });
  }
  return problems;
}

export type Snapshot = Map<string, { rows: number; hash: string }>;

interface TableState {
  name: string;
  rows: number;
  /** The multiset of the rows' xmin, hashed: see TableSnapshots. */
  versions: string;
  hash: string;
}

/** The multiset of a table's row versions (`x` is the row), in a canonical order. */
const VERSIONS = `md5(coalesce(string_agg(x.xmin::text, ',' ORDER BY x.xmin::text COLLATE "C"), ''))`;
/** A table's contents, row by row. */
const CONTENTS = `md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), ''))`;

/**
 * Row count and a hash of the contents of every table of the database, taken after every request.
 *
 * Hashing every row of every table was the costly part of the oracle (measured at the end of a
 * full run: 4–5 ms per snapshot, against 2.7 ms for the average request). So a take first reads a
 * cheap fingerprint of every table, with one prepared statement on a connection of its own: its row
 * count and the multiset of its rows' `xmin` (the id of the transaction that wrote the row version).
 * Only the tables whose fingerprint changed are hashed again, by a statement that reads their
 * fingerprint and contents together; the others keep the hash they had.
 *
 * An unchanged fingerprint proves unchanged contents. PostgreSQL never changes a row in place: INSERT
 * and UPDATE (and COPY, MERGE, ON CONFLICT, cascades) write a new row version stamped with the writing
 * (sub)transaction's id as `xmin`; DELETE and TRUNCATE only remove versions. Let A be a table's rows
 * as seen by the statement that last hashed it, B its rows as seen now, and suppose B ≠ A.
 * 1. Some row r of B is not in A. Its writer X has committed (r is visible now). Had X been visible to
 *    that statement's snapshot, r would have been in A (r is live now, and a deletion visible then
 *    would still be visible now). So X was not visible then, nor was any row version X wrote: no row
 *    of A has xmin X, while r in B has. The multisets of xmin differ.
 * 2. Otherwise B is a proper subset of A, and the row counts differ.
 * This holds whatever the timing: a write still in flight, or committed after the answer, is caught
 * by the first take that can see it, as a full hash on every take would catch it. (The counters of
 * pg_stat_user_tables cannot do this: a backend flushes them at most about once a second, so a
 * committed write may not show there yet.) The converse need not hold — a fingerprint may change
 * while the contents did not (an UPDATE to the same values) — which only costs a hash.
 */
export class TableSnapshots {
  private readonly states = new Map<string, TableState>();

  private constructor(
    private readonly client: pg.Client,
    readonly tables: string[],
    private readonly fingerprints: string,
  ) {}

  /** Connects to the database at `url` (close() before dropping it). */
  static async connect(url: string): Promise<TableSnapshots> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // PostgreSQL 18 (the embedded server) plans the UNION of ~70 small scans as a Parallel Append
    // and starts worker processes for every take: 77 ms against 3 ms without, measured on an
    // empty database. The snapshot is a tight loop of tiny scans; one process reads it fastest.
    await client.query('SET max_parallel_workers_per_gather = 0');
    const { rows } = await client.query<{ relname: string }>(`SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname`);
    const tables = rows.map((row) => row.relname);
    const fingerprints = tables.map((table) => `SELECT ${pg.escapeLiteral(table)} AS name, count(*)::int AS rows, ${VERSIONS} AS versions FROM ${pg.escapeIdentifier(table)} x`).join('\nUNION ALL\n');
    return new TableSnapshots(client, tables, fingerprints);
  }

  async take(): Promise<Snapshot> {
    const { rows } = await this.client.query<Omit<TableState, 'hash'>>({ name: 'fuzz-table-fingerprints', text: this.fingerprints });
    const changed = rows.filter((row) => {
      const known = this.states.get(row.name);
      return known === undefined || known.rows !== row.rows || known.versions !== row.versions;
    });
    if (changed.length > 0) {
      const statement = changed
        .map(({ name }) => `SELECT ${pg.escapeLiteral(name)} AS name, count(*)::int AS rows, ${VERSIONS} AS versions, ${CONTENTS} AS hash FROM ${pg.escapeIdentifier(name)} x`)
        .join('\nUNION ALL\n');
      for (const state of (await this.client.query<TableState>(statement)).rows) this.states.set(state.name, state);
    }
    return new Map([...this.states.values()].map((state) => [state.name, { rows: state.rows, hash: state.hash }]));
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  /** Tables whose rows or contents differ, except the `ignored` ones. */
  static changes(before: Snapshot, after: Snapshot, ignored: readonly string[] = []): string[] {
    const changes: string[] = [];
    for (const [table, was] of before) {
      if (ignored.includes(table)) continue;
      const now = after.get(table);
      if (!now) changes.push(`${table} disappeared`);
      else if (now.rows !== was.rows) changes.push(`${table}: ${was.rows} → ${now.rows} rows`);
      else if (now.hash !== was.hash) changes.push(`${table}: contents changed (${now.rows} rows)`);
    }
    return changes;
  }
}

