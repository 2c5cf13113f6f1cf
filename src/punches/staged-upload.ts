import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { uploadCutOff } from './punches.errors';

/** An upload read whole into a temporary file of its own (os.tmpdir()), and how to get rid of it. */
export interface StagedUpload {
  path: string;
  bytes: number;
  remove(): Promise<void>;
}

/**
 * Reads a request body into a temporary file, up to `maxBytes`, before anything touches the
 * database: however slowly the client sends, no connection or transaction waits on the network.
 * Past the limit, `tooLarge()` is thrown and the rest of the body is read away (not stored), so
 * that the refusal reaches a client still sending. The caller removes the file (`remove`), also on
 * failure; a failed staging removes it itself.
 */
export async function stageUpload(body: Readable, maxBytes: number, tooLarge: () => Error): Promise<StagedUpload> {
  const dir = await mkdtemp(join(tmpdir(), 'kaoqin-upload-'));
  const path = join(dir, 'body');
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    // Gone while the directory was made: its 'close' came before anyone listened.
    if (body.destroyed && !body.readableEnded) throw uploadCutOff();
    const bytes = await copyBounded(body, path, maxBytes, tooLarge);
    return { path, bytes, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

function copyBounded(body: Readable, path: string, maxBytes: number, tooLarge: () => Error): Promise<number> {
  return new Promise((resolve, reject) => {
    const file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    let bytes = 0;
    let ended = false;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      file.destroy();
      reject(error);
    };
    body.on('data', (chunk: Buffer) => {
      if (settled) return; // refused: read away, not kept
      bytes += chunk.length;
      if (bytes > maxBytes) {
        fail(tooLarge());
        body.resume();
        return;
      }
      // The disk is slower than the network now and then: the body waits for it (back-pressure).
      if (!file.write(chunk)) {
        body.pause();
        file.once('drain', () => body.resume());
      }
    });
    body.once('end', () => {
      ended = true;
      if (settled) return;
      file.end(() => {
        if (settled) return;
        settled = true;
        resolve(bytes);
      });
    });
    body.once('error', () => fail(uploadCutOff()));
    // A request whose socket closed before its end emits 'close' (and 'aborted'), not 'end'.
    body.once('close', () => {
      if (!ended) fail(uploadCutOff());
    });
    file.once('error', (error) => {
      fail(error);
      body.resume();
    });
  });
}

/** The lines of a staged file (LF or CRLF), read back without loading it whole; `close` also closes the file. */
export function stagedLines(path: string): { lines: AsyncIterable<string>; close(): void } {
  const input = createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  return {
    lines,
    close: () => {
      lines.close();
      input.destroy();
    },
  };
}
