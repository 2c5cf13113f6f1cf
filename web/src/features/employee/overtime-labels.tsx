import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { type MessageKey, type Translate, useT } from '../../i18n';
import type { Language } from '../../i18n/language-store';
import { formatTime, localDateOf } from '../../lib/time';

type Overtime = Schemas['OvertimeRequestDto'];
export type OvertimeKind = Overtime['dayKind'];

/** The minimum rate of each day type in percent of the normal wage (劳动法第44条), as the service has it. */
export const OVERTIME_RATE: Record<OvertimeKind, number> = { workday: 150, rest_day: 200, holiday: 300 };

/** Requests that hold a place under the caps (劳动法第41条): pending ones count as much as approved ones. */
const LIVE = new Set(['pending', 'approved', 'filed']);

const COLOURS: Record<string, string> = { pending: 'pending', approved: 'present', filed: 'leave', rejected: 'absent', withdrawn: 'rest', cancelled: 'absent' };

/** The state of an overtime request in the report's colours. */
export function OvertimeStatus({ status }: { status: string }) {
  const t = useT();
  return <StatusTag status={COLOURS[status] ?? 'rest'} label={t(`ot.status.${status}` as MessageKey)} />;
}

/** The history's event words for overtime (撤回 by the requester, 撤销 by the office). */
export const overtimeEvent = (t: Translate) => (toStatus: string) => t(`ot.event.${toStatus}` as MessageKey);

/** Hours as people say them: 2, 1.5, 0.25. */
export const hours = (minutes: number): string => String(Math.round((minutes / 60) * 100) / 100);

/** "休息日加班 · 200%" */
export const kindRate = (kind: OvertimeKind, t: Translate): string => t('ot.kindRate', { kind: t(`ot.kind.${kind}` as MessageKey), rate: OVERTIME_RATE[kind] });

/** "18:00–21:00 · 3 小时", the end marked when it is on the next day. */
export function windowText(request: Pick<Overtime, 'date' | 'startsAt' | 'endsAt' | 'minutes'>, zone: string, language: Language, t: Translate): string {
  const nextDay = localDateOf(request.endsAt, zone) > request.date && formatTime(request.endsAt, zone, language) !== '00:00' ? t('ot.nextDay') : '';
  const window = `${formatTime(request.startsAt, zone, language)}–${formatTime(request.endsAt, zone, language)}${nextDay}`;
  return `${window} · ${t('ot.hours', { hours: hours(request.minutes) })}`;
}

/**
 * The day type of a date of my schedule, as the service decides it: a statutory holiday from the
 * calendar; a working day when the schedule has a shift (the duty shift too); else a rest day.
 * Null when the person is not employed that day.
 */
export function dayKindOf(day: Schemas['ScheduleDayDto']): OvertimeKind | null {
  if (day.schedule === 'not_employed') return null;
  if (day.calendarKind === 'holiday') return 'holiday';
  return day.schedule === 'office' || day.schedule === 'duty' ? 'workday' : 'rest_day';
}

/** The settings version in force on a date (versions oldest first, as the service lists them). */
export function versionOn(settings: Schemas['SettingsDto'], date: string): Schemas['SettingVersionDto'] {
  return [...settings.versions].reverse().find((version) => version.effectiveFrom <= date) ?? settings.current;
}

/**
 * A person's overtime asked in a month against the monthly cap (劳动法第41条), from their live
 * requests (the newest 200) and the settings in force on the date: what the service counts when it checks the cap.
 */
export function useOvertimeMonth(staffId: string | undefined, date: string | null | undefined) {
  const month = date ? date.slice(0, 7) : null;
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => unwrap(api.GET('/settings')), staleTime: 5 * 60_000 });
  const requests = useQuery({
    queryKey: ['overtime-requests', 'month', staffId],
    queryFn: () => unwrap(api.GET('/overtime-requests', { params: { query: { staffId: staffId!, pageSize: 200 } } })),
    enabled: !!month && !!staffId,
  });
  if (!month || !date || !settings.data || !requests.data) return null;
  const version = versionOn(settings.data, date);
  const live = requests.data.items.filter((item) => item.date.startsWith(month) && LIVE.has(item.status));
  const used = live.reduce((sum, item) => sum + item.minutes, 0);
  return {
    used,
    cap: version.overtimeMonthlyCapMinutes,
    left: Math.max(0, version.overtimeMonthlyCapMinutes - used),
    dailyCap: version.overtimeDailyCapMinutes,
    daysAfter: version.overtimeDaysAfter,
  };
}
