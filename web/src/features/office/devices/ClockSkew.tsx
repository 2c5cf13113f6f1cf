import type { Schemas } from '../../../api/client';
import { useLanguage, useT, type MessageKey } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { formatDateTime } from '../../../lib/time';
import { OfficeTag } from '../OfficeTag';

type Device = Schemas['DeviceDto'];

/**
 * How far ahead of the server a terminal's punch may be and still be stored: the service's
 * FUTURE_TOLERANCE_SECONDS, which its DeviceDto.clockSkewSeconds description states (120 s).
 */
export const ACCEPTED_SKEW_SECONDS = 120;

const UNITS: [MessageKey, number][] = [
  ['terminals.days', 86400],
  ['terminals.hours', 3600],
  ['terminals.minutes', 60],
  ['terminals.seconds', 1],
];

/** "1 h 5 min 3 s": the two largest units that are not zero, enough to tell a drift from a wrong day. */
export function useDuration(): (seconds: number) => string {
  const t = useT();
  return (seconds) => {
    let rest = Math.abs(Math.round(seconds));
    const parts: string[] = [];
    for (const [key, size] of UNITS) {
      const count = Math.floor(rest / size);
      rest -= count * size;
      if (count > 0 && parts.length < 2) parts.push(t(key, { n: count }));
    }
    return parts.join(' ') || t('terminals.seconds', { n: 0 });
  };
}

export const skewBeyondLimit = (device: Device): boolean => device.clockSkewSeconds !== null && Math.abs(device.clockSkewSeconds) > ACCEPTED_SKEW_SECONDS;

/** The terminal's measured clock difference, with a warning look beyond the accepted limit; `withTime`: when it was measured beneath. */
export function ClockSkew({ device, withTime = false }: { device: Device; withTime?: boolean }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const duration = useDuration();
  const seconds = device.clockSkewSeconds;
  if (seconds === null) return <span className="office-muted">{t('terminals.skew.none')}</span>;
  const text = seconds === 0 ? t('terminals.skew.inStep') : t(seconds > 0 ? 'terminals.skew.ahead' : 'terminals.skew.behind', { amount: duration(seconds) });
  const beyond = skewBeyondLimit(device);
  return (
    <span className="terminal-skew">
      {beyond ? <OfficeTag tone="warn">{text}</OfficeTag> : <span>{text}</span>}
      {beyond ? <span className="terminal-skew-warn">{t('terminals.skew.beyond', { limit: duration(ACCEPTED_SKEW_SECONDS) })}</span> : null}
      {withTime && device.clockSkewMeasuredAt ? (
        <span className="office-muted terminal-skew-when">{t('terminals.skew.measured', { at: formatDateTime(device.clockSkewMeasuredAt, timeZone, language) })}</span>
      ) : null}
    </span>
  );
}
