import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import type { Language } from '../../i18n/language-store';
import { addDays, addMonths, formatDay, monthOf } from '../../lib/time';

export type Half = 'am' | 'pm' | null;

export interface LeaveSpan {
  startDate: string;
  startHalf: Half;
  endDate: string;
  endHalf: Half;
}

/** The part of a date a span covers, as the service counts it (H-ATT-10: halves follow the two office sessions). */
export function partOn(span: LeaveSpan, date: string): 'full' | 'am' | 'pm' | null {
  if (date < span.startDate || date > span.endDate) return null;
  const am = date > span.startDate || span.startHalf !== 'pm';
  const pm = date < span.endDate || span.endHalf !== 'am';
  return am && pm ? 'full' : am ? 'am' : pm ? 'pm' : null;
}

export function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let date = start; date <= end && dates.length < 400; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export interface CoveredDate {
  date: string;
  part: 'full' | 'am' | 'pm';
  /** A day with a shift (office or duty): only these count as working days. */
  working: boolean;
  /** Why a date does not count: holiday, rest day, not employed. */
  schedule: Schemas['ScheduleDayDto']['schedule'];
  calendarName: string | null;
  /** The minutes of the shift's sessions the part covers: what a 调休 request takes that day (issue 22). */
  minutes: number;
}

/**
 * The minutes of a day's sessions a part covers, as the service charges 调休: with two or more
 * sessions the morning is the first and the afternoon the rest; a single session belongs to the
 * half of the day it starts in (the duty shift, 16:00, to the afternoon).
 */
export function coveredMinutes(part: 'full' | 'am' | 'pm', sessions: readonly Schemas['ScheduledSessionDto'][]): number {
  const length = (session: Schemas['ScheduledSessionDto']) => Math.round((Date.parse(session.endAt) - Date.parse(session.startAt)) / 60_000);
  return sessions.reduce((total, session, index) => {
    const covered =
      part === 'full' || (sessions.length >= 2 ? (part === 'am' ? index === 0 : index > 0) : (part === 'am') === session.start < '12:00');
    return total + (covered ? length(session) : 0);
  }, 0);
}

/**
 * The dates a planned request covers and which of them are working days in the company calendar,
 * from my schedule (GET /schedule, one call per month touched), before anything is sent. The
 * service counts the same way when the request is filed (scheduled days only, halves as 0.5).
 */
export function useCoverage(staffId: string, span: LeaveSpan | null) {
  const months: string[] = [];
  if (span && span.endDate >= span.startDate) {
    for (let month = monthOf(span.startDate); month <= monthOf(span.endDate) && months.length < 14; month = addMonths(month, 1)) months.push(month);
  }
  const schedules = useQueries({
    queries: months.map((month) => ({
      queryKey: ['schedule', staffId, month],
      queryFn: () => unwrap(api.GET('/schedule', { params: { query: { month, staffId } } })),
      staleTime: 60_000,
    })),
  });
  const loading = schedules.some((query) => query.isLoading);
  const error = schedules.find((query) => query.error)?.error ?? null;
  if (!span || months.length === 0 || loading || error) return { loading, error, dates: [] as CoveredDate[], workingDays: 0, minutes: 0 };
  const byDate = new Map<string, Schemas['ScheduleDayDto']>();
  for (const query of schedules) for (const day of query.data?.days ?? []) byDate.set(day.date, day);
  const dates: CoveredDate[] = [];
  for (const date of datesBetween(span.startDate, span.endDate)) {
    const part = partOn(span, date);
    const day = byDate.get(date);
    if (!part || !day) continue;
    const working = day.schedule === 'office' || day.schedule === 'duty';
    dates.push({ date, part, working, schedule: day.schedule, calendarName: day.calendarName, minutes: working ? coveredMinutes(part, day.sessions) : 0 });
  }
  const workingDays = dates.filter((d) => d.working).reduce((sum, d) => sum + (d.part === 'full' ? 1 : 0.5), 0);
  const minutes = dates.reduce((sum, d) => sum + d.minutes, 0);
  return { loading, error, dates, workingDays, minutes };
}

/** The leave types by code, with the name in the reader's language. */
export function useLeaveTypes(language: Language) {
  const query = useQuery({ queryKey: ['leave-types'], queryFn: () => unwrap(api.GET('/leave-types')), staleTime: 5 * 60_000 });
  const items = query.data?.items ?? [];
  const nameOf = (code: string) => {
    const type = items.find((item) => item.code === code);
    return type ? (language === 'en' ? type.nameEn : type.nameZh) : code;
  };
  return { query, active: items.filter((item) => item.active), nameOf };
}

/** 12月1日 周二 下午 – 12月3日 周四 上午: the extent of a request in the reader's words. */
export function formatSpan(span: LeaveSpan, language: Language, halfWord: (half: 'am' | 'pm') => string): string {
  const day = (date: string) => formatDay(date, language);
  if (span.startDate === span.endDate) {
    const part = partOn(span, span.startDate);
    return part === 'am' || part === 'pm' ? `${day(span.startDate)} ${halfWord(part)}` : day(span.startDate);
  }
  const start = `${day(span.startDate)}${span.startHalf === 'pm' ? ` ${halfWord('pm')}` : ''}`;
  const end = `${day(span.endDate)}${span.endHalf === 'am' ? ` ${halfWord('am')}` : ''}`;
  return `${start} – ${end}`;
}
