import { NotificationDeliverer } from '../../src/notifications/notification-deliverer';
import { Notifier } from '../../src/notifications/notifier';
import type { Response } from 'supertest';
import { CreatedStaff, DEFAULT_PASSWORD, login, loginAdmin, newStaff, SignedIn } from '../support/actors';
import type { TestApp } from '../support/test-app';

/**
 * The people, device and records the access matrix works with.
 *
 *   skipLevel ─▶ supervisor ─▶ subject        otherSupervisor ─▶ peer        finance, admin (no supervisor)
 *
 * "self" is the subject of the request (whose record it is); "peer" is another employee; "supervisor"
 * is the subject's direct supervisor; "skipLevel" is the supervisor's own supervisor (sees the subject
 * at depth 2, but is not the direct supervisor); "otherSupervisor" supervises someone else (the peer).
 */
export const ACTORS = ['anonymous', 'self', 'peer', 'supervisor', 'skipLevel', 'otherSupervisor', 'finance', 'admin', 'device'] as const;
export type ActorName = (typeof ACTORS)[number];
export type StaffActorName = Exclude<ActorName, 'anonymous' | 'device'>;

/** Staff created for the matrix are hired here, so that attendance is only computed for a few months. */
export const HIRED_ON = '2026-09-01';
/** A month that is over and in which nobody was employed: closing it is cheap and touches nothing else. */
export const CLOSABLE_MONTH = '2026-06';

export interface Device {
  id: string;
  key: string;
  serial: string;
}

const must = (what: string, response: Response, status: number): Response => {
  if (response.status !== status) throw new Error(`setup: ${what} answered ${response.status} ${JSON.stringify(response.body ?? response.text)}`);
  return response;
};

export class World {
  admin!: SignedIn;
  finance!: CreatedStaff;
  skipLevel!: CreatedStaff;
  supervisor!: CreatedStaff;
  subject!: CreatedStaff;
  otherSupervisor!: CreatedStaff;
  peer!: CreatedStaff;
  device!: Device;
  /** A second device, for the routes that rename it or rotate its key. */
  spareDeviceId!: string;
  positionCode!: string;
  leaveTypeCode!: string;
  /** Records of the subject that reads use (they are never changed). */
  subjectLeaveId!: string;
  subjectExemptionId!: string;
  subjectCorrectionId!: string;
  subjectOvertimeId!: string;
  subjectRecordId!: string;
  /** H-CON-8 in handbook version 1, for disciplinary records. */
  articleId!: string;

  private serial = 0;
  private readonly nextLeaveDay = new Map<string, number>();
  private readonly nextCorrection = new Map<string, number>();
  private readonly nextOvertime = new Map<string, number>();

  constructor(readonly t: TestApp) {}

