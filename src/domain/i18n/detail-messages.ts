import { INPUT_DETAILS } from './input-details';
import type { Language } from './language';
import { RULE_DETAILS } from './rule-details';

/**
 * The one translator of the messages that name a field (`details[].message`). They are written in
 * English where they arise, often as plain strings no error object wraps (class-validator messages,
 * the reason a punch line was refused), so they are matched by pattern, field names and limits
 * kept. Every detail the service writes has its Chinese (test/i18n/detail-catalogue.spec.ts scans
 * src for them); one that matches nothing, such as a value quoted back, stays as it is.
 */
const ZH_DETAILS = [...INPUT_DETAILS, ...RULE_DETAILS];

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
