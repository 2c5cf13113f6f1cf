import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detailMessage } from '../../src/domain/i18n/detail-messages';
import { ERROR_MESSAGES, errorMessage, fillTemplate } from '../../src/domain/i18n/error-messages';
import { languageFromAcceptLanguage, languageFromQuery, LANGUAGES } from '../../src/domain/i18n/language';

/**
 * Every error code the service can answer has a sentence in every language. The codes are found
 * by scanning src for UPPER_SNAKE string literals (error codes are always written out whole, also
 * where they are passed on, as for the rejected lines of a batch). Literals that are not error
 * codes are listed here by name, so that a new literal is either given its sentences or declared
 * not to be a code: nothing slips through silently.
 */
const NOT_ERROR_CODES = new Set([
  // environment variables and injection tokens
  'ADMIN_PASSWORD', 'ATTENDANCE_QUEUE_MS', 'ATTENDANCE_SWEEP_SECONDS', 'CORS_ORIGINS', 'DATABASE_POOL_SIZE', 'DATABASE_QUERY_TIMEOUT_MS',
  'DATABASE_URL', 'JWT_SECRET', 'JWT_TTL_SECONDS', 'LOGIN_FAILURE_WINDOW_SECONDS', 'LOGIN_MAX_FAILURES', 'LOGIN_MAX_FAILURES_PER_CLIENT',
  'LOG_LEVEL', 'NODE_ENV', 'PG_VERSION', 'PORT', 'RATE_LIMIT_PER_MINUTE', 'RUNTIME_CONFIG',
  'DATABASE_ACQUIRE_TIMEOUT_MS', 'DATABASE_BACKGROUND_POOL_SIZE', 'DEVICE_REJECTED_LINES_MAX', 'HTTP_BODY_IDLE_TIMEOUT_MS',
  'HTTP_HEADERS_TIMEOUT_MS', 'HTTP_REQUEST_TIMEOUT_MS', 'DEVICE_UPLOADS_MAX', 'DEVICE_COMMAND_TIMEOUT_SECONDS', 'DEVICE_COMMAND_MAX_SENDS', 'LOG_FORMAT', 'METRICS_TOKEN', 'TRUST_PROXY', 'LEAVE_GRANT_SWEEP_SECONDS',
  'SMTP_URL', 'MAIL_FROM', 'ATTENDANCE_WORKERS', 'ATTENDANCE_WORKER_NICE', 'NOTIFY_DELIVERY_MS', 'NOTIFY_SWEEP_SECONDS', 'NOTIFY_TIMEOUT_MS', 'NOTIFY_SECRETS_KEY',
  // Node's own error codes on a client error (mapped to REQUEST_TIMEOUT, HEADERS_TOO_LARGE, ... before answering)
  'ERR_HTTP_REQUEST_TIMEOUT', 'HPE_CHUNK_EXTENSIONS_OVERFLOW', 'HPE_HEADER_OVERFLOW',
  // terminal protocol tables, signals, socket errors, SQL words, algorithms, examples
  'ATTLOG', 'ATTPHOTO', 'OPERLOG', 'ERRORLOG', 'REBOOT', 'USERINFO', 'USER', 'BIODATA', 'FINGERTMP', 'UNNAMED', 'CARD', 'PRIVILEGE', 'SIGINT', 'SIGTERM', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'DESC', 'HEAD', 'INFO', 'NAME', 'NULL', 'POST',
  'ALWAYS', 'HS256', 'NFKC', 'A0001', 'E0002', 'E0042', 'CQZ7232460123', 'CQZ7232460125',
]);
const ARGB_COLOUR = /^FF[0-9A-F]{6}$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(join(process.cwd(), 'src'))) {
    if (file.endsWith('error-messages.ts')) continue;
    for (const [, literal] of readFileSync(file, 'utf8').matchAll(/'([A-Z][A-Z0-9_]{3,})'/g)) {
      if (!NOT_ERROR_CODES.has(literal) && !ARGB_COLOUR.test(literal)) codes.add(literal);
    }
  }
  return codes;
}

