import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, ValidationError } from 'class-validator';
import { describeTextProblem, TextProblem } from '../../src/common/text';
import { detailMessage } from '../../src/domain/i18n/detail-messages';

/**
 * Every message the service writes beside a field (`details[].message`) has its Chinese: a Chinese
 * reader must not meet an English sentence beside a field of the console. Found three ways, so that
 * a new one without Chinese fails here:
 * - the `message:` literals of src (detail objects, decorator options, refused lines), a template's
 *   `${…}` filled with a sample;
 * - the reasons the shared date-time reader gives (`problem:` and `refused(…)` in src);
 * - what class-validator says, run over every DTO of src with values that break every rule.
 * The `message:` literals that are not details are listed here, each group with its reason.
 */
const NOT_DETAILS = new Set([
  // error bodies built by hand: their message is the sentence of their code (error-messages.ts)
  'Something went wrong on our side', 'The request body is not valid JSON', 'The request body is too large', 'The request body could not be read',
  'The request did not arrive in time; the connection is closed', 'The request headers are too large', 'The chunk extensions are too large', 'The request is not valid HTTP',
  'Too many requests from this client; slow down',
]);
/** The terminal protocol answers a device with one plain-text line `CODE: message`; its details and line reasons are never shown as JSON. */
const PLAIN_TEXT_FOLDERS = ['src/iclock/'];

const CJK = /[\u4e00-\u9fff]/;
/** Three English words in a row: a sentence left untranslated (field names, formats and values are single tokens). */
const ENGLISH_LEFT = /\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b/;
const SAMPLE = '42';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Paths relative to the repository, as the lists above write them; the catalogue itself is left out. */
const files = sourceFiles(join(process.cwd(), 'src'))
  .map((file) => relative(process.cwd(), file))
  .filter((file) => !file.startsWith('src/domain/i18n/'));
const LITERAL = String.raw`('(?:[^'\\]|\\.)*'|\x60(?:[^\x60\\]|\\.)*\x60)`;

/** The text of a quoted source literal, its escapes read and each `${…}` replaced by a sample. */
function literalText(quoted: string): string {
  const body = quoted.slice(1, -1).replace(/\$\{[^}]*\}/g, SAMPLE);
  return body.replace(/\\(.)/g, (_all, char: string) => ({ n: '\n', r: '\r', t: '\t' })[char] ?? char);
}

function literalsAfter(prefix: string, within: string[]): { file: string; text: string }[] {
  const pattern = new RegExp(prefix + LITERAL, 'g');
  return within.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => ({ file, text: literalText(match[1]) })));
}

/** `message:` then a literal, or an arrow function returning one (class-validator's message option). */
const detailLiterals = literalsAfter(String.raw`\bmessage:\s*(?:\([^)]*\)\s*=>\s*)?`, files.filter((file) => !PLAIN_TEXT_FOLDERS.some((folder) => file.startsWith(folder))))
  .filter(({ text }) => !NOT_DETAILS.has(text));
const dateTimeProblems = literalsAfter(String.raw`(?:\bproblem:\s*|\brefused\()`, files).map(({ file, text }) => ({ file, text: `at is not a valid date-time: ${text}` }));

/** Every message of the errors, those of nested objects included. */
function messagesOf(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [...Object.values(error.constraints ?? {}), ...messagesOf(error.children ?? [])]);
}

/** Values that break every rule of a property between them: not a string, a control character, bidi, blank, unreadable. */
const BREAKING_VALUES: unknown[] = [{}, '\u0001', '\u202Ex', ' ', 'not a value', -1.5, [{}, {}]];

async function validatorMessages(): Promise<string[]> {
  // every file that may declare a validated class (the DTOs, and the query base classes beside them)
  const validated = files.filter((file) => readFileSync(file, 'utf8').includes("from 'class-validator'"));
  const classes = new Set<new () => object>();
  for (const file of validated) {
    for (const exported of Object.values(await import(pathToFileURL(join(process.cwd(), file)).href))) {
      if (typeof exported === 'function' && exported.prototype) classes.add(exported as new () => object);
    }
  }
  const messages = new Set<string>();
  for (const dto of classes) {
    const properties = [...new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((metadata) => metadata.propertyName))];
    if (properties.length === 0) continue; // a response DTO or a mapper function: nothing is validated against it
    for (const value of BREAKING_VALUES) {
      const instance = plainToInstance(dto, Object.fromEntries(properties.map((property) => [property, value])));
      for (const message of messagesOf(await validate(instance))) messages.add(message);
    }
  }
  return [...messages].sort();
}

