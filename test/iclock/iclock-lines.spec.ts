import fc from 'fast-check';
import { handshakeBody, nextStamp, timeZoneValue, utcOffsetMinutes } from '../../src/domain/terminal/handshake';
import { measuredSkewSeconds } from '../../src/domain/terminal/clock-skew';
import {
  attlogSourceLabel,
  bodyLines,
  keptLine,
  MAX_KEPT_LINE,
  parseAttlogLine,
  parseCommandResult,
  keptOperlogLine,
  parseOperlogLine,
  photoMetadata,
  toPunchLines,
} from '../../src/iclock/iclock-lines';
import { matchPins } from '../../src/domain/terminal/pin-mapping';

// The wire format of ZKTeco ADMS / PUSH terminals, without HTTP or a database.
describe('push protocol lines', () => {
  describe('bodyLines', () => {
    it('splits LF and CRLF alike and drops blank lines', () => {
      expect(bodyLines('a\tb\r\nc\td\n\n  \r\ne\tf\r\n')).toEqual(['a\tb', 'c\td', 'e\tf']);
      expect(bodyLines('')).toEqual([]);
    });

    it('replaces control characters (a NUL cannot be stored in PostgreSQL) but keeps tabs', () => {
      expect(bodyLines('x\u0000y\u0007z\tw')).toEqual(['x\uFFFDy\uFFFDz\tw']);
    });
  });

  it('keptLine cuts long lines at 500 characters and marks the cut', () => {
    expect(keptLine('short')).toBe('short');
    const cut = keptLine('x'.repeat(2000));
    expect(cut).toHaveLength(MAX_KEPT_LINE + 1);
    expect(cut.endsWith('…')).toBe(true);
  });

  describe('parseAttlogLine', () => {
    it('reads a real terminal line: PIN, device-local time, status 255, fingerprint, empty work code, reserved fields', () => {
      expect(parseAttlogLine('20156107\t2020-02-22 23:56:16\t255\t1\t\t0\t0\t8')).toEqual({
        ok: true,
        record: { pin: '20156107', localTime: '2020-02-22 23:56:16', status: 255, verify: 1, workCode: null },
      });
    });

    it('needs only PIN and time; odd status and verify fields are read as unknown, not refused', () => {
      expect(parseAttlogLine('E0002\t2026-11-03 08:29:12')).toEqual({ ok: true, record: { pin: 'E0002', localTime: '2026-11-03 08:29:12', status: null, verify: null, workCode: null } });
      expect(parseAttlogLine('E0002\t2026-11-03 08:29:12\tin\tthumb\t7')).toMatchObject({ ok: true, record: { status: null, verify: null, workCode: '7' } });
    });

    it('refuses a line without tabs, a bad PIN or a time that is not YYYY-MM-DD HH:MM:SS', () => {
      expect(parseAttlogLine('hello world')).toMatchObject({ ok: false, reason: 'INVALID_LINE' });
      expect(parseAttlogLine('E 0002\t2026-11-03 08:29:12')).toMatchObject({ ok: false, reason: 'INVALID_LINE' });
      expect(parseAttlogLine('E0002\t03/11/2026 08:29')).toMatchObject({ ok: false, reason: 'TIME_UNPARSEABLE' });
      expect(parseAttlogLine('E0002\t2026-11-03T08:29:12+08:00')).toMatchObject({ ok: false, reason: 'TIME_UNPARSEABLE' });
    });
  });

  it('attlogSourceLabel keeps status and how the person verified, within 64 characters', () => {
    expect(attlogSourceLabel({ pin: '1', localTime: '', status: 0, verify: 15, workCode: null })).toBe('ATTLOG status 0 verify 15 face');
    expect(attlogSourceLabel({ pin: '1', localTime: '', status: 255, verify: 1, workCode: '0' })).toBe('ATTLOG status 255 verify 1 fingerprint');
    expect(attlogSourceLabel({ pin: '1', localTime: '', status: null, verify: 9, workCode: 'W'.repeat(16) }).length).toBeLessThanOrEqual(64);
  });

  describe('toPunchLines', () => {
    const pins = matchPins('employee_no', ['E0002'], []);

    it('reads device-local time in the device zone and keeps the line index', () => {
      const lines = ['garbage', 'E0002\t2026-11-03 08:29:12\t0\t1'].map(parseAttlogLine);
      const [bad, good] = toPunchLines(lines, 'Asia/Shanghai', pins);
      expect(bad).toMatchObject({ ok: false, index: 0, reason: 'INVALID_LINE' });
      expect(good).toMatchObject({ ok: true, index: 1, employeeNo: 'E0002', sourceLabel: 'ATTLOG status 0 verify 1 fingerprint' });
      expect(good.ok && good.at.toISOString()).toBe('2026-11-03T00:29:12.000Z');
      const [berlin] = toPunchLines([lines[1]], 'Europe/Berlin', pins);
      expect(berlin.ok && berlin.at.toISOString()).toBe('2026-11-03T07:29:12.000Z');
    });

    it('refuses impossible dates and times that do not exist in the zone (a summer-time gap)', () => {
      const [impossible, gap] = toPunchLines(['E0002\t2026-02-30 08:00:00', 'E0002\t2026-03-29 02:30:00'].map(parseAttlogLine), 'Europe/Berlin', pins);
      expect(impossible).toMatchObject({ ok: false, reason: 'TIME_UNPARSEABLE' });
      expect(gap).toMatchObject({ ok: false, reason: 'TIME_UNPARSEABLE' });
    });

    it('a PIN the mapping refused is an unknown employee, with the reason', () => {
      const refused = matchPins('employee_no_digits', ['7'], []);
      expect(toPunchLines([parseAttlogLine('7\t2026-11-03 08:29:12')], 'Asia/Shanghai', refused)[0]).toMatchObject({
        ok: false,
        reason: 'UNKNOWN_EMPLOYEE',
        message: "no staff member's employee number has the digits of PIN 7",
      });
    });
  });

  describe('matchPins', () => {
    it('employee_no: the PIN is the employee number', () => {
      expect(matchPins('employee_no', ['E0002', '7'], []).get('7')).toEqual({ employeeNo: '7' });
    });

    it('employee_no_digits: the one person with those digits; an active person wins over one who left', () => {
      const matches = matchPins('employee_no_digits', ['2', '3', '4'], [
        { pin: '2', employeeNo: 'E0002', active: true },
        { pin: '3', employeeNo: 'E0003', active: false },
        { pin: '3', employeeNo: 'X0003', active: true },
        { pin: '4', employeeNo: 'E0004', active: false },
      ]);
      expect(matches.get('2')).toEqual({ employeeNo: 'E0002' });
      expect(matches.get('3')).toEqual({ employeeNo: 'X0003' });
      // Alone, a person who left still matches: the punch path then refuses them as inactive.
      expect(matches.get('4')).toEqual({ employeeNo: 'E0004' });
    });

    it('employee_no_digits: two active people with the same digits is ambiguous, never a guess', () => {
      const matches = matchPins('employee_no_digits', ['2'], [
        { pin: '2', employeeNo: 'E0002', active: true },
        { pin: '2', employeeNo: 'F0002', active: true },
      ]);
      expect(matches.get('2')).toEqual({ refused: 'PIN 2 matches several employee numbers (E0002, F0002)' });
    });
  });

  describe('OPERLOG and command results', () => {
    it('recognises user records, operations, and biometric templates (which are dropped unread)', () => {
      expect(parseOperlogLine('USER PIN=20156107\tName=王芳\tPri=0\tPasswd=1234\tCard=[0000000000]\tGrp=1\tTZ=0000000100000000')).toEqual({ kind: 'user', pin: '20156107', name: '王芳', privilege: 0, hasCard: false });
      expect(parseOperlogLine('USER PIN=7\tName=Admin\tPri=14\tPasswd=\tCard=[12D687]\tGrp=1')).toEqual({ kind: 'user', pin: '7', name: 'Admin', privilege: 14, hasCard: true });
      // USERINFO as some firmware uploads it: no USER, the card as digits.
      expect(parseOperlogLine('PIN=8\tName=\tPri=0\tPasswd=99\tCard=13375604')).toEqual({ kind: 'user', pin: '8', name: null, privilege: 0, hasCard: true });
      expect(parseOperlogLine('OPLOG 4\t0\t2020-02-22 23:56:16\t0\t0\t0\t0')).toEqual({ kind: 'operation', code: '4' });
      expect(parseOperlogLine('FP PIN=20156107\tFID=6\tSize=1024\tValid=1\tTMP=ocosgoulTUEAAAAAAAA…')).toEqual({ kind: 'biometric' });
      expect(parseOperlogLine('FACE PIN=1\tFID=0\tSIZE=2048\tVALID=1\tTMP=…')).toEqual({ kind: 'biometric' });
      expect(parseOperlogLine('whatever')).toEqual({ kind: 'other' });
    });

    it('reads ID=…&Return=…&CMD=… lines', () => {
      expect(parseCommandResult('ID=1&Return=0&CMD=INFO')).toEqual({ id: '1', returnCode: 0, command: 'INFO' });
      expect(parseCommandResult('ID=77&Return=-1002&CMD=DATA')).toEqual({ id: '77', returnCode: -1002, command: 'DATA' });
      expect(parseCommandResult('Return=0')).toBeNull();
    });
  });

  describe('handshake', () => {
    // Issue 19: the PUSH document's TimeZone is an integer, hours when the offset is whole hours, minutes otherwise.
    it.each([
      // zone, a day in December 2026 (southern summer), the value
      ['Asia/Kolkata', '330'],
      ['Australia/Adelaide', '630'],
      ['Pacific/Auckland', '13'],
      ['Europe/Paris', '1'],
      ['Asia/Shanghai', '8'],
      ['America/St_Johns', '-210'],
      ['Asia/Kathmandu', '345'],
      ['America/New_York', '-5'],
    ])('TimeZone for %s on 2026-12-01 is %s (issue 19)', (zone, value) => {
      expect(timeZoneValue(utcOffsetMinutes(zone, new Date('2026-12-01T00:00:00Z')))).toBe(value);
    });

    it('TimeZone is always an integer that reads back to the offset (hours when whole, else minutes)', () => {
      fc.assert(
        fc.property(fc.integer({ min: -12 * 60, max: 14 * 60 }), (offset) => {
          const value = timeZoneValue(offset);
          expect(value).toMatch(/^-?\d+$/);
          const read = Number(value);
          expect(offset % 60 === 0 ? read * 60 : read).toBe(offset);
        }),
      );
    });

    it('a stamp of 0 (or none, or garbage) never replaces one received before; any other stamp is kept as reported', () => {
      expect(nextStamp('1000', '0')).toBe('1000');
      expect(nextStamp('1000', '000')).toBe('1000');
      expect(nextStamp('1000', null)).toBe('1000');
      expect(nextStamp('1000', 'abc')).toBe('1000');
      expect(nextStamp(null, '0')).toBeNull();
      expect(nextStamp('1000', '1200')).toBe('1200');
      // A terminal whose log was cleared counts again from 1: it is believed.
      expect(nextStamp('1000', '3')).toBe('3');
    });

    it('the offset follows summer time on the day of the handshake', () => {
      expect(utcOffsetMinutes('Asia/Shanghai', new Date('2026-07-01T00:00:00Z'))).toBe(480);
      expect(utcOffsetMinutes('Europe/Berlin', new Date('2026-07-01T00:00:00Z'))).toBe(120);
      expect(utcOffsetMinutes('Europe/Berlin', new Date('2026-11-27T00:00:00Z'))).toBe(60);
    });

    it('answers GET OPTION FROM first, then the settings, stamps defaulting to 0', () => {
      const lines = handshakeBody('CQZ7232460123', { attlog: '123', operlog: '7', attphoto: null, errorlog: null }, '8').split('\n');
      expect(lines[0]).toBe('GET OPTION FROM: CQZ7232460123');
      expect(lines).toEqual(expect.arrayContaining(['ATTLOGStamp=123', 'OPERLOGStamp=7', 'ATTPHOTOStamp=0', 'TimeZone=8', 'Realtime=1', 'Encrypt=0']));
      // Issue 19: the keys some firmware expects, and the legacy names of the same counters.
      expect(lines).toEqual(expect.arrayContaining(['ERRORLOGStamp=0', 'Stamp=123', 'OpStamp=7', 'PhotoStamp=0', 'ServerVer=2.4.1', 'PushProtVer=2.4.1', 'PushOptionsFlag=1', 'SupportPing=1']));
      for (const name of ['ErrorDelay', 'Delay', 'TransTimes', 'TransInterval', 'TransFlag']) expect(lines.some((line) => line.startsWith(`${name}=`))).toBe(true);
    });
  });

  describe('what is kept of uploads the service does not interpret (issue 19)', () => {
    it('OPERLOG lines are kept as received, biometric templates and passwords left out', () => {
      expect(keptOperlogLine('USER PIN=20156107\tName=王芳\tPri=0\tPasswd=1234\tCard=\tGrp=1')).toBe('USER PIN=20156107\tName=王芳\tPri=0\tPasswd=(not kept)\tCard=\tGrp=1');
      expect(keptOperlogLine('USER PIN=7\tName=Han\tPri=0\tPasswd=\tCard=[0012D687]\tGrp=1')).toBe('USER PIN=7\tName=Han\tPri=0\tPasswd=\tCard=(not kept)\tGrp=1');
      expect(keptOperlogLine('FP PIN=20156107\tFID=6\tSize=1024\tValid=1\tTMP=ocosgoulTUEAAAAA')).toBe('FP PIN=20156107\tFID=6\tSize=1024\tValid=1\tTMP=(not kept)');
      expect(keptOperlogLine('OPLOG 4\t0\t2026-11-27 09:58:00\t0\t0\t0\t0')).toBe('OPLOG 4\t0\t2026-11-27 09:58:00\t0\t0\t0\t0');
      expect(keptOperlogLine('USER PIN=1\tPasswd=')).toBe('USER PIN=1\tPasswd=');
    });

    it("a photo's metadata lines are kept, its image is not", () => {
      expect(photoMetadata('PIN=20156107\nSN=CQZ7232460123\nsize=4\nCMD=uploadphoto\u0000\uFFFD\uFFFDJFIF')).toEqual(['PIN=20156107', 'SN=CQZ7232460123', 'size=4', 'CMD=uploadphoto', '(image not kept)']);
      expect(photoMetadata('PIN=1\nCMD=uploadphoto')).toEqual(['PIN=1', 'CMD=uploadphoto']);
    });
  });

  describe('clock skew (issue 19)', () => {
    const at = new Date('2026-11-27T02:00:00Z');
    it('the newest record ahead of the server measures how far the clock runs ahead', () => {
      expect(measuredSkewSeconds(new Date('2026-11-27T02:05:00Z'), at)).toBe(300);
      expect(measuredSkewSeconds(new Date('2026-11-27T01:59:30Z'), at)).toBe(-30);
    });

    it('a backlog (newest record more than an hour old) measures nothing', () => {
      expect(measuredSkewSeconds(new Date('2026-11-27T00:59:59Z'), at)).toBeNull();
      expect(measuredSkewSeconds(new Date('2026-11-27T01:00:00Z'), at)).toBe(-3600);
    });
  });
});
