import type { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Level, Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { currentRequestId } from './request-context';

export type AppLogger = Logger;

const PINO_LEVEL: Record<AppConfig['logLevel'], Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/**
 * Never written, whatever a log call passes: credentials in headers and bodies. (Request lines
 * carry no headers or bodies at all; this is the net under a careless `logger.log(object)`.)
 */
const SECRET_FIELDS = ['authorization', 'cookie', 'password', 'oldPassword', 'newPassword', 'accessToken', 'deviceKey', 'key', 'secret'];
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-device-key"]',
  // At the top of a logged object and one level down (pino's paths have no "any depth").
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
];

/** `LOG_FORMAT=text`: one line a record for a person at a terminal (pino-pretty is not a dependency). */
export function textLines(write: (line: string) => void): DestinationStream {
  return {
    write(json: string) {
      const { time, level, msg, context, requestId, ...rest } = JSON.parse(json) as Record<string, unknown>;
      delete rest.pid;
      delete rest.hostname;
      const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
      write(`${String(time)} ${String(level).toUpperCase().padEnd(5)} ${context ? `[${String(context)}] ` : ''}${String(msg ?? '')}${requestId ? ` (${String(requestId)})` : ''}${extra}\n`);
    },
  };
}

/**
 * The process's one pino logger: JSON lines on stdout, each with the request id it ran for. A test
 * passes `destination` to read the JSON, or `writeText` to read the text format.
 */
export function createLogger(
  config: Pick<AppConfig, 'logLevel' | 'logFormat'>,
  destination?: DestinationStream,
  writeText: (line: string) => void = (line) => void process.stdout.write(line),
): AppLogger {
  const out = destination ?? (config.logFormat === 'text' ? textLines(writeText) : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: PINO_LEVEL[config.logLevel],
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    out,
  );
}

/** A logger that writes nothing (tests that do not look at logs). */
export const silentLogger = (): AppLogger => pino({ level: 'silent' });

/**
 * The framework logs one line per route and per controller at start ("Mapped {/staff, GET}
 * route"): noise next to one line per module, so those go to debug.
 */
const ROUTE_LISTING = new Set(['RoutesResolver', 'RouterExplorer']);

/** Nest's LoggerService over pino, so that the framework's lines and ours are the same JSON. */
export class PinoLoggerService implements LoggerService {
  // Nest's levels, as pino names them (pino has no verbose).
  readonly log = this.at('info');
  readonly error = this.at('error');
  readonly warn = this.at('warn');
  readonly debug = this.at('debug');
  readonly verbose = this.at('debug');
  readonly fatal = this.at('fatal');

  constructor(private readonly logger: AppLogger) {}

  private at(level: Level): (message: unknown, ...rest: unknown[]) => void {
    return (message, ...rest) => this.write(level, message, rest);
  }

  /** Nest passes (message, ...params, context) and, for errors, (message, stack, context). */
  private write(level: Level, message: unknown, rest: unknown[]): void {
    const params = [...rest];
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const effective: Level = context && ROUTE_LISTING.has(context) && level === 'info' ? 'debug' : level;
    if (!this.logger.isLevelEnabled(effective)) return;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (level === 'error' && typeof params[0] === 'string') fields.stack = params.shift();
    if (params.length > 0) fields.params = params;
    if (message instanceof Error) this.logger[effective]({ ...fields, err: message }, message.message);
    else if (typeof message === 'string') this.logger[effective](fields, message);
    else this.logger[effective]({ ...fields, value: message }, '');
  }
}
