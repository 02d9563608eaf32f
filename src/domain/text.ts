import { z } from 'zod';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 and C1 control characters and DEL; tab, line feed and carriage return are text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Bidirectional embeddings, overrides and isolates: they make text display in another order
// than it is stored ("Trojan Source"); Korean and English never need them.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Characters that show nothing: whitespace, format characters (zero-width spaces and joiners,
// the byte order mark, soft hyphens, bidi marks) and the Hangul fillers.
const INVISIBLE = /^[\p{White_Space}\p{Cf}\u115F\u1160\u3164\uFFA0]*$/u;

const codePoint = (char: string) =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first rule a text breaks, or undefined: valid Unicode (no lone surrogates, which
 * Firestore cannot store as UTF-8), no control characters, no bidirectional overrides, and,
 * when it is not empty, something visible.
 */
export function textRuleBroken(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode: it holds a lone surrogate';
  const control = CONTROL.exec(text);
  if (control) {
    return `must not contain control characters: ${codePoint(control[0])} at character ${control.index + 1}`;
  }
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) {
    return `must not contain bidirectional controls: ${codePoint(bidi[0])} at character ${bidi.index + 1}`;
  }
  if (text !== '' && INVISIBLE.test(text)) {
    return 'must contain visible characters, not only spaces or zero-width ones';
  }
  return undefined;
}

/** A zod check for textRuleBroken, reported at the field's own path. */
function textRules(value: string, context: z.core.$RefinementCtx<string>): void {
  const broken = textRuleBroken(value);
  if (broken) context.addIssue({ code: 'custom', message: broken, input: value });
}

/**
 * Text an author writes (terms, definitions, aliases, notes …): normalized to NFC (composed
 * Hangul, so that search and comparisons see one form) and trimmed, then held to the text rules,
 * not empty and at most `max` characters. Every text field of the content shares it.
 */
export function authoredText(max: number) {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .superRefine(textRules)
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
}

/** Markdown an author writes: NFC, the text rules, 1 to `max` characters (not trimmed). */
export function authoredMarkdown(max: number) {
  return z.string().normalize('NFC').superRefine(textRules).min(1).max(max);
}
