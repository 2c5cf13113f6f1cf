/** The languages people read Kaoqin in. Codes are BCP 47 tags, as Accept-Language writes them. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The handbook is Chinese and so are its readers: a new company reads Chinese until it says otherwise. */
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

/**
 * The supported language a range of Accept-Language stands for: zh, zh-CN, zh-Hans (and their
 * sub-tags) read simplified Chinese; en and every en-* read English; `*` and anything else nothing.
 * zh-TW / zh-Hant are not simplified Chinese, so they fall to the company default too.
 */
function languageOfRange(range: string): Language | null {
  const tag = range.toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag === 'zh-hans' || tag.startsWith('zh-hans-') || tag.startsWith('zh-cn-')) return 'zh-CN';
  return null;
}

/**
 * RFC 9110 §12.5.4: comma-separated ranges, each with an optional `;q=` weight (0 … 1, default 1;
 * q=0 means "not this one"). The supported language of the highest weight wins; of equal weights,
 * the one written first. Nothing supported: `fallback` (the company's default language).
 */
export function languageFromAcceptLanguage(header: string | undefined, fallback: Language): Language {
  if (!header) return fallback;
  let best: { language: Language; q: number } | null = null;
  for (const part of header.slice(0, 1000).split(',')) {
    const [rangeText, ...params] = part.split(';').map((piece) => piece.trim());
    if (!rangeText) continue;
    let q = 1;
    for (const param of params) {
      const match = /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i.exec(param);
      if (match) q = Number(match[1]);
      else if (/^q\s*=/i.test(param)) q = -1; // a malformed weight: ignore the range
    }
    const language = languageOfRange(rangeText);
    if (!language || q <= 0) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? fallback;
}

/** `?lang=` on exports: the old `zh` / `en`, and the full tags. */
export function languageFromQuery(value: string | undefined): Language | null {
  if (value === undefined) return null;
  return languageOfRange(value);
}
