import type { Language } from './language';

/**
 * Chinese for the messages that name a field (`details[].message`): class-validator's default
 * messages and the service's own common ones, matched by pattern so that the field name and the
 * limits stay as they are. Sorted by how often they are met; a message that matches none stays
 * English rather than guessing.
 */
const ZH_DETAILS: [RegExp, (...groups: string[]) => string][] = [
  [/^is not an accepted field$/, () => '不是可接受的字段'],
  [/^(\S+) must be an integer number$/, (f) => `${f} 必须是整数`],
  [/^(\S+) must not be greater than (\S+)$/, (f, n) => `${f} 不能大于 ${n}`],
  [/^(\S+) must not be less than (\S+)$/, (f, n) => `${f} 不能小于 ${n}`],
  [/^(\S+) must be shorter than or equal to (\d+) characters$/, (f, n) => `${f} 不能超过 ${n} 个字符`],
  [/^(\S+) must be longer than or equal to (\d+) characters$/, (f, n) => `${f} 至少 ${n} 个字符`],
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
  [/^(\S+) must match .* regular expression$/, (f) => `${f} 格式不正确`],
  [/^(\S+) must be a valid ISO 8601 date string$/, (f) => `${f} 必须是 ISO 8601 日期时间`],
  [/^(\S+) must be a real date written YYYY-MM-DD$/, (f) => `${f} 必须是有效日期（YYYY-MM-DD）`],
  [/^(\S+) must be YYYY-MM$/, (f) => `${f} 必须是年月（YYYY-MM）`],
  [/^must be a JSON object$/, () => '必须是 JSON 对象'],
  [/^must be an empty object$/, () => '必须是空对象'],
  [/^not valid JSON$/, () => '不是有效的 JSON'],
  [/^is nested deeper than (\d+) levels$/, (n) => `嵌套超过 ${n} 层`],
  [/^is required$/, () => '必填'],
  [/^is taken$/, () => '已被占用'],
  [/^unknown$/, () => '不存在'],
];

const EACH = /^each value in (.*)$/;

/** A detail message in the request's language (English is how the validators write them). */
export function detailMessage(message: string, language: Language): string {
  if (language === 'en') return message;
  const each = EACH.exec(message);
  if (each) {
    const inner = detailMessage(each[1], language);
    return inner === each[1] ? message : `每一项：${inner}`;
  }
  for (const [pattern, render] of ZH_DETAILS) {
    const match = pattern.exec(message);
    if (match) return render(...match.slice(1));
  }
  return message;
}
