import { DateTime } from 'luxon';

export const TIME_ZONE_UNITS = ['hours', 'minutes'] as const;
export type TimeZoneUnit = (typeof TIME_ZONE_UNITS)[number];

/** The upload counters a terminal last reported, per table (null: nothing received yet). */
export interface PushStamps {
  attlog: string | null;
  operlog: string | null;
  attphoto: string | null;
  errorlog: string | null;
}

/** The protocol version this service answers as (PUSH 2.x; PUSH 3.x terminals are answered by /iclock/push). */
export const PUSH_PROTOCOL_VERSION = '2.4.1';

/**
 * What the service asks of every terminal. Punches are pushed as they happen (Realtime=1), so
 * the poll delay only bounds how soon a terminal notices the server again; after an error the
 * terminal waits ErrorDelay seconds and re-sends (ingestion is idempotent, so that is harmless).
 * Only attendance and operation logs are requested: photos are personal data the service has no use for.
 */
export const PUSH_OPTIONS = {
  errorDelaySeconds: 60,
  delaySeconds: 30,
  transTimes: '00:00;14:05',
  transIntervalMinutes: 1,
  transFlag: 'TransData AttLog\tOpLog',
} as const;

/** The zone's UTC offset at `at`, in minutes (a zone with summer time changes it twice a year). */
export function utcOffsetMinutes(zone: string, at: Date): number {
  return DateTime.fromJSDate(at, { zone }).offset;
}

/**
 * The `TimeZone=` value as the PUSH document defines it: an integer, in hours when the offset is a
 * whole number of hours (Shanghai 8, Paris 1, Auckland in summer 13), in minutes otherwise (Kolkata
 * 330, Adelaide in summer 630, Newfoundland -210). Firmware reads a decimal (5.5) as garbage or as 5.
 */
export function timeZoneValue(offsetMinutes: number): string {
  return String(offsetMinutes % 60 === 0 ? offsetMinutes / 60 : offsetMinutes);
}

/** A stamp only moves on: a terminal that reports 0 (or none) keeps what it reported before, else it would be asked for its whole log again. */
export function nextStamp(stored: string | null, reported: string | null): string | null {
  if (reported === null || !/^\d{1,20}$/.test(reported) || /^0+$/.test(reported)) return stored;
  return reported;
}

/** The answer to `GET /iclock/cdata?SN=…&options=all`: one `Name=value` setting per line. */
export function handshakeBody(serial: string, stamps: PushStamps, timeZone: string): string {
  const attlog = stamps.attlog ?? '0';
  const operlog = stamps.operlog ?? '0';
  const attphoto = stamps.attphoto ?? '0';
  return [
    `GET OPTION FROM: ${serial}`,
    // 0 asks for everything: a terminal seen for the first time uploads its whole log (re-sends are idempotent).
    `ATTLOGStamp=${attlog}`,
    `OPERLOGStamp=${operlog}`,
    `ATTPHOTOStamp=${attphoto}`,
    `ERRORLOGStamp=${stamps.errorlog ?? '0'}`,
    // Older firmware (PUSH 1.x, eSSL X2008) reads the same counters under their first names.
    `Stamp=${attlog}`,
    `OpStamp=${operlog}`,
    `PhotoStamp=${attphoto}`,
    `ErrorDelay=${PUSH_OPTIONS.errorDelaySeconds}`,
    `Delay=${PUSH_OPTIONS.delaySeconds}`,
    `TransTimes=${PUSH_OPTIONS.transTimes}`,
    `TransInterval=${PUSH_OPTIONS.transIntervalMinutes}`,
    `TransFlag=${PUSH_OPTIONS.transFlag}`,
    `TimeZone=${timeZone}`,
    'Realtime=1',
    'Encrypt=0',
    `ServerVer=${PUSH_PROTOCOL_VERSION}`,
    `PushProtVer=${PUSH_PROTOCOL_VERSION}`,
    // 1: the terminal posts its options (table=options) after the handshake; they are kept with its uploads.
    'PushOptionsFlag=1',
    // The terminal may ask GET /iclock/ping during long uploads instead of giving up.
    'SupportPing=1',
  ].join('\n');
}

/** The protocol version answered to PUSH 3.x terminals (`/iclock/push`). */
export const PUSH3_PROTOCOL_VERSION = '3.1.2';

/**
 * The answer to a PUSH 3.x terminal's `/iclock/push`: its settings, one `Name=value` per line, in
 * the 3.x names (RequestDelay for Delay, TransTables for TransFlag), with the session the
 * registry gave it.
 */
export function push3Body(registryCode: string, timeZone: string): string {
  return [
    `ServerVersion=${PUSH3_PROTOCOL_VERSION}`,
    'ServerName=Kaoqin',
    `PushVersion=${PUSH3_PROTOCOL_VERSION}`,
    `ErrorDelay=${PUSH_OPTIONS.errorDelaySeconds}`,
    `RequestDelay=${PUSH_OPTIONS.delaySeconds}`,
    `TransTimes=${PUSH_OPTIONS.transTimes.replace(';', '\t')}`,
    `TransInterval=${PUSH_OPTIONS.transIntervalMinutes}`,
    'TransTables=User\tTransaction',
    'Realtime=1',
    `SessionID=${registryCode}`,
    'TimeoutSec=10',
    `TimeZone=${timeZone}`,
  ].join('\n');
}
