import { ERROR_MESSAGES } from '../../../src/domain/i18n/error-messages';
import { format, type Params } from '.';
import type { Language } from './language-store';

/**
 * The sentence for an error or rejection code, from the catalogue the service answers from. Only
 * the pages that show codes the service did not put into words (a terminal's rejected lines) load it;
 * API errors arrive with their sentence already in the reader's language.
 */
export function errorSentence(language: Language, code: string, params?: Params): string | null {
  const entry = ERROR_MESSAGES[code];
  return entry ? format(entry[language], params) : null;
}
