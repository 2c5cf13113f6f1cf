export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

const KEY = 'kaoqin.language';
type Listener = () => void;
const listeners = new Set<Listener>();

function initial(): Language {
  const stored = localStorage.getItem(KEY);
  // Chinese until the reader switches: the company's staff read Chinese (issue 21).
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

let language: Language = initial();
document.documentElement.lang = language;

export const currentLanguage = (): Language => language;

/** The switch is remembered in this browser, and every later API call asks for answers in it. */
export function setLanguage(next: Language): void {
  if (next === language) return;
  language = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener());
}

export function subscribeLanguage(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