const textProblems: [TextProblem, boolean][] = [
  [{ kind: 'control', codePoint: 9, position: 3 }, false],
  [{ kind: 'control', codePoint: 1, position: 0 }, true],
  [{ kind: 'bidi', codePoint: 0x202e, position: 2 }, false],
  [{ kind: 'invisible' }, true],
];

function untranslated(messages: { file: string; text: string }[]): { file: string; text: string; zh: string }[] {
  return messages
    .map((message) => ({ ...message, zh: detailMessage(message.text, 'zh-CN') }))
    .filter(({ text, zh }) => zh === text || !CJK.test(zh) || ENGLISH_LEFT.test(zh));
}

describe('The Chinese of every detail message', () => {
  it('finds the messages it should (the scans themselves work)', () => {
    const texts = detailLiterals.map(({ text }) => text);
    expect(texts).toEqual(expect.arrayContaining(['is required and must be right', '42 must be a real date written YYYY-MM-DD', 'must be after 42', 'not valid JSON', 'This username is already in use']));
    expect(texts).not.toContain('Too many requests from this client; slow down');
    expect(texts.some((text) => text.startsWith('the 42 shift (from 42) ends at 42'))).toBe(true);
    expect(dateTimeProblems.map(({ text }) => text)).toContain('at is not a valid date-time: the year must be 1970–2099');
  });

  it('every `message:` literal of src that is a detail reads as Chinese, with no English sentence left', () => {
    expect(detailLiterals.length).toBeGreaterThan(60);
    expect(untranslated(detailLiterals)).toEqual([]);
  });

  it("every reason the date-time reader gives reads as Chinese after the field's sentence", () => {
    expect(dateTimeProblems.length).toBeGreaterThanOrEqual(6);
    expect(untranslated(dateTimeProblems)).toEqual([]);
  });

  it('every message class-validator gives for the DTOs of src reads as Chinese (defaults and custom ones alike)', async () => {
    const messages = await validatorMessages();
    expect(messages).toEqual(expect.arrayContaining(['effectiveFrom must be a real date written YYYY-MM-DD', 'timeZone must be an IANA time zone such as Asia/Shanghai']));
    expect(messages.length).toBeGreaterThan(60);
    expect(untranslated(messages.map((text) => ({ file: 'class-validator', text })))).toEqual([]);
  });

  it('every problem a text field can have reads as Chinese', () => {
    const messages = textProblems.map(([problem, multiLine]) => ({ file: 'src/common/text.ts', text: `reason ${describeTextProblem(problem, multiLine)}` }));
    expect(untranslated(messages)).toEqual([]);
  });

  it.each([
    ['is required and must be right', '必填，且须填写正确'],
    ['must be after 2026-11-27', '必须晚于 2026-11-27'],
    ['timeZone must be an IANA time zone such as Asia/Shanghai', 'timeZone 必须是 IANA 时区名称，例如 Asia/Shanghai'],
    ['at is not a valid date-time: offset +08:99: minutes must be 00–59', 'at 不是有效的日期时间：时差 +08:99 的分钟须在 00–59 之间'],
    ['reason must not contain control characters other than line breaks (\\n, \\r\\n) (U+0009 at position 8)', 'reason 除换行（\\n、\\r\\n）外不能含控制字符（位置 8：U+0009）'],
    ["the office shift (from 2026-01-01) ends at 24:00, after the next day's duty shift (from 2026-01-01) starts at 17:30", 'office 班次（2026-01-01 起）24:00 才结束，晚于次日 duty 班次（2026-01-01 起）17:30 的开始'],
    ['each value in nested property sessions must be either object or array', '每一项：sessions 必须是对象或数组'],
    // values quoted back (ids, closed months) are no sentence: they stay as they are
    ['2026-10, 2026-11', '2026-10, 2026-11'],
  ])('%s → %s (English left as written)', (english, chinese) => {
    expect({ zh: detailMessage(english, 'zh-CN'), en: detailMessage(english, 'en') }).toEqual({ zh: chinese, en: english });
  });
});