describe('The error catalogue (issue 21)', () => {
  const codes = [...codesInSource()].sort();

  it('finds the codes it should (the scan itself works)', () => {
    expect(codes).toEqual(expect.arrayContaining(['MONTH_CLOSED', 'LEAVE_NOT_ONE_DAY_AHEAD', 'VALIDATION_FAILED', 'MALFORMED_JSON', 'UNKNOWN_EMPLOYEE', 'TOKEN_EXPIRED', 'EMPLOYEE_NO_TAKEN']));
  });

  it('every error code in src has a sentence in Chinese and in English', () => {
    const missing = codes.filter((code) => !ERROR_MESSAGES[code] || LANGUAGES.some((language) => !ERROR_MESSAGES[code][language]?.trim()));
    expect(missing).toEqual([]);
  });

  it('every sentence of the catalogue is for a code that exists, the Chinese is Chinese, and the list is sorted', () => {
    const keys = Object.keys(ERROR_MESSAGES);
    expect(keys.filter((code) => !codes.includes(code))).toEqual([]);
    expect(keys).toEqual([...keys].sort());
    for (const code of keys) expect({ code, zh: /[\u4e00-\u9fff]/.test(ERROR_MESSAGES[code]['zh-CN']) }).toEqual({ code, zh: true });
  });

  it('parameters fill in; a [segment] whose parameter is missing is left out', () => {
    expect(errorMessage('MONTH_CLOSED', 'zh-CN', { months: '2026-10' }, 'x')).toBe('2026-10 已结账，当月考勤不能再修改');
    expect(errorMessage('MONTH_CLOSED', 'zh-CN', {}, 'x')).toBe('已结账，当月考勤不能再修改');
    expect(errorMessage('MONTH_HAS_PENDING_DAYS', 'zh-CN', { month: '2026-10', count: 3 }, 'x')).toBe('2026-10 还有 3 天考勤待定，暂不能结账');
    expect(fillTemplate('a[ {b}]', { b: '' })).toBe('a');
    // A name with a word in each language (a leave type) is filled in the sentence's language.
    const type = { 'zh-CN': '年休假', en: 'Annual leave' };
    expect(errorMessage('LEAVE_BALANCE_INSUFFICIENT', 'zh-CN', { type, available: 2, requested: 3 }, 'x')).toBe('假期余额不足：年休假可用 2 天，本次需要 3 天');
    expect(errorMessage('LEAVE_BALANCE_INSUFFICIENT', 'en', { type, available: 2, requested: 3 }, 'x')).toBe('Not enough leave left: 2 day(s) of Annual leave available, 3 needed');
    expect(fillTemplate('a[ {b}]', { b: { 'zh-CN': '', en: 'x' } }, 'zh-CN')).toBe('a');
    expect(errorMessage('NO_SUCH_CODE', 'zh-CN', {}, 'the thrower said')).toBe('the thrower said');
  });

  it('validation details are translated, field names kept; unknown wording stays as written', () => {
    expect(detailMessage('graceMinutes must not be greater than 240', 'zh-CN')).toBe('graceMinutes 不能大于 240');
    expect(detailMessage('name must be shorter than or equal to 100 characters', 'zh-CN')).toBe('name 不能超过 100 个字符');
    expect(detailMessage('each value in workWeek must be one of the following values: 1, 2', 'zh-CN')).toBe('每一项：workWeek 只能是以下之一：1, 2');
    expect(detailMessage('is not an accepted field', 'zh-CN')).toBe('不是可接受的字段');
    expect(detailMessage('is not an accepted field', 'en')).toBe('is not an accepted field');
    expect(detailMessage('something new', 'zh-CN')).toBe('something new');
  });
});

describe('Accept-Language (RFC 9110 q-values)', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['en;q=0.5, zh;q=0.8', 'zh-CN'],
    ['zh;q=0.5, en-GB;q=0.8', 'en'],
    ['zh;q=0, en', 'en'],
    ['en;q=0', 'zh-CN'],
    ['fr-FR, de;q=0.9', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['*', 'zh-CN'],
    ['en;q=2, zh', 'zh-CN'],
    ['EN-us', 'en'],
    ['en;q=0.8, zh;q=0.8', 'en'],
  ])('%s → %s (company default zh-CN)', (header, expected) => {
    expect(languageFromAcceptLanguage(header, 'zh-CN')).toBe(expected);
  });

  it('a request asking for nothing supported reads the company default', () => {
    expect(languageFromAcceptLanguage('fr', 'en')).toBe('en');
    expect(languageFromAcceptLanguage(undefined, 'en')).toBe('en');
  });

  it('?lang= on exports takes zh, en and the full tags', () => {
    expect(languageFromQuery('zh')).toBe('zh-CN');
    expect(languageFromQuery('zh-CN')).toBe('zh-CN');
    expect(languageFromQuery('en')).toBe('en');
    expect(languageFromQuery(undefined)).toBeNull();
  });
});
