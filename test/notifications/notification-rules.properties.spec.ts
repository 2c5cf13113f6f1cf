import fc from 'fast-check';
import { LANGUAGES } from '../../src/domain/i18n/language';
import { MESSAGE_KINDS } from '../../src/domain/notifications/kinds';
import { messageHtml, messageMarkdown, renderMessage } from '../../src/domain/notifications/messages';
import { afterFailure, MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../src/domain/notifications/retry-schedule';
import { digestDate, previousMonth } from '../../src/domain/notifications/schedule';
import { SecretBox } from '../../src/notifications/secret-box';

/**
 * The pure rules of notifications (issue 18): when a failed delivery is tried again, when the
 * daily digest is due in company time, the words of every kind in both languages, and the
 * sealing of secrets.
 */
const instant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

describe('Notification rules (issue 18)', () => {
  it('retries 1 min, 5 min, 30 min, 2 h and 12 h after the 1st … 5th failure; the 6th is final', () => {
    expect(RETRY_DELAYS_MS).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), instant, (attempts, now) => {
        const next = afterFailure(attempts, now);
        if (attempts >= MAX_ATTEMPTS) expect(next).toEqual({ status: 'failed' });
        else expect(next).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_MS[attempts - 1]) });
      }),
    );
    // Over all the retries a message is given 14 h 36 min before it is failed.
    expect(RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0) / 60_000).toBe(14 * 60 + 36);
    expect(() => afterFailure(0, new Date())).toThrow(RangeError);
  });

  it('the digest is due from the digest hour in company time and reports the company\'s yesterday', () => {
    // 00:30 in Shanghai on 27 November is 16:30Z on the 26th: yesterday is the 26th only from 09:00 local.
    expect(digestDate(new Date('2026-11-26T16:30:00Z'), 'Asia/Shanghai', 0)).toBe('2026-11-26');
    expect(digestDate(new Date('2026-11-27T00:59:59Z'), 'Asia/Shanghai', 9)).toBeNull();
    expect(digestDate(new Date('2026-11-27T01:00:00Z'), 'Asia/Shanghai', 9)).toBe('2026-11-26');
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 23 }), fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC'), (now, hour, zone) => {
        const date = digestDate(now, zone, hour);
        const localHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(now));
        expect(date === null).toBe(localHour < hour);
        if (date) {
          const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(now);
          expect(new Date(`${today}T00:00:00Z`).getTime() - new Date(`${date}T00:00:00Z`).getTime()).toBe(86_400_000);
        }
      }),
    );
    expect(previousMonth(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toEqual({ month: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(previousMonth(new Date('2026-03-10T00:00:00Z'), 'Asia/Shanghai')).toEqual({ month: '2026-02', from: '2026-02-01', to: '2026-02-28' });
  });

  it('every kind has a title and a text in every language, whatever its parameters; people\'s words cannot become HTML or markup', () => {
    const params = fc.dictionary(fc.constantFrom('subjectKind', 'requesterName', 'actorName', 'status', 'comment', 'date', 'month', 'reason', 'deviceName', 'version', 'lateMinutes', 'action'), fc.oneof(fc.string(), fc.integer(), fc.boolean()));
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_KINDS), fc.constantFrom(...LANGUAGES), params, (kind, language, p) => {
        const message = renderMessage(kind, p, language);
        expect(message.title.length).toBeGreaterThan(0);
        expect(message.text.length).toBeGreaterThan(0);
        const html = messageHtml(message);
        expect(html.replace(/<\/?(?:!doctype html|html|body|h2|p)>/gi, '')).not.toMatch(/[<>]/);
        expect(messageMarkdown(message).startsWith('### ')).toBe(true);
      }),
    );
    const hostile = renderMessage('request_decided', { subjectKind: 'leave', status: 'rejected', actorName: '<script>alert(1)</script>', comment: '**bold** [x](http://evil)' }, 'en');
    expect(messageHtml(hostile)).toContain('&lt;script&gt;');
    expect(messageMarkdown(hostile)).toContain('\\*\\*bold\\*\\* \\[x\\](http://evil)');
    // A kind a newer flow adds reads by its code rather than failing.
    expect(renderMessage('request_waiting', { subjectKind: 'terminal_command', requesterName: '王芳' }, 'en').title).toBe('Waiting for you: terminal command of 王芳');
  });

  it('secrets are sealed with AES-256-GCM: each sealing differs, opens only with the same key, and an altered one is refused', () => {
    const box = new SecretBox('x'.repeat(32));
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (secret) => {
        const sealed = box.seal(secret);
        expect(box.open(sealed)).toBe(secret);
        expect(box.seal(secret)).not.toBe(sealed);
      }),
    );
    const sealed = box.seal('SECdingtalk');
    expect(() => new SecretBox('y'.repeat(32)).open(sealed)).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`v1:${raw.toString('base64')}`)).toThrow();
  });
});
