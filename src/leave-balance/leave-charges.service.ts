import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { keepsYearBalance, ruleOn } from '../domain/leave-balance/allowance';
import { balanceOf } from '../domain/leave-balance/balance';
import { carriedExpiryDue } from '../domain/leave-balance/carry-over';
import { type Charge, chargesOf, untakenOf, yearShare } from '../domain/leave-balance/charges';
import type { LedgerEntry } from '../domain/leave-balance/ledger-entry';
import { checkSpend } from '../domain/leave-balance/spend';
import type { LieuCharge } from '../domain/leave-balance/lieu-charges';
import type { DayCharge } from '../domain/leave-rules';
import { CompanyClock } from '../policy/company-clock';
import { MonthLockService } from '../policy/month-lock.service';
import { AllowanceRulesRepository } from './allowance-rules.repository';
import { balanceInsufficient } from './leave-balance.errors';
import { BalanceKey, LeaveBalanceRepository } from './leave-balance.repository';
import { LedgerRow, NewLedgerEntry, toLedgerEntry } from './ledger-rows';
import { LieuService } from './lieu.service';

/** A leave request as its balance sees it. */
export interface ChargedRequest {
  id: string;
  staffId: string;
  type: string;
  startDate: string;
}

type RequestEvent = 'submitted' | 'approved' | 'rejected' | 'withdrawn' | 'cancelled';

const sumDays = (days: readonly { days: number }[]) => days.reduce((total, day) => total + day.days, 0);

/**
 * What a leave request does to its balance (issue 16), inside the request's own transaction:
 * reserve on submit (or refuse with 422 LEAVE_BALANCE_INSUFFICIENT), consume on approval, release
 * on rejection, withdrawal or cancellation (only the untaken days once the leave has started).
 * Each writer locks the balance first, so two requests never spend the same days.
 */
@Injectable()
export class LeaveChargesService {
  constructor(
    private readonly ledger: LeaveBalanceRepository,
    private readonly rules: AllowanceRulesRepository,
    private readonly monthLock: MonthLockService,
    private readonly companyClock: CompanyClock,
    private readonly lieu: LieuService,
  ) {}

  /**
   * Reserves a new request's working days, or refuses it when its rule forbids going below zero.
   * A 调休 request (issue 22) holds its `minutes` against the time off in lieu instead: its status
   * says from then on whether they are held or taken, so the transitions below write nothing for it.
   */
  async reserve(manager: EntityManager, request: ChargedRequest, days: DayCharge[], minutes: LieuCharge[] = []): Promise<void> {
    const rule = ruleOn((await this.rules.versions(manager)).get(request.type) ?? [], request.startDate);
    if (rule.kind === 'lieu') return this.lieu.reserve(manager, request, minutes, rule);
    const requested = sumDays(days);
    if (rule.kind === 'per_occurrence') {
      // Checked against the occurrence's days; no balance is kept between occurrences.
      if (!rule.allowNegative && rule.days !== null && requested > rule.days) throw balanceInsufficient(await this.rules.named(manager, request.type), rule.days, requested);
      return;
    }
    if (!keepsYearBalance(rule) || requested === 0) return;
    const key = { staffId: request.staffId, leaveType: request.type };
    await this.ledger.lock(manager, [key]);
    const years = [...new Set(days.map((day) => Number(day.date.slice(0, 4))))];
    const byYear = this.byYear(await this.ledger.entries(manager, key, years));
    const charges = chargesOf(days, (year) => balanceOf(byYear(year)).carriedExpiresOn);
    for (const year of years) {
      const balance = balanceOf(byYear(year));
      const share = yearShare(charges, year, balance.carriedExpiresOn);
      const check = checkSpend(balance, share.days, rule.allowNegative, share.afterExpiry);
      if (!check.ok) throw balanceInsufficient(await this.rules.named(manager, request.type), check.available, share.days);
    }
    await this.write(manager, key, request.id, 'submitted', charges.map((charge): LedgerEntry => ({ kind: 'reservation', days: -charge.days, date: charge.date })));
  }

  /** On approval the reservation becomes a consumption of the same days. */
  async consume(manager: EntityManager, request: ChargedRequest): Promise<void> {
    const held = await this.outstanding(manager, request, 'reservation');
    if (held === null) return;
    await this.write(manager, held.key, request.id, 'approved', held.charges.flatMap((charge): LedgerEntry[] => [
      { kind: 'release', of: 'reservation', days: charge.days, date: charge.date },
      { kind: 'consumption', days: -charge.days, date: charge.date },
    ]));
  }

