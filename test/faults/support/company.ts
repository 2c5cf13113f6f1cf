import { createHash } from 'node:crypto';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../../support/actors';
import type { TestApp } from '../../support/test-app';
import { OCTOBER_WORKDAYS } from './faults';

export interface ClosedMonth {
  admin: SignedIn;
  finance: CreatedStaff;
  /** The bytes of `GET /months/2026-10/report` right after the close. */
  report: Buffer;
  /** The SHA-256 the close recorded for its snapshot. */
  snapshotSha256: string;
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The report's bytes exactly as sent (no decoding, no parsing). */
export async function reportBytes(baseUrl: string, who: SignedIn, month = '2026-10'): Promise<{ status: number; bytes: Buffer; sha256Header: string | null }> {
  const response = await fetch(`${baseUrl}/months/${month}/report`, { headers: who.auth });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), sha256Header: response.headers.get('x-content-sha256') };
}

/**
 * A small company's October 2026 through the API — staff under a supervisor, a finance policy,
 * punches with late arrivals, missing punches and absences, an approved emergency sick leave, a
 * duty day — closed by finance. Deterministic apart from generated ids and times.
 */
export async function buildClosedOctober(t: TestApp, baseUrl: string): Promise<ClosedMonth> {
  const admin = await loginAdmin(t);
  const finance = await newStaff(t, admin, { roles: ['finance'] });
  const boss = await newStaff(t, admin, { positionCode: 'store_manager' });
  const team: CreatedStaff[] = [];
  for (let i = 0; i < 5; i++) team.push(await newStaff(t, admin, { supervisorId: boss.id, hiredOn: i === 4 ? '2026-10-14' : '2025-06-01' }));
  const ok = (status: number, what: string, body: unknown) => {
    if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  };

  let r = await t.http().put('/finance-policy').set(finance.auth).send({ effectiveMonth: '2026-10', lateFen: 2000, seriousLateFen: 5000, absenceDayFen: 10000, missingPunchFen: 500, fullAttendanceBonusFen: 30000 });
  ok(r.status, 'finance policy', r.body);

  const punches: { employeeNo: string; at: string }[] = [];
  team.forEach((person, i) => {
    OCTOBER_WORKDAYS.forEach((day, j) => {
      if ((i + j) % 13 === 0) return; // absent
      const late = (i + j) % 7 === 0;
      punches.push({ employeeNo: String(person.body.employeeNo), at: `${day}T08:${late ? '47' : String(20 + i).padStart(2, '0')}:1${i}+08:00` });
      if ((i + j) % 11 !== 0) punches.push({ employeeNo: String(person.body.employeeNo), at: `${day}T17:3${i}:0${j % 10}+08:00` });
    });
  });
  r = await t.http().post('/punches/batch').set(admin.auth).send({ punches });
  ok(r.status, 'batch', r.body);

  r = await t.http().post('/leave-requests').set(team[2].auth).send({ type: 'sick', startDate: '2026-10-21', startHalf: null, endDate: '2026-10-21', endHalf: null, reason: 'flu', emergency: true });
  ok(r.status, 'leave request', r.body);
  const leaveId = (r.body as { id: string }).id;
  r = await t.http().post(`/leave-requests/${leaveId}/approve`).set(boss.auth).send({ comment: 'get well' });
  ok(r.status, 'leave approval', r.body);
  r = await t.http().put('/roster/2026-10-16').set(admin.auth).send({ staffId: team[0].id });
  ok(r.status, 'roster', r.body);

  r = await t.http().post('/months/2026-10/close').set(finance.auth).send();
  ok(r.status, 'close', r.body);
  const snapshotSha256 = (r.body as { snapshots: { sha256: string }[] }).snapshots[0].sha256;
  const served = await reportBytes(baseUrl, finance);
  if (served.status !== 200) throw new Error(`report: ${served.status} ${served.bytes.toString('utf8')}`);
  return { admin, finance, report: served.bytes, snapshotSha256 };
}
