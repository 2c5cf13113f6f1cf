import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { stagedLines, stageUpload } from '../../src/punches/staged-upload';

// Issue 23: an import is read whole into a bounded temporary file before any database work.
describe('Staging an upload in a temporary file (issue 23)', () => {
  const tooLarge = () => new Error('too large');

  it('keeps the body byte for byte, reads it back line by line, and removes it', async () => {
    const body = 'employeeNo,at\r\nA1,2026-11-16 08:29:10\nA2,2026-11-16 08:30:00';
    const staged = await stageUpload(Readable.from([Buffer.from(body.slice(0, 7)), Buffer.from(body.slice(7))]), 1000, tooLarge);
    expect(staged.bytes).toBe(Buffer.byteLength(body));
    expect(await readFile(staged.path, 'utf8')).toBe(body);
    const file = stagedLines(staged.path);
    const lines: string[] = [];
    for await (const line of file.lines) lines.push(line);
    file.close();
    expect(lines).toEqual(['employeeNo,at', 'A1,2026-11-16 08:29:10', 'A2,2026-11-16 08:30:00']);
    await staged.remove();
    expect(existsSync(dirname(staged.path))).toBe(false);
  });

  it('refuses a body past the limit, and reads the rest away so that the refusal can be answered', async () => {
    const body = new PassThrough();
    const staging = stageUpload(body, 10, tooLarge);
    body.write('0123456789');
    body.write('abc');
    await expect(staging).rejects.toThrow('too large');
    // Still read (drained), not left pending: a client still sending gets the answer.
    expect(body.write('more')).toBe(true);
    body.end();
  });

  it.each([0, 50])('a body cut off before its end (after %i ms) fails as UPLOAD_INCOMPLETE', async (ms) => {
    const body = new PassThrough();
    const staging = stageUpload(body, 1000, tooLarge);
    body.write('employeeNo,at\n');
    if (ms > 0) await new Promise((done) => setTimeout(done, ms));
    body.destroy();
    await expect(staging).rejects.toMatchObject({ code: 'UPLOAD_INCOMPLETE' });
  });
});