  async build(): Promise<void> {
    this.admin = await loginAdmin(this.t);
    const staff = (overrides: Parameters<typeof newStaff>[2]) => newStaff(this.t, this.admin, { hiredOn: HIRED_ON, ...overrides });
    this.finance = await staff({ roles: ['finance'], employeeNo: 'AM-FIN' });
    this.skipLevel = await staff({ employeeNo: 'AM-BOSS' });
    this.supervisor = await staff({ supervisorId: this.skipLevel.id, employeeNo: 'AM-LEAD' });
    this.subject = await staff({ supervisorId: this.supervisor.id, employeeNo: 'AM-SELF' });
    this.otherSupervisor = await staff({ employeeNo: 'AM-OLEAD' });
    this.peer = await staff({ supervisorId: this.otherSupervisor.id, employeeNo: 'AM-PEER' });
    // Staff are not pushed to it: its polls find no user commands queued (staff-push.spec.ts covers those).
    const device = must('POST /devices', await this.as(this.admin).post('/devices').send({ name: 'Front door', serialNumber: 'AMX-0001', pushStaff: false }), 201);
    this.device = { id: device.body.id, key: device.body.apiKey, serial: 'AMX-0001' };
    this.spareDeviceId = must('POST /devices', await this.as(this.admin).post('/devices').send({ name: 'Back door', serialNumber: 'AMX-0002' }), 201).body.id;
    this.positionCode = must('POST /positions', await this.as(this.admin).post('/positions').send({ code: 'am_matrix', nameZh: '矩阵', nameEn: 'Matrix' }), 201).body.code;
    this.leaveTypeCode = must('POST /leave-types', await this.as(this.admin).post('/leave-types').send({ code: 'am_matrix', nameZh: '矩阵假', nameEn: 'Matrix leave', paid: false }), 201).body.code;
    const handbook = must('GET /handbook', await this.as(this.admin).get('/handbook'), 200);
    this.articleId = (handbook.body.articles as { key: string; id: string }[]).find((article) => article.key === 'H-CON-8')!.id;
    // Make-up punches: room for the many fresh requests the matrix makes (every day of the two months back).
    must('PUT /settings', await this.as(this.admin).put('/settings').send({ effectiveFrom: HIRED_ON, correctionMonthlyLimit: 31, correctionDaysBack: 62 }), 200);
    // Overtime: no monthly cap in the way of the many fresh requests either.
    must('PUT /settings', await this.as(this.admin).put('/settings').send({ effectiveFrom: HIRED_ON, overtimeMonthlyCapMinutes: 44640 }), 200);
    this.subjectLeaveId = await this.leave('pending');
    this.subjectExemptionId = await this.exemption('pending');
    this.subjectRecordId = await this.record('issued');
    this.subjectCorrectionId = await this.correction('pending');
    this.subjectOvertimeId = await this.overtime('pending');
  }

  /** A request builder with a signed-in person's token. */
  as(who: SignedIn) {
    const http = this.t.http();
    const auth = who.auth;
    return {
      get: (path: string) => http.get(path).set(auth),
      post: (path: string) => http.post(path).set(auth),
      put: (path: string) => http.put(path).set(auth),
    };
  }

  /** A fresh in-app message for the subject (issue 18), through the outbox and the deliverer as any other. */
  async subjectNotification(): Promise<string> {
    const notifier = this.t.app.get(Notifier);
    await this.t.dataSource.transaction((manager) =>
      notifier.emit(manager, { kind: 'handbook_published', audience: 'person', staffId: this.subject.id, params: { version: 2 }, dedupeKey: `matrix:${this.uniqueSuffix()}` }),
    );
    await this.t.app.get(NotificationDeliverer).deliverOnce();
    const rows = await this.t.sql<{ id: string }>(`SELECT id FROM notification WHERE recipient_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`, [this.subject.id]);
    return rows[0].id;
  }

  /** A group robot and one failed delivery of it, for the office's routes. */
  async failedDelivery(): Promise<{ channelId: string; deliveryId: string }> {
    const channel = must('POST /notification-channels', await this.as(this.admin).post('/notification-channels').send({ kind: 'wecom', name: `AM ${this.uniqueSuffix()}`, url: 'http://127.0.0.1:9/robot?key=am', eventKinds: ['month_closed'] }), 201);
    const notifier = this.t.app.get(Notifier);
    await this.t.dataSource.transaction((manager) =>
      notifier.emit(manager, { kind: 'month_closed', audience: 'finance', staffId: null, params: { month: '2026-06', actorName: 'AM' }, dedupeKey: `matrix:${this.uniqueSuffix()}` }),
    );
    await this.t.app.get(NotificationDeliverer).deliverOnce();
    await this.t.sql(`UPDATE notification_delivery SET status = 'failed', next_attempt_at = NULL, attempts = 6, last_error = 'down' WHERE channel_id = $1`, [channel.body.id]);
    const rows = await this.t.sql<{ id: string }>(`SELECT id FROM notification_delivery WHERE channel_id = $1`, [channel.body.id]);
    return { channelId: channel.body.id, deliveryId: rows[0].id };
  }

