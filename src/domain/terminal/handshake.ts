import { DateTime } from 'luxon';

export const TIME_ZONE_UNITS = ['hours', 'minutes'] as const;
export type TimeZoneUnit = (typeof TIME_ZONE_UNITS)[number];

/** The upload counters a terminal last reported, per table (null: nothing received yet). */
export interface PushStamps {
  attlog: string | null;
  operlog: string | null;
  attphoto: string | null;
}

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
 * The `TimeZone=` value. Firmware reads it in hours or in minutes depending on its version, so the
 * unit is a per-device setting; in hours, half- and quarter-hour zones are written as decimals (5.5).
 */
export function timeZoneValue(offsetMinutes: number, unit: TimeZoneUnit): string {
  return unit === 'minutes' ? String(offsetMinutes) : String(Math.round((offsetMinutes / 60) * 100) / 100);
}

/** The answer to `GET /iclock/cdata?SN=…&options=all`: one `Name=value` setting per line. */
export function handshakeBody(serial: string, stamps: PushStamps, timeZone: string): string {
  return [
    `GET OPTION FROM: ${serial}`,
    // 0 asks for everything: a terminal seen for the first time uploads its whole log (re-sends are idempotent).
    `ATTLOGStamp=${stamps.attlog ?? '0'}`,
    `OPERLOGStamp=${stamps.operlog ?? '0'}`,
    `ATTPHOTOStamp=${stamps.attphoto ?? '0'}`,
    `ErrorDelay=${PUSH_OPTIONS.errorDelaySeconds}`,
    `Delay=${PUSH_OPTIONS.delaySeconds}`,
    `TransTimes=${PUSH_OPTIONS.transTimes}`,
    `TransInterval=${PUSH_OPTIONS.transIntervalMinutes}`,
    `TransFlag=${PUSH_OPTIONS.transFlag}`,
    `TimeZone=${timeZone}`,
    'Realtime=1',
    'Encrypt=0',
  ].join('\n');
}