  /** A pending request rejected or withdrawn gives its reservation back. */
  async release(manager: EntityManager, request: ChargedRequest, event: 'rejected' | 'withdrawn'): Promise<void> {
    const held = await this.outstanding(manager, request, 'reservation');
    if (held === null) return;
    await this.write(manager, held.key, request.id, event, held.charges.map((charge): LedgerEntry => ({ kind: 'release', of: 'reservation', days: charge.days, date: charge.date })));
  }

  /**
   * An approved request cancelled gives back what it consumed: everything before it starts, only
   * the untaken days (`untaken`, date by date) once it has.
   */
  async giveBack(manager: EntityManager, request: ChargedRequest, untaken: DayCharge[] | 'all'): Promise<void> {
    const consumed = await this.outstanding(manager, request, 'consumption');
    if (consumed === null) return;
    const given = untaken === 'all' ? consumed.charges : untakenOf(consumed.charges, untaken);
    await this.write(manager, consumed.key, request.id, 'cancelled', given.map((charge): LedgerEntry => ({ kind: 'release', of: 'consumption', days: charge.days, date: charge.date })));
  }

  /**
   * Each request's balance after it: the days of its type left in the year it starts, as the
   * ledger stands (the request counted while pending or approved); null for a type without a balance.
   */
  async balancesAfter(manager: EntityManager, requests: ChargedRequest[]): Promise<Map<string, number | null>> {
    const versions = await this.rules.versions(manager);
    const keyOf = (request: ChargedRequest) => ({ staffId: request.staffId, leaveType: request.type, year: Number(request.startDate.slice(0, 4)) });
    const tracked = requests.filter((request) => keepsYearBalance(ruleOn(versions.get(request.type) ?? [], request.startDate)));
    const available = await this.ledger.available(manager, tracked.map(keyOf));
    const isTracked = new Set(tracked.map((request) => request.id));
    return new Map(
      requests.map((request) => {
        const key = keyOf(request);
        return [request.id, isTracked.has(request.id) ? (available.get(`${key.staffId}|${key.leaveType}|${key.year}`) ?? 0) : null];
      }),
    );
  }

  /** What a request still holds (reserved) or has taken (consumed), charge by charge; null when it never charged a balance. */
  private async outstanding(manager: EntityManager, request: ChargedRequest, what: 'reservation' | 'consumption'): Promise<{ key: BalanceKey; charges: Charge[] } | null> {
    const key = { staffId: request.staffId, leaveType: request.type };
    if ((await this.ledger.entriesOfRequest(manager, request.id)).length === 0) return null;
    await this.ledger.lock(manager, [key]);
    const net = new Map<string, Charge>();
    for (const row of await this.ledger.entriesOfRequest(manager, request.id)) {
      const entry = toLedgerEntry(row);
      const counts = entry.kind === what || (entry.kind === 'release' && entry.of === what);
      if (!counts) continue;
      const charge = net.get(entry.date) ?? { year: row.year, date: entry.date, days: 0 };
      charge.days -= entry.days;
      net.set(entry.date, charge);
    }
    return { key, charges: [...net.values()].filter((charge) => charge.days > 0) };
  }

  /**
   * Appends a request's entries in the months the month lock keeps open, then, in every year whose
   * carried days have already been expired, the correction a charge dated before that expiry
   * makes due (carriedExpiryDue), so that no sweep has to come by first.
   */
  private async write(manager: EntityManager, key: BalanceKey, requestId: string, event: RequestEvent, entries: LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.monthLock.assertOpen(manager, entries.map((entry) => entry.date));
    const explanation = [{ kind: 'request', event, requestId }];
    await this.ledger.insert(manager, entries.map((entry): NewLedgerEntry => ({ ...key, entry, cause: 'request', explanation, requestId })));
    const today = await this.companyClock.today(manager);
    const years = [...new Set(entries.map((entry) => Number(entry.date.slice(0, 4))))];
    const byYear = this.byYear(await this.ledger.entries(manager, key, years));
    const corrections = years.flatMap((year) => {
      const ledger = byYear(year);
      const alreadyExpired = ledger.some((entry) => entry.kind === 'expiry' && entry.of === 'carried');
      const due = alreadyExpired ? carriedExpiryDue(ledger, today) : null;
      return due ? [due] : [];
    });
    if (corrections.length === 0) return;
    await this.monthLock.assertOpen(manager, corrections.map((entry) => entry.date));
    await this.ledger.insert(manager, corrections.map((entry): NewLedgerEntry => ({ ...key, entry, cause: 'carried_expiry', explanation: [{ kind: 'carried_expiry', requestId }] })));
  }

  private byYear(rows: LedgerRow[]): (year: number) => LedgerEntry[] {
    return (year) => rows.filter((row) => row.year === year).map(toLedgerEntry);
  }
}