  uniqueSuffix(): string {
    this.serial += 1;
    return `${this.serial}`;
  }

  /** The next whole day no leave of this person covers yet (December on: after "today", 2026-11-27). */
  leaveDay(staffId: string): string {
    const n = this.nextLeaveDay.get(staffId) ?? 0;
    this.nextLeaveDay.set(staffId, n + 1);
    return new Date(Date.UTC(2026, 11, 1 + n)).toISOString().slice(0, 10);
  }

  leaveBody(staffId: string): Record<string, unknown> {
    const day = this.leaveDay(staffId);
    return { type: 'personal', startDate: day, startHalf: null, endDate: day, endHalf: null, reason: 'Family matter' };
  }

  /** A fresh leave request of the subject, pending or approved by the direct supervisor. */
  async leave(state: 'pending' | 'approved'): Promise<string> {
    const id: string = must('POST /leave-requests', await this.as(this.subject).post('/leave-requests').send(this.leaveBody(this.subject.id)), 201).body.id;
    if (state === 'approved') must('approve leave', await this.as(this.supervisor).post(`/leave-requests/${id}/approve`).send({}), 200);
    return id;
  }

  /** A fresh business-trip exemption of the subject, pending or signed by the direct supervisor. */
  async exemption(state: 'pending' | 'approved'): Promise<string> {
    const body = { date: '2026-12-15', from: null, to: null, destination: 'JD logistics centre', reason: 'Returns backlog' };
    const id: string = must('POST /exemptions', await this.as(this.subject).post('/exemptions').send(body), 201).body.id;
    if (state === 'approved') must('approve exemption', await this.as(this.supervisor).post(`/exemptions/${id}/approve`).send({ attest: true }), 200);
    return id;
  }

