import type { Schemas } from '../../api/client';
import { addDays, monthOf } from '../../lib/time';

/** Every calendar date from start to end, inclusive (plain dates: no zone involved). */
export function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let date = start; date <= end && dates.length < 400; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The months a request touches: its requester's month strip is shown for each. */
export function monthsBetween(start: string, end: string): string[] {
  return [...new Set([monthOf(start), monthOf(end)])];
}

export type LeaveRequest = Schemas['LeaveRequestDto'];
export type Exemption = Schemas['ExemptionDto'];
