import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { currentLanguage } from '../i18n/language-store';
import { sessionStore } from '../auth/session-store';

export type Schemas = components['schemas'];
export type ErrorBody = Schemas['ErrorResponseDto'];

/** An answer of 4xx/5xx in the service's standard shape, thrown so that TanStack Query sees a failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
  get code(): string {
    return this.body.code;
  }
}

/** Every call: the signed-in person's token and the reader's language (so the service answers in it). */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const token = sessionStore.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
  onResponse({ response, request }) {
    // An expired or revoked token: forget it everywhere, the shell then shows the sign-in page.
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/login')) sessionStore.clear();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(sessionMiddleware);

/** The body of a successful answer, or an ApiError (the service's own, or one made up for a network failure). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, { statusCode: 503, code: 'NETWORK_UNREACHABLE', message: '', details: [] });
  }
  if (result.response.ok) return result.data as T;
  const body = result.error as Partial<ErrorBody> | undefined;
  if (body && typeof body.code === 'string') throw new ApiError(result.response.status, body as ErrorBody);
  throw new ApiError(result.response.status, { statusCode: result.response.status, code: 'HTTP_' + result.response.status, message: '', details: [] });
}
