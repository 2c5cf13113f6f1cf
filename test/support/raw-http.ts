import { connect, Socket } from 'node:net';

/** What came back on a raw connection, read until the server closed it. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** ms from the first byte sent to the server closing the connection. */
  closedAfterMs: number;
  /** The server ended the connection (not this side). */
  closedByServer: boolean;
}

/**
 * A hand-written HTTP/1.1 request on its own TCP connection, for what supertest cannot do: send
 * the head, part of a body, and then nothing (a stalled or trickling client). `send` writes more;
 * `answer` resolves once the server has closed the connection.
 */
export interface RawRequest {
  socket: Socket;
  send(data: string): void;
  /** One chunk of a chunked body. */
  chunk(data: string): void;
  /** The last chunk of a chunked body. */
  endChunks(): void;
  answer: Promise<RawAnswer>;
}

export function rawRequest(port: number, head: string, firstChunk?: string): RawRequest {
  const socket = connect(port, '127.0.0.1');
  const started = Date.now();
  let received = '';
  let closedByServer = false;
  socket.setEncoding('utf8');
  socket.on('data', (data: string) => (received += data));
  socket.on('end', () => (closedByServer = true));
  // A reset after the answer still counts as the server closing it.
  socket.on('error', () => (closedByServer = true));
  const answer = new Promise<RawAnswer>((resolve) => {
    socket.on('close', () => {
      const split = received.indexOf('\r\n\r\n');
      const lines = (split >= 0 ? received.slice(0, split) : received).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
      resolve({ status, headers, body: split >= 0 ? received.slice(split + 4) : '', closedAfterMs: Date.now() - started, closedByServer });
    });
  });
  const chunk = (data: string) => socket.write(`${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`);
  socket.write(head);
  if (firstChunk !== undefined) chunk(firstChunk);
  return { socket, send: (data) => socket.write(data), chunk, endChunks: () => socket.write('0\r\n\r\n'), answer };
}

/** The head of a chunked POST (the body follows in chunks). */
export function chunkedHead(path: string, headers: Record<string, string>): string {
  const lines = Object.entries({ Host: '127.0.0.1', 'Transfer-Encoding': 'chunked', ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/** A JSON error body out of an answer, or the text when it is not JSON. */
export function bodyOf(answer: RawAnswer): unknown {
  try {
    return JSON.parse(answer.body);
  } catch {
    return answer.body;
  }
}
