import { addDays } from '../calendar/calendar-day';
import type { ErrorDetail } from '../errors/domain-error';

/**
 * Time off in lieu (调休, issue 22): rest-day overtime the employee chose to take back in time
 * (劳动法 第44条（二）: rest-day work is paid at 200% "when no time off in lieu is arranged").
 *
 * A lot is one grant: the minutes a final judged day credited as lieu (or an office adjustment
 * adding minutes), earned on its date and valid through `expiresOn` — its earning date plus the
 * days of the rule in force on that date (LIEU-D1: expiry is per grant, by its earning date).
 * A use takes minutes on a date: a 调休 request (held while pending, taken once approved) or the
 * office taking minutes away. Uses are funded oldest lot first, and a lot funds only uses dated
 * within [earnedOn, expiresOn]. What a lot still has once its expiry date has passed is expired:
 * finance pays it at the rest-day rate (200%).
 */
export interface LieuLot {
  id: string;
  earnedOn: string;
  /** The last day the lot may fund leave. */
  expiresOn: string;
  minutes: number;
}

export type LieuUseState = 'taken' | 'reserved';

export interface LieuUse {
  id: string;
  date: string;
  minutes: number;
  state: LieuUseState;
}

export interface LieuLotState {
  lot: LieuLot;
  taken: number;
  reserved: number;
  /** Still usable on the date the allocation is read at (0 once expired). */
  remaining: number;
  /** What was left when its expiry date passed (0 while it is still valid). */
  expired: number;
}

/** Which lot funded how much of which use. */
export interface LieuPart {
  useId: string;
  lotId: string;
  minutes: number;
}

export interface LieuAllocation {
  lots: LieuLotState[];
  parts: LieuPart[];
  /** Minutes of uses no lot valid on their date could fund. */
  unfunded: number;
  granted: number;
  taken: number;
  reserved: number;
  remaining: number;
  expired: number;
}

/** The last day a grant earned on `earnedOn` may fund leave: `expiresAfterDays` days after it. */
export const lieuExpiresOn = (earnedOn: string, expiresAfterDays: number): string => addDays(earnedOn, expiresAfterDays);

const byDateThenId = <T extends { id: string }>(date: (item: T) => string) => (a: T, b: T) =>
  date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

// Taken minutes are funded before held ones on the same date: a pending request never displaces approved leave.
const useOrder = (a: LieuUse, b: LieuUse) => (a.date !== b.date ? byDateThenId<LieuUse>((use) => use.date)(a, b) : a.state !== b.state ? (a.state === 'taken' ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Funds the uses in date order, each from the oldest lot valid on its date, and reads every lot
 * on `asOf`: a lot whose expiry date is before `asOf` has expired with what it had left.
 * granted = taken + reserved + remaining + expired, per lot and in total.
 */
export function allocateLieu(lots: readonly LieuLot[], uses: readonly LieuUse[], asOf: string): LieuAllocation {
  const ordered = [...lots].sort(byDateThenId<LieuLot>((lot) => lot.earnedOn));
  const left = ordered.map((lot) => lot.minutes);
  const taken = ordered.map(() => 0);
  const reserved = ordered.map(() => 0);
  const parts: LieuPart[] = [];
  let unfunded = 0;
  for (const use of [...uses].sort(useOrder)) {
    let need = use.minutes;
    for (let index = 0; index < ordered.length && need > 0; index++) {
      const lot = ordered[index];
      if (lot.earnedOn > use.date || lot.expiresOn < use.date || left[index] === 0) continue;
      const part = Math.min(left[index], need);
      left[index] -= part;
      need -= part;
      parts.push({ useId: use.id, lotId: lot.id, minutes: part });
      if (use.state === 'taken') taken[index] += part;
      else reserved[index] += part;
    }
    unfunded += need;
  }
  const states = ordered.map((lot, index): LieuLotState => {
    const expired = lot.expiresOn < asOf;
    return { lot, taken: taken[index], reserved: reserved[index], remaining: expired ? 0 : left[index], expired: expired ? left[index] : 0 };
  });
  const sum = (part: (state: LieuLotState) => number) => states.reduce((total, state) => total + part(state), 0);
  return {
    lots: states,
    parts,
    unfunded,
    granted: sum((state) => state.lot.minutes),
    taken: sum((state) => state.taken),
    reserved: sum((state) => state.reserved),
    remaining: sum((state) => state.remaining),
    expired: sum((state) => state.expired),
  };
}

/**
 * Whether `added` uses may be funded on top of `uses`: refused when they leave more minutes
 * unfunded than before (what was already unfunded — a day recomputed with fewer minutes — is not
 * theirs to answer for). `available` is how many of the added minutes could be funded.
 */
export function checkLieuSpend(lots: readonly LieuLot[], uses: readonly LieuUse[], added: readonly LieuUse[], asOf: string): { ok: true } | { ok: false; available: number; requested: number } {
  const before = allocateLieu(lots, uses, asOf).unfunded;
  const after = allocateLieu(lots, [...uses, ...added], asOf).unfunded;
  const requested = added.reduce((total, use) => total + use.minutes, 0);
  const shortfall = after - before;
  return shortfall <= 0 ? { ok: true } : { ok: false, available: Math.max(0, requested - shortfall), requested };
}

/**
 * The month's figures for the report (read as of the day after the month, counting only what is
 * taken: a pending request is not leave yet). earned: lots earned in the month; taken: uses dated
 * in it; remaining: usable after its last day; expired: lots whose expiry date fell in it.
 */
export function lieuMonth(lots: readonly LieuLot[], uses: readonly LieuUse[], from: string, to: string): { earned: number; taken: number; remaining: number; expired: number } {
  const next = addDays(to, 1);
  const allocation = allocateLieu(lots.filter((lot) => lot.earnedOn <= to), uses.filter((use) => use.state === 'taken' && use.date <= to), next);
  const inMonth = (date: string) => date >= from && date <= to;
  return {
    earned: lots.filter((lot) => inMonth(lot.earnedOn)).reduce((total, lot) => total + lot.minutes, 0),
    taken: uses.filter((use) => use.state === 'taken' && inMonth(use.date)).reduce((total, use) => total + use.minutes, 0),
    remaining: allocation.remaining,
    expired: allocation.lots.filter((state) => inMonth(state.lot.expiresOn)).reduce((total, state) => total + state.expired, 0),
  };
}

/** Minutes as hours for people: two decimals at most (210 → 3.5, 20 → 0.33). */
export const minutesToHours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** Why an office adjustment in minutes cannot be stored; empty when it can. */
export function lieuAdjustmentProblems(minutes: number): ErrorDetail[] {
  return Number.isInteger(minutes) && minutes !== 0 && Math.abs(minutes) <= 100_000 ? [] : [{ field: 'minutes', message: 'minutes must be a whole number, not 0, at most 100000 either way' }];
}
