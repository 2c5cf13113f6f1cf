/**
 * Chinese for the details of input that is not well formed: class-validator's default messages,
 * the service's own validators and decorators (src/common, dto/ files, path parameters) and the
 * guards every body passes (JSON, UTF-8, size, depth). Field names, limits and examples are
 * captured and kept as written. Most common first.
 */
export const INPUT_DETAILS: [RegExp, (...groups: string[]) => string][] = [
  // class-validator's defaults, for the decorators the DTOs use
  [/^is not an accepted field$/, () => '不是可接受的字段'],
  [/^(\S+) must be an integer number$/, (f) => `${f} 必须是整数`],
  [/^(\S+) must not be greater than (\S+)$/, (f, n) => `${f} 不能大于 ${n}`],
  [/^(\S+) must not be less than (\S+)$/, (f, n) => `${f} 不能小于 ${n}`],
  [/^(\S+) must be shorter than or equal to (\d+) characters$/, (f, n) => `${f} 不能超过 ${n} 个字符`],
  [/^(\S+) must be longer than or equal to (\d+) characters$/, (f, n) => `${f} 至少 ${n} 个字符`],
  [/^(\S+) must be longer than or equal to (\d+) and shorter than or equal to (\d+) characters$/, (f, min, max) => `${f} 须为 ${min} 到 ${max} 个字符`],
  [/^(\S+) must be a string$/, (f) => `${f} 必须是文本`],
  [/^(\S+) must be a boolean value$/, (f) => `${f} 必须是 true 或 false`],
  [/^(\S+) must be a number conforming to the specified constraints$/, (f) => `${f} 必须是数字`],
  [/^(\S+) must be one of the following values: (.*)$/, (f, values) => `${f} 只能是以下之一：${values}`],
  [/^(\S+) must be a valid enum value$/, (f) => `${f} 不是可选的值`],
  [/^(\S+) must be a UUID$/, (f) => `${f} 必须是 UUID`],
  [/^(\S+) should not be empty$/, (f) => `${f} 不能为空`],
  [/^(\S+) should not be null or undefined$/, (f) => `${f} 不能为空`],
  [/^(\S+) must be an array$/, (f) => `${f} 必须是数组`],
  [/^(\S+) must contain no more than (\d+) elements$/, (f, n) => `${f} 最多 ${n} 项`],
  [/^(\S+) must contain at least (\d+) elements$/, (f, n) => `${f} 至少 ${n} 项`],
  [/^All (\S+)'s elements must be unique$/, (f) => `${f} 中的项不能重复`],
  [/^nested property (\S+) must be either object or array$/, (f) => `${f} 必须是对象或数组`],
  [/^(\S+) must match .* regular expression$/, (f) => `${f} 格式不正确`],
  [/^(\S+) must be a valid ISO 8601 date string$/, (f) => `${f} 必须是 ISO 8601 日期时间`],

  // the service's validators (src/common/validators.ts, date-time.ts, text.ts) and formats written in DTOs
  [/^(\S+) must be a real date written YYYY-MM-DD$/, (f) => `${f} 必须是有效日期（YYYY-MM-DD）`],
  [/^(\S+) must be YYYY-MM$/, (f) => `${f} 必须是年月（YYYY-MM）`],
  [/^(\S+) must be HH:mm( \(00:00-23:59\))?( or 24:00)?$/, (f, range, midnight) => `${f} 必须是时刻 HH:mm${range ? '（00:00-23:59）' : ''}${midnight ? '，或 24:00' : ''}`],
  [/^(\S+) must be an IANA time zone such as (\S+)$/, (f, example) => `${f} 必须是 IANA 时区名称，例如 ${example}`],
  [/^(\S+) is not a valid date-time: (.*)$/, (f, problem) => `${f} 不是有效的日期时间：${dateTimeProblem(problem)}`],
  [/^(\S+) must be text$/, (f) => `${f} 必须是文本`],
  [/^(\S+) must not contain control characters other than line breaks \(\\n, \\r\\n\) \((U\+[0-9A-F]+) at position (\d+)\)$/, (f, c, at) => `${f} 除换行（\\n、\\r\\n）外不能含控制字符（位置 ${at}：${c}）`],
  [/^(\S+) must not contain control characters or line breaks \((U\+[0-9A-F]+) at position (\d+)\)$/, (f, c, at) => `${f} 不能含控制字符或换行（位置 ${at}：${c}）`],
  [/^(\S+) must not contain bidirectional override or isolate characters \((U\+[0-9A-F]+) at position (\d+)\)$/, (f, c, at) => `${f} 不能含改变文字方向的控制字符（位置 ${at}：${c}）`],
  [/^(\S+) must contain at least one visible character$/, (f) => `${f} 至少要有一个可见字符`],
  [/^(\S+) must not start or end with blanks or hold control characters$/, (f) => `${f} 首尾不能有空白，也不能含控制字符`],
  [/^(\S+) must be (\d+)-(\d+) letters, digits, \., - or _$/, (f, min, max) => `${f} 必须是 ${min}-${max} 个字母、数字、.、- 或 _`],
  [/^(\S+) must be (\d+)-(\d+) letters, digits, - or _$/, (f, min, max) => `${f} 必须是 ${min}-${max} 个字母、数字、- 或 _`],
  [/^(\S+) must be (\d+)-(\d+) lower-case letters, digits or _, starting with a letter$/, (f, min, max) => `${f} 必须是 ${min}-${max} 个小写字母、数字或 _，以字母开头`],
  [/^(\S+) must be a version number from (\d+) to (\d+)$/, (f, min, max) => `${f} 必须是 ${min} 到 ${max} 之间的版本号`],
  [/^(\S+) must look like (\S+)$/, (f, example) => `${f} 的格式应如 ${example}`],
  [/^must be (\w+) or (\w+)$/, (a, b) => `只能是 ${a} 或 ${b}`],
  [/^amountFen must be a whole number of fen: a fine needs a positive amount, a warning none$/, () => 'amountFen 必须是以分计的整数：罚款须填正数金额，警告不填'],
  [/^attest must be true: approving is signing the certification$/, () => 'attest 必须为 true：审批即签署证明'],

  // the guards every request body passes (src/common/body-limits.ts, validation.ts, params.ts, the exception filter, http-timeouts.ts)
  [/^must be a JSON object$/, () => '必须是 JSON 对象'],
  [/^must be an empty object$/, () => '必须是空对象'],
  [/^not valid JSON$/, () => '不是有效的 JSON'],
  [/^is not valid UTF-8$/, () => '不是有效的 UTF-8 文本'],
  [/^contains a NUL character$/, () => '含有 NUL 空字符'],
  [/^contains a lone UTF-16 surrogate$/, () => '含有不成对的 UTF-16 代理字符'],
  [/^is nested deeper than (\d+) levels$/, (n) => `嵌套超过 ${n} 层`],
  [/^an object has more than (\d+) fields$/, (n) => `有对象的字段超过 ${n} 个`],
  [/^holds more than (\d+) fields and array items in all$/, (n) => `字段和数组项总数超过 ${n} 个`],
  [/^(\d+) more problems not listed$/, (n) => `另有 ${n} 个问题未列出`],
  [/^no data for (\d+) ms$/, (n) => `${n} 毫秒内没有收到数据`],
];

/** Why the shared reader refused a date-time (src/common/date-time.ts); unknown reasons stay English. */
const DATE_TIME_PROBLEMS: [RegExp, (...groups: string[]) => string][] = [
  [/^expected RFC 3339 YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM, or a local YYYY-MM-DD HH:MM:SS$/, () => '应为带 Z 或 ±HH:MM 的 RFC 3339 时间 YYYY-MM-DDTHH:MM:SS，或本地时间 YYYY-MM-DD HH:MM:SS'],
  [/^longer than (\d+) characters$/, (n) => `超过 ${n} 个字符`],
  [/^offset (\S+): minutes must be 00–59$/, (offset) => `时差 ${offset} 的分钟须在 00–59 之间`],
  [/^offset (\S+) is outside (\S+)$/, (offset, range) => `时差 ${offset} 超出 ${range}`],
  [/^does not exist in (\S+) \(skipped by a clock change\)$/, (zone) => `在 ${zone} 时区不存在（时钟调整时跳过了）`],
  [/^no such date or time$/, () => '没有这个日期或时刻'],
  [/^the year must be (\d+)–(\d+)$/, (from, to) => `年份须在 ${from}–${to} 之间`],
  [/^must be a date-time text$/, () => '必须是日期时间文本'],
  [/^refused$/, () => '不被接受'],
];

function dateTimeProblem(problem: string): string {
  for (const [pattern, render] of DATE_TIME_PROBLEMS) {
    const match = pattern.exec(problem);
    if (match) return render(...match.slice(1));
  }
  return problem;
}
