import { useCallback, useSyncExternalStore } from 'react';
import { currentLanguage, type Language, setLanguage, subscribeLanguage } from './language-store';
import { zhCN } from './zh-CN';

export type MessageKey = keyof typeof zhCN;
export type Params = Record<string, string | number>;

/**
 * Chinese, the default, ships with the first screen; English arrives when someone switches to it
 * (or starts in it): `loadLanguage` fetches it before the switch shows.
 */
const CATALOGUES: Partial<Record<Language, Record<MessageKey, string>>> = { 'zh-CN': zhCN };

export async function loadLanguage(language: Language): Promise<void> {
  if (!CATALOGUES[language]) CATALOGUES[language] = (await import('./en')).en;
}

/** The 中文 / EN switch: the catalogue first, then every label at once. */
export async function switchLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  setLanguage(language);
}

/** `{name}` placeholders; a `[…]` segment is dropped when a placeholder inside it has no value (as the service does). */
export function format(template: string, params: Params = {}): string {
  const optional = template.replace(/\[([^\]]*)\]/g, (_, segment: string) =>
    /\{(\w+)\}/.test(segment) && [...segment.matchAll(/\{(\w+)\}/g)].some((m) => params[m[1]] === undefined) ? '' : segment,
  );
  return optional.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  return format((CATALOGUES[language] ?? zhCN)[key], params);
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
