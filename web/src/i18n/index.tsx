import { useCallback, useSyncExternalStore } from 'react';
import { ERROR_MESSAGES } from '../../../src/domain/i18n/error-messages';
import { currentLanguage, type Language, subscribeLanguage } from './language-store';
import { en } from './en';
import { zhCN } from './zh-CN';

export type MessageKey = keyof typeof zhCN;
export type Params = Record<string, string | number>;

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** `{name}` placeholders; a `[…]` segment is dropped when a placeholder inside it has no value (as the service does). */
export function format(template: string, params: Params = {}): string {
  const optional = template.replace(/\[([^\]]*)\]/g, (_, segment: string) =>
    /\{(\w+)\}/.test(segment) && [...segment.matchAll(/\{(\w+)\}/g)].some((m) => params[m[1]] === undefined) ? '' : segment,
  );
  return optional.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  return format(CATALOGUES[language][key], params);
}

/** The sentence for an API error code in the reader's language (the same catalogue the service answers from). */
export function errorSentence(language: Language, code: string, params?: Params): string | null {
  const entry = ERROR_MESSAGES[code];
  return entry ? format(entry[language], params) : null;
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, currentLanguage);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** `t('key', {param})` in the current language; re-renders when the language switches. */
export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key: MessageKey, params?: Params) => translate(language, key, params), [language]);
}
