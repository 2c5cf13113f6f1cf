/**
 * Replays a captured ZKTeco attendance log against a running Kaoqin service, the way a terminal
 * pushes it over the ADMS / PUSH protocol: a handshake (`GET /iclock/cdata?options=all`), then
 * the log in batches (`POST /iclock/cdata?table=ATTLOG`), then the command side: it polls
 * (`GET /iclock/getrequest`) and answers each `C:<id>:<command>` it is given with
 * `ID=<id>&Return=<code>&CMD=<verb>` (`POST /iclock/devicecmd`), as a terminal that ran it, until a
 * poll answers `OK`. `--fail-commands <verb,…>` answers those verbs with Return=-1002 (a terminal
 * refusing them). It prints every answer and exits non-zero when one is not `OK`.
 *
 * Usage (the serial number must be registered first: POST /devices, or see GET /devices/unknown):
 *
 *   npm run build
 *   node dist/scripts/terminal-replay.js --sn CQZ7232460123 --file attlog.txt \
 *     [--url http://localhost:3000] [--batch 200] [--content-type text/plain] [--fail-commands REBOOT,INFO]
 *
 * The file holds one punch per line, tab-separated, in device-local time, LF or CRLF:
 *   20156107<TAB>2026-11-16 08:47:00<TAB>0<TAB>1<TAB><TAB>0<TAB>0<TAB>8
 * (the `attlog.dat` a terminal writes to a USB stick, or lines captured from its traffic).
 * Replaying the same file twice stores nothing new: the service is idempotent, as for a terminal
 * that re-sends a batch whose answer it lost.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

interface Options {
  url: string;
  serial: string;
  file: string;
  batch: number;
  contentType: string;
  failCommands: Set<string>;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:3000' },
      sn: { type: 'string' },
      file: { type: 'string' },
      batch: { type: 'string', default: '200' },
      'content-type': { type: 'string', default: 'text/plain' },
      'fail-commands': { type: 'string', default: '' },
    },
  });
  const batch = Number(values.batch);
  if (!values.sn || !values.file || !Number.isInteger(batch) || batch < 1 || batch > 10000) {
    throw new Error('usage: terminal-replay --sn <serial> --file <attlog file> [--url http://localhost:3000] [--batch 1-10000] [--content-type text/plain] [--fail-commands REBOOT,INFO]');
  }
  const failCommands = new Set(values['fail-commands'].split(',').map((verb) => verb.trim().toUpperCase()).filter((verb) => verb !== ''));
  return { url: values.url.replace(/\/$/, ''), serial: values.sn, file: values.file, batch, contentType: values['content-type'], failCommands };
}

/** One request as a terminal makes it; returns whether the answer starts with OK. */
async function call(method: 'GET' | 'POST', url: string, body?: string, contentType?: string): Promise<{ ok: boolean; text: string }> {
  const response = await fetch(url, { method, body, headers: body === undefined || !contentType ? {} : { 'Content-Type': contentType } });
  const text = await response.text();
  const date = response.headers.get('date');
  console.log(`${method} ${new URL(url).pathname}${new URL(url).search} -> ${response.status}${date ? ` (Date: ${date})` : ''}`);
  console.log(text.replace(/^/gm, '  '));
  return { ok: response.status === 200 && text.startsWith('OK'), text };
}

async function main(): Promise<void> {
  const { url, serial, file, batch, contentType, failCommands } = options();
  const sn = encodeURIComponent(serial);
  const handshake = await call('GET', `${url}/iclock/cdata?SN=${sn}&options=all&pushver=2.4.1&language=83`);
  if (!handshake.text.startsWith('GET OPTION FROM:')) throw new Error('the handshake was refused: is the serial number registered and active?');

  const lines = (await readFile(file, 'utf8')).split(/\r?\n/).filter((line) => line.trim() !== '');
  // Terminals count their records; the stamp of a batch is the number of the last record in it.
  let failures = 0;
  let handled = 0;
  for (let start = 0; start < lines.length; start += batch) {
    const chunk = lines.slice(start, start + batch);
    const answer = await call('POST', `${url}/iclock/cdata?SN=${sn}&table=ATTLOG&Stamp=${start + chunk.length}`, `${chunk.join('\n')}\n`, contentType);
    if (!answer.ok) failures += 1;
    handled += Number(/^OK: ?(\d+)/.exec(answer.text)?.[1] ?? 0);
  }
  // The command side: poll, run, answer, until nothing is queued (at most 100 polls).
  for (let polls = 0; polls < 100; polls += 1) {
    const poll = await call('GET', `${url}/iclock/getrequest?SN=${sn}`);
    if (poll.text === 'OK') break;
    const commands = poll.text.split('\n').map((line) => /^C:(\d+):(.*)$/.exec(line));
    if (commands.some((command) => command === null)) {
      failures += 1;
      break;
    }
    const results = commands.map((command) => {
      const [, id, text] = command as RegExpExecArray;
      const verb = text.split(' ')[0];
      return `ID=${id}&Return=${failCommands.has(verb) ? -1002 : 0}&CMD=${verb}`;
    });
    const answered = await call('POST', `${url}/iclock/devicecmd?SN=${sn}`, `${results.join('\n')}\n`, 'text/plain');
    if (!answered.ok) failures += 1;
  }

  console.log(`${lines.length} line(s) sent, ${handled} stored or already stored, ${lines.length - handled} kept as rejected (GET /devices/{id}/rejected-lines)`);
  if (failures > 0) {
    console.error(`${failures} answer(s) were not OK: a terminal would re-send those batches`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
