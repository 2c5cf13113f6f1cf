import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * What a person can type into a name, a title or a comment. Pure: the decorators below and the
 * property tests share it.
 *
 * - Control characters (C0, DEL, C1) are never text a person means: a tab or a newline in a name
 *   breaks every list and export it appears in, NEL (U+0085) is a line break to some readers and
 *   not to others. Multi-line text may hold line breaks written \n or \r\n, nothing else.
 * - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) make a text display in
 *   another order than it is stored ("Trojan Source"): a name could show as someone else's.
 *   The marks LRM/RLM/ALM stay allowed: right-to-left text needs them and they reorder nothing.
 * - U+2028/U+2029 are line breaks to some renderers: refused like a newline in single-line text,
 *   and in multi-line text, where \n is the one way to break a line.
 * - A text must hold at least one visible character: only spaces, zero-width characters or fillers
 *   (U+3164 HANGUL FILLER, U+2800 BRAILLE BLANK…) show as nothing, a blank name nobody can find.
 */
export type TextProblem = { kind: 'control'; codePoint: number; position: number } | { kind: 'bidi'; codePoint: number; position: number } | { kind: 'invisible' };

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROL = /\p{Cc}/u;
const LINE_SEPARATOR = /[\u2028\u2029]/;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const SHOWS_NOTHING = /[\p{Default_Ignorable_Code_Point}\u2800]/u;

/** The first thing that makes `text` unfit, or null. `multiLine`: \n and \r\n are allowed. */
export function textProblem(text: string, multiLine: boolean): TextProblem | null {
  let visible = false;
  let position = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (BIDI_CONTROL.test(char)) return { kind: 'bidi', codePoint, position };
    if (CONTROL.test(char) || LINE_SEPARATOR.test(char)) {
      const lineBreak = multiLine && (char === '\n' || (char === '\r' && text[position + 1] === '\n'));
      if (!lineBreak) return { kind: 'control', codePoint, position };
    } else if (!visible && VISIBLE.test(char) && !SHOWS_NOTHING.test(char)) {
      visible = true;
    }
    position += char.length;
  }
  return visible ? null : { kind: 'invisible' };
}

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

export function describeTextProblem(problem: TextProblem, multiLine: boolean): string {
  switch (problem.kind) {
    case 'control':
      return `must not contain control characters${multiLine ? ' other than line breaks (\\n, \\r\\n)' : ' or line breaks'} (${hex(problem.codePoint)} at position ${problem.position})`;
    case 'bidi':
      return `must not contain bidirectional override or isolate characters (${hex(problem.codePoint)} at position ${problem.position})`;
    case 'invisible':
      return 'must contain at least one visible character';
  }
}

function textDecorator(name: string, multiLine: boolean, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) => {
          const problem = typeof args.value === 'string' ? textProblem(args.value, multiLine) : null;
          return `${args.property} ${problem ? describeTextProblem(problem, multiLine) : 'must be text'}`;
        },
        ...options,
      },
      validator: {
        // Not a string: IsString (or IsOptional) speaks for it, once.
        validate: (value: unknown) => typeof value !== 'string' || textProblem(value, multiLine) === null,
      },
    });
}

/** Names, titles, codes, usernames: one line, no control or bidi-override characters, something visible. */
export const SingleLineText = (options?: ValidationOptions) => textDecorator('singleLineText', false, options);

/** Reasons, comments, article bodies, facts: like SingleLineText, but \n and \r\n may break lines. */
export const MultiLineText = (options?: ValidationOptions) => textDecorator('multiLineText', true, options);
