import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_MESSAGES } from '../../src/domain/i18n/error-messages';
import { en } from '../../web/src/i18n/en';
import { zhCN } from '../../web/src/i18n/zh-CN';

/**
 * Issue 14: every label of the console and every error code the API documents has a sentence in
 * both languages. The console shows API errors from the service's own catalogue (it imports
 * src/domain/i18n/error-messages.ts), so a code the document names must be in that catalogue.
 */
const NOT_CODES = new Set(['UPPER_SNAKE']);

function environmentVariables(): Set<string> {
  const source = readFileSync(join(process.cwd(), 'src/config/app-config.ts'), 'utf8');
  return new Set([...source.matchAll(/(?:env\.|env, ')([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]));
}

describe('The console speaks Chinese and English (issue 14)', () => {
  it('has the same labels in both languages, none empty, and the Chinese reads Chinese', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    const entries: [string, string][] = [...Object.entries(zhCN), ...Object.entries(en)];
    const blank = entries.filter(([, text]) => !text.trim());
    expect(blank).toEqual([]);
    // Labels that are names or symbols read the same in both languages; everything else is written in Chinese.
    const notChinese = Object.entries(zhCN as Record<string, string>).filter(([key, text]) => !/[\u4e00-\u9fff]/.test(text) && !key.startsWith('same.'));
    expect(notChinese).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const differing = Object.keys(zhCN).filter((key) => {
      const k = key as keyof typeof zhCN;
      return JSON.stringify(placeholders(zhCN[k])) !== JSON.stringify(placeholders(en[k]));
    });
    expect(differing).toEqual([]);
  });

  it('has a sentence in both languages for every error code the OpenAPI document names', async () => {
    // The document the global setup generated from the app (test/setup/contract-run.ts).
    const text = readFileSync(process.env.KAOQIN_OPENAPI_FILE as string, 'utf8');
    const variables = environmentVariables();
    const named = [...new Set(text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? [])].filter((word) => !variables.has(word) && !NOT_CODES.has(word));
    expect(named).toEqual(expect.arrayContaining(['MONTH_CLOSED', 'LEAVE_NOT_ONE_DAY_AHEAD', 'INVALID_LINE']));
    const missing = named.filter((code) => !ERROR_MESSAGES[code]?.['zh-CN']?.trim() || !ERROR_MESSAGES[code]?.en?.trim());
    expect(missing).toEqual([]);
  });
});
