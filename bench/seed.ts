import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { Api, inParallel } from './http';

/**
 * The deterministic company: the same options and seed give the same staff, roster and punches
 * (only the ids the API generates for the clock-in users differ from run to run).
 */

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍建国红文辉鹏飞雪梅晨阳佳怡子涵浩然欣悦宇轩';
const OTHER_POSITIONS = ['store_manager_assistant', 'promotion', 'designer', 'presales_service', 'aftersales_service'];
/** The first few people are the store managers; everyone else reports up a tree of eight per supervisor. */
const TOP = 5;
const REPORTS_PER_SUPERVISOR = 8;
const ROTATION = 10;

export interface PlannedStaff {
  index: number;
  id: string;
  employeeNo: string;
  username: string;
  name: string;
  positionCode: string;
  parent: number | null;
  hiredOn: string;
}

export interface PlannedPunch {
  staffIndex: number;
  /** ISO 8601 with the company's offset, to the second. */
  at: string;
  epochMs: number;
}

export interface ClockUser {
  employeeNo: string;
  token: string;
}

export interface SeededCompany {
  month: string;
  zone: string;
  staff: PlannedStaff[];
  clockUsers: ClockUser[];
  /** date → index of the person on duty. */
  duty: Map<string, number>;
  /** date → calendar kind, as the service sees it. */
  calendar: Map<string, string>;
  /** Every punch of the month, in time order (how a time clock uploads its log). */
  punches: PlannedPunch[];
  timings: { label: string; seconds: number }[];
}

function planStaff(count: number, month: string, random: () => number): PlannedStaff[] {
  const width = Math.max(5, String(count).length);
  const monthStart = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(width, '0');
    const given = GIVEN[Math.floor(random() * GIVEN.length)] + (random() < 0.6 ? GIVEN[Math.floor(random() * GIVEN.length)] : '');
    return {
      index,
      id: uuidFrom(random),
      employeeNo: `E${number}`,
      username: `u${number}`,
      name: SURNAMES[Math.floor(random() * SURNAMES.length)] + given,
      positionCode: index < TOP ? 'store_manager' : OTHER_POSITIONS[index % OTHER_POSITIONS.length],
      parent: index < TOP ? null : Math.floor((index - TOP) / REPORTS_PER_SUPERVISOR),
      // Everyone was hired before the month (30 days to about four years before).
      hiredOn: monthStart.minus({ days: between(random, 30, 1500) }).toISODate() as string,
    };
  });
}

const passwordOf = (person: PlannedStaff, seed: number) => `bench-${seed}-${person.employeeNo}`;

/** Creates the clock-in users through the API (with passwords: scrypt), in order, so that supervisors exist first. */
async function createApiStaff(api: Api, adminToken: string, people: PlannedStaff[], seed: number): Promise<void> {
  for (const person of people) {
    const created = await api.ok<{ id: string }>('POST', '/staff', {
      token: adminToken,
      json: {
        employeeNo: person.employeeNo,
        name: person.name,
        username: person.username,
        password: passwordOf(person, seed),
        positionCode: person.positionCode,
        ...(person.parent === null ? {} : { supervisorId: people[person.parent].id }),
        hiredOn: person.hiredOn,
      },
    });
    person.id = created.id;
  }
}

/** Everyone else straight into the table, in chunks (supervisors always come before their reports). */
async function insertStaff(dataSource: DataSource, people: PlannedStaff[], all: PlannedStaff[]): Promise<void> {
  const CHUNK = 5000;
  for (let offset = 0; offset < people.length; offset += CHUNK) {
    const chunk = people.slice(offset, offset + CHUNK);
    await dataSource.query(
      `INSERT INTO staff (id, employee_no, name, username, password_hash, position_code, supervisor_id, roles, hired_on, active)
       SELECT id, no, name, username, NULL, position, supervisor, '{}', hired, true
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::date[])
           AS s(id, no, name, username, position, supervisor, hired)`,
      [
        chunk.map((p) => p.id),
        chunk.map((p) => p.employeeNo),
        chunk.map((p) => p.name),
        chunk.map((p) => p.username),
        chunk.map((p) => p.positionCode),
        chunk.map((p) => (p.parent === null ? null : all[p.parent].id)),
        chunk.map((p) => p.hiredOn),
      ],
    );
  }
}

/** Start of a local date in the zone and the zone's offset then (no DST in Asia/Shanghai; read per day anyway). */
function dayStart(date: string, zone: string): { epochMs: number; offsetMinutes: number } {
  const start = DateTime.fromISO(date, { zone });
  return { epochMs: start.toMillis(), offsetMinutes: start.offset };
}

function isoWithOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const at = (h: number, m: number, s = 0) => h * 3600 + m * 60 + s;

/**
 * Two punches per person and workday: ~5% late arrivals (08:31–09:30), ~3% early leaves
 * (16:30–17:29), ~2% missing clock-out, ~2% no punches at all; the duty person of each date
 * (holidays included) punches 15:55–16:05 and 23:55–00:05.
 */
export function planPunches(
  staff: PlannedStaff[],
  dates: string[],
  calendar: Map<string, string>,
  duty: Map<string, number>,
  zone: string,
  random: () => number,
): PlannedPunch[] {
  const punches: PlannedPunch[] = [];
  for (const date of dates) {
    const { epochMs: base, offsetMinutes } = dayStart(date, zone);
    const kind = calendar.get(date);
    const working = kind === 'workday' || kind === 'makeup_workday';
    const add = (staffIndex: number, secondsOfDay: number) => {
      const epochMs = base + secondsOfDay * 1000;
      punches.push({ staffIndex, epochMs, at: isoWithOffset(epochMs, offsetMinutes) });
    };
    for (const person of staff) {
      if (duty.get(date) === person.index) {
        add(person.index, between(random, at(15, 55), at(16, 5)));
        add(person.index, between(random, at(23, 55), at(24, 5)));
        continue;
      }
      if (!working) continue;
      const roll = random();
      const normalIn = () => between(random, at(8, 0), at(8, 29, 59));
      const normalOut = () => between(random, at(17, 30), at(18, 29, 59));
      if (roll < 0.02) continue; // no punches at all
      if (roll < 0.04) add(person.index, normalIn()); // missing clock-out
      else if (roll < 0.09) {
        add(person.index, between(random, at(8, 31), at(9, 30, 59))); // late
        add(person.index, normalOut());
      } else if (roll < 0.12) {
        add(person.index, normalIn());
        add(person.index, between(random, at(16, 30), at(17, 29, 59))); // early leave
      } else {
        add(person.index, normalIn());
        add(person.index, normalOut());
      }
    }
  }
  return punches.sort((a, b) => a.epochMs - b.epochMs || a.staffIndex - b.staffIndex);
}

export async function seedCompany(
  api: Api,
  dataSource: DataSource,
  adminToken: string,
  options: { staff: number; month: string; clockUsers: number; seed: number },
): Promise<SeededCompany> {
  const timings: { label: string; seconds: number }[] = [];
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push({ label, seconds: (performance.now() - started) / 1000 });
    return result;
  };
  const random = prng(options.seed);
  const staff = planStaff(options.staff, options.month, random);
  const viaApi = staff.slice(0, options.clockUsers);
  await timed(`create ${viaApi.length} staff through POST /staff (with passwords)`, () => createApiStaff(api, adminToken, viaApi, options.seed));
  await timed(`insert ${staff.length - viaApi.length} staff with SQL`, () => insertStaff(dataSource, staff.slice(viaApi.length), staff));
  const clockUsers = await timed(`sign in ${viaApi.length} clock-in users`, () =>
    inParallel(viaApi, 4, async (person) => ({ employeeNo: person.employeeNo, token: await api.login(person.username, passwordOf(person, options.seed)) })),
  );

  const calendarMonth = await api.ok<{ days: { date: string; kind: string }[] }>('GET', `/calendar?month=${options.month}`, { token: adminToken });
  const calendar = new Map(calendarMonth.days.map((day) => [day.date, day.kind]));
  const zoneRows: { time_zone: string }[] = await dataSource.query('SELECT time_zone FROM company');
  const zone = zoneRows[0].time_zone;

  // A rotation of ten people spread over the company, filled round-robin by the service.
  const step = Math.max(1, Math.floor(staff.length / ROTATION));
  const rotation = [...new Set(Array.from({ length: Math.min(ROTATION, staff.length) }, (_, i) => staff[(i * step + Math.floor(step / 2)) % staff.length]))];
  const roster = await timed('generate the duty roster (POST /roster/generate)', () =>
    api.ok<{ days: { date: string; staffId: string | null }[] }>('POST', '/roster/generate', { token: adminToken, json: { month: options.month, staffIds: rotation.map((p) => p.id) } }),
  );
  const indexById = new Map(staff.map((person) => [person.id, person.index]));
  const duty = new Map<string, number>();
  for (const day of roster.days) if (day.staffId !== null) duty.set(day.date, indexById.get(day.staffId) as number);

  const dates = calendarMonth.days.map((day) => day.date);
  const punches = await timed('plan the month of punches', async () => planPunches(staff, dates, calendar, duty, zone, random));
  return { month: options.month, zone, staff, clockUsers, duty, calendar, punches, timings };
}
