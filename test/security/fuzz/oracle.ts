import http from 'node:http';

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

/** Row count and a hash of the contents of every table of the database, in one statement. */
export class TableSnapshots {
  private constructor(
    private readonly sql: <T>(text: string) => Promise<T[]>,
    readonly tables: string[],
    private readonly statement: string,
  ) {}

  static async create(sql: <T>(text: string) => Promise<T[]>): Promise<TableSnapshots> {
    const rows = await sql<{ relname: string }>(`SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname`);
    const tables = rows.map((row) => row.relname);
    const statement = tables
      .map((table) => `SELECT '${table}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS hash FROM "${table}" x`)
      .join('\nUNION ALL\n');
    return new TableSnapshots(sql, tables, statement);
  }

  async take(): Promise<Snapshot> {
    const rows = await this.sql<{ name: string; rows: number; hash: string }>(this.statement);
    return new Map(rows.map((row) => [row.name, { rows: row.rows, hash: row.hash }]));
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
