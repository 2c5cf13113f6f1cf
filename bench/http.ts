/** A minimal JSON client for the service's API (Node's fetch). */
export class Api {
  constructor(readonly baseUrl: string) {}

  async send(method: string, path: string, options: { token?: string; json?: unknown; rawBody?: string } = {}): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
      text = await response.text();
    } catch (error) {
      // No HTTP answer at all (connection reset, refused…): status 0 and the cause.
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      return { status: 0, body: `no answer: ${cause}` };
    }
    let parsed: unknown = text;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed };
  }

  /** Sends and returns the body, or throws with the answer when the status is not 2xx. */
  async ok<T>(method: string, path: string, options: { token?: string; json?: unknown; rawBody?: string } = {}): Promise<T> {
    const { status, body } = await this.send(method, path, options);
    if (status < 200 || status > 299) {
      throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(body).slice(0, 500)}`);
    }
    return body as T;
  }

  async login(username: string, password: string): Promise<string> {
    const { accessToken } = await this.ok<{ accessToken: string }>('POST', '/auth/login', { json: { username, password } });
    return accessToken;
  }
}

/** Runs `work` over `items` with at most `limit` in flight; results in the order of `items`. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(lanes);
  return results;
}
