import { Injectable } from '@nestjs/common';
import { localTimeOf } from './dto/punch.dto';
import { assignedDateOf } from '../domain/attendance/person-days';
import type { EmploymentSpan, Policy } from '../domain/policy';
import { policyFromRow, PolicyRow } from '../policy/policy.repository';

/** Distinct policy texts kept: a new one appears only when the rules or the dates around "now" change. */
const POLICIES_KEPT = 16;
/** Answers kept per policy: about one per person and second at the morning peak, dropped wholesale beyond. */
const ANSWERS_KEPT = 10_000;
/** Local times kept (one per zone and second). */
const TIMES_KEPT = 1_000;

/**
 * The clock-in answer's Policy, assigned date and local time, remembered by their inputs. A
 * clock-in reads the Policy around its date as one JSON text in its statement; building the Policy
 * from it and running assignedDateOf (luxon, every shift and window of five dates) cost more CPU
 * than the rest of the request. All three are pure functions of what is remembered here: the same
 * text is the same Policy; the same Policy, employment facts and second are the same date; the
 * same zone and second the same local time. The rules themselves are not cached: the text is read
 * from the database by every clock-in, so a change of the rules is seen at once. Clock-ins that
 * share a second (many at the start of a shift) compute these once.
 */
@Injectable()
export class ClockInMemo {
  private readonly policies = new Map<string, Policy>();
  private readonly answers = new WeakMap<Policy, Map<string, string | null>>();
  private readonly times = new Map<string, string>();

  /** `localTime` of the punch's answer (toPunchDto). */
  localTime(at: Date, zone: string): string {
    const key = `${zone}|${at.getTime()}`;
    let text = this.times.get(key);
    if (text === undefined) {
      if (this.times.size >= TIMES_KEPT) this.times.clear();
      text = localTimeOf(at, zone);
      this.times.set(key, text);
    }
    return text;
  }

  /** The Policy of a `row_to_json` text of `policyColumns`. */
  policyOf(text: string): Policy {
    let policy = this.policies.get(text);
    if (policy === undefined) {
      if (this.policies.size >= POLICIES_KEPT) this.policies.clear();
      policy = policyFromRow(JSON.parse(text) as PolicyRow);
      this.policies.set(text, policy);
    }
    return policy;
  }

  /**
   * assignedDateOf(policy, staff, at) for a policy loaded over [first, last] (the punch's local
   * date ± 2). A person employed over all of it and on no duty in it is scheduled as everyone like
   * them (assignedDateOf reads the person only through those two facts), so they share one answer
   * per second; anyone else is remembered by their own id and dates.
   */
  assignedDate(policy: Policy, staff: EmploymentSpan, at: Date, first: string, last: string): string | null {
    const plain = staff.hiredOn <= first && (staff.leftOn === null || staff.leftOn >= last) && ![...policy.roster.values()].includes(staff.id);
    const key = `${plain ? '' : `${staff.id}|${staff.hiredOn}|${staff.leftOn ?? ''}`}|${at.getTime()}`;
    let answers = this.answers.get(policy);
    if (answers === undefined) this.answers.set(policy, (answers = new Map()));
    if (answers.has(key)) return answers.get(key) as string | null;
    if (answers.size >= ANSWERS_KEPT) answers.clear();
    const date = assignedDateOf(policy, staff, at);
    answers.set(key, date);
    return date;
  }
}
