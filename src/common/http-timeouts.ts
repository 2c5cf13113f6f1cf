import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import type { ErrorBody } from './errors/all-exceptions.filter';
import { detailMessage } from '../domain/i18n/detail-messages';
import { errorMessage } from '../domain/i18n/error-messages';
import { languageOfRequest } from './i18n/request-language';

export type HttpTimeouts = Pick<AppConfig, 'httpHeadersTimeoutMs' | 'httpRequestTimeoutMs' | 'httpBodyIdleTimeoutMs'>;

/**
 * A client that sends slowly, or stops sending, must not keep anything of the service's for long:
 * a socket, a buffer, and above all nothing of the database (no route holds a connection while it
 * reads a body; these bounds end the wait itself).
 *
 * - HTTP_HEADERS_TIMEOUT_MS: the request head must arrive within it (Node's headersTimeout);
 * - HTTP_REQUEST_TIMEOUT_MS: the whole request, head and body (Node's requestTimeout);
 * - HTTP_BODY_IDLE_TIMEOUT_MS: a body from which nothing arrives for that long (bodyIdleTimeout).
 *
 * Each is answered 408 REQUEST_TIMEOUT in the one error shape (a plain-text line on /iclock, whose
 * terminals cannot read JSON) and the connection is closed.
 */
export function applyServerTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.httpHeadersTimeoutMs;
  server.requestTimeout = timeouts.httpRequestTimeoutMs;
  // Node checks both timeouts only every connectionsCheckingInterval (30 s by default): checked
  // often enough that they hold to within a quarter of the shorter one (read when the server listens).
  // (An option of createServer that Nest does not pass on; Node reads the property when listening.)
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(25, Math.min(1000, Math.floor(Math.min(timeouts.httpHeadersTimeoutMs, timeouts.httpRequestTimeoutMs) / 4)));
  server.on('clientError', answerClientError);
}

const isIclock = (url: string | undefined) => typeof url === 'string' && url.startsWith('/iclock');

function errorPayload(url: string | undefined, body: ErrorBody): { type: string; text: string } {
  if (isIclock(url)) return { type: 'text/plain; charset=utf-8', text: `${body.code}: ${body.message}` };
  return { type: 'application/json; charset=utf-8', text: JSON.stringify(body) };
}

/** What Node's HTTP parser or its timeouts refused, in the one error shape (Node's default is a bare status line). */
function clientErrorBody(error: NodeJS.ErrnoException): ErrorBody {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { statusCode: 408, code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time; the connection is closed', details: [] };
    case 'HPE_HEADER_OVERFLOW':
      return { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large', details: [] };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The chunk extensions are too large', details: [] };
    default:
      return { statusCode: 400, code: 'BAD_REQUEST', message: 'The request is not valid HTTP', details: [] };
  }
}

const answered = new WeakSet<Duplex>();

/**
 * Node's 'clientError': a request that timed out (head or whole) or could not be parsed. With a
 * listener, Node leaves the answer and the socket to it.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (answered.has(socket) || error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  answered.add(socket);
  const response = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage ?? null;
  const body = clientErrorBody(error);
  const payload = errorPayload(response?.req?.url, body);
  if (response && !response.headersSent) {
    // A request being handled (its body timed out): answered through its response, so that the
    // handler, which fails next as its body is cut, finds it answered.
    response.once('finish', () => response.req.destroy());
    response.writeHead(body.statusCode, { 'Content-Type': payload.type, 'Content-Length': Buffer.byteLength(payload.text), Connection: 'close' });
    response.end(payload.text);
    return;
  }
  if (response?.headersSent) {
    response.req.destroy();
    socket.destroy();
    return;
  }
  const head = `HTTP/1.1 ${body.statusCode} ${STATUS_CODES[body.statusCode]}\r\nContent-Type: ${payload.type}\r\nContent-Length: ${Buffer.byteLength(payload.text)}\r\nConnection: close\r\n\r\n`;
  socket.end(head + payload.text, () => socket.destroy());
}

/** Whether a request announced a body (chunked, or a length above zero). */
function announcesBody(request: IncomingMessage): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}

/**
 * Answers 408 and closes the connection when a body stops arriving: no byte for `idleMs` while the
 * service is ready to read. Measured on the socket (bytes read), so that a slow but steady upload
 * goes on; and not counted while the service itself is not reading (the request's buffer is full:
 * back-pressure, e.g. a handler still checking the caller), so that only the client's silence counts.
 * Registered before any body parser.
 */
export function bodyIdleTimeout(idleMs: number): RequestHandler {
  const tick = Math.max(10, Math.floor(idleMs / 4));
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.complete || !announcesBody(request)) return next();
    const socket = request.socket;
    let seen = socket.bytesRead;
    let lastProgress = Date.now();
    const timer = setInterval(() => {
      if (request.complete || response.writableEnded || socket.destroyed) return clearInterval(timer);
      const read = socket.bytesRead;
      if (read !== seen || request.readableLength >= request.readableHighWaterMark) {
        seen = read;
        lastProgress = Date.now();
        return;
      }
      if (Date.now() - lastProgress < idleMs) return;
      clearInterval(timer);
      answerIdleBody(request, response, idleMs);
    }, tick);
    timer.unref();
    response.once('close', () => clearInterval(timer));
    next();
  };
}

function answerIdleBody(request: Request, response: Response, idleMs: number): void {
  if (response.headersSent) {
    request.destroy();
    return;
  }
  const language = languageOfRequest(request);
  const english = `The request body stopped arriving: nothing came for ${idleMs} ms; the connection is closed`;
  const body: ErrorBody = {
    statusCode: 408,
    code: 'REQUEST_TIMEOUT',
    message: language === 'en' ? english : errorMessage('REQUEST_TIMEOUT', language, {}, english),
    details: [{ field: 'body', message: detailMessage(`no data for ${idleMs} ms`, language) }],
  };
  const payload = errorPayload(request.originalUrl, body);
  // Once the answer is out, the request is destroyed (and with it the connection): whoever was
  // reading the body sees it cut off and finds the request answered. Closing only the socket
  // would not do: Node no longer ends a request whose response has finished, and its reader
  // would wait for ever.
  response.once('finish', () => request.destroy());
  response.status(408).set({ 'Content-Type': payload.type, Connection: 'close' }).send(payload.text);
}