  /**
   * The next make-up punch this person has not asked for yet: the clock-in of a day going back from
   * 2026-11-17 to 2026-10-09, after the National Day holidays (the matrix's punches fall on 18–21
   * November and today, so these days have none: every punch is missing), then the clock-outs.
   */
  correctionBody(staffId: string): Record<string, unknown> {
    const n = this.nextCorrection.get(staffId) ?? 0;
    this.nextCorrection.set(staffId, n + 1);
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 10, 17 - i)).toISOString().slice(0, 10));
    const date = days[n % days.length];
    return n < days.length
      ? { date, session: 0, direction: 'in', at: `${date}T08:30:00+08:00`, reason: 'Terminal was down' }
      : { date, session: 1, direction: 'out', at: `${date}T17:30:00+08:00`, reason: 'Forgot to clock out' };
  }

  /** A fresh make-up punch request of the subject, pending or approved by the direct supervisor. */
  async correction(state: 'pending' | 'approved'): Promise<string> {
    const id: string = must('POST /punch-corrections', await this.as(this.subject).post('/punch-corrections').send(this.correctionBody(this.subject.id)), 201).body.id;
    if (state === 'approved') must('approve correction', await this.as(this.supervisor).post(`/punch-corrections/${id}/approve`).send({}), 200);
    return id;
  }

  /** The next overtime window this person has not asked for: half an hour after the office shift, five a day from 2026-12-01 on. */
  overtimeBody(staffId: string): Record<string, unknown> {
    const n = this.nextOvertime.get(staffId) ?? 0;
    this.nextOvertime.set(staffId, n + 1);
    const date = new Date(Date.UTC(2026, 11, 1 + Math.floor(n / 5))).toISOString().slice(0, 10);
    const start = 18 * 60 + (n % 5) * 30;
    const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return { date, start: clock(start), end: clock(start + 30), reason: 'Double 12 backlog' };
  }

  /** A fresh overtime request of the subject, pending or approved by the direct supervisor. */
  async overtime(state: 'pending' | 'approved'): Promise<string> {
    const id: string = must('POST /overtime-requests', await this.as(this.subject).post('/overtime-requests').send(this.overtimeBody(this.subject.id)), 201).body.id;
    if (state === 'approved') must('approve overtime', await this.as(this.supervisor).post(`/overtime-requests/${id}/approve`).send({}), 200);
    return id;
  }

  /** A fresh disciplinary record (a warning) against the subject, issued or appealed by them. */
  async record(state: 'issued' | 'appealed'): Promise<string> {
    const body = { staffId: this.subject.id, articleIds: [this.articleId], occurredOn: '2026-11-20', facts: 'Unreachable for four hours', severity: 'minor', action: 'warning' };
    const id: string = must('POST /disciplinary-records', await this.as(this.admin).post('/disciplinary-records').send(body), 201).body.id;
    if (state === 'appealed') must('appeal', await this.as(this.subject).post(`/disciplinary-records/${id}/appeal`).send({ statement: 'I was at the bank' }), 200);
    return id;
  }

  /**
   * A fresh report of the direct supervisor (a second "subject"), for routes that change the person
   * themself. With `signIn`, they get a password and a token (scrypt is slow: only when needed).
   */
  async freshSubject(options: { signIn: boolean; deactivated?: boolean }): Promise<{ id: string; signedIn: SignedIn | null }> {
    const n = this.uniqueSuffix();
    const username = `am_fresh_${n}`;
    const body = {
      employeeNo: `AM-F${n}`, name: `Fresh ${n}`, username, positionCode: 'presales_service', supervisorId: this.supervisor.id, hiredOn: HIRED_ON,
      ...(options.signIn ? { password: DEFAULT_PASSWORD } : {}),
    };
    const id: string = must('POST /staff', await this.as(this.admin).post('/staff').send(body), 201).body.id;
    const signedIn = options.signIn ? await login(this.t, username, DEFAULT_PASSWORD) : null;
    if (options.deactivated) must('deactivate', await this.as(this.admin).post(`/staff/${id}/deactivate`).send({ leftOn: '2026-11-27' }), 200);
    return { id, signedIn };
  }

  /** The current (published) handbook version number. */
  async currentHandbook(): Promise<number> {
    return must('GET /handbook', await this.as(this.admin).get('/handbook'), 200).body.number;
  }

  private async draftNumber(): Promise<number | null> {
    const versions = must('GET /handbook/versions', await this.as(this.admin).get('/handbook/versions'), 200).body.items as { number: number; status: string }[];
    return versions.find((version) => version.status === 'draft')?.number ?? null;
  }

  async ensureDraft(): Promise<number> {
    const existing = await this.draftNumber();
    if (existing !== null) return existing;
    return must('POST /handbook/versions', await this.as(this.admin).post('/handbook/versions').send({ note: 'Matrix draft' }), 201).body.number;
  }

  /** Publishes the draft if there is one, so that a new draft can be started. */
  async ensureNoDraft(): Promise<void> {
    const existing = await this.draftNumber();
    if (existing !== null) must('publish', await this.as(this.admin).post(`/handbook/versions/${existing}/publish`).send({}), 200);
  }

  async ensureArticle(draft: number, key: string): Promise<void> {
    const body = { chapter: 'conduct', titleZh: '测试', titleEn: 'Test article', textZh: '测试条款', textEn: 'A test article' };
    must('PUT article', await this.as(this.admin).put(`/handbook/versions/${draft}/articles/${key}`).send(body), 200);
  }

  async monthState(month: string, wanted: 'open' | 'closed'): Promise<void> {
    const rows = await this.t.sql<{ state: string }>('SELECT state FROM accounting_month WHERE month = $1', [month]);
    const state = rows[0]?.state ?? 'open';
    if (state === wanted) return;
    if (wanted === 'closed') must('close month', await this.as(this.finance).post(`/months/${month}/close`).send({}), 200);
    else must('reopen month', await this.as(this.finance).post(`/months/${month}/reopen`).send({ reason: 'Matrix setup' }), 200);
  }
}
