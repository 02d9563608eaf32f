import { Lexer, Source, TokenKind, type Token } from 'graphql';

/** What the request guard measures of a document before anything parses it. */
export interface DocumentShape {
  /** Tokens as graphql-js's parser counts them for its `maxTokens` (comments and EOF excluded). */
  tokens: number;
  /** How deeply `{`, `[` and `(` nest. */
  nesting: number;
}

const OPENING: ReadonlySet<string> = new Set([
  TokenKind.BRACE_L,
  TokenKind.BRACKET_L,
  TokenKind.PAREN_L,
]);
const CLOSING: ReadonlySet<string> = new Set([
  TokenKind.BRACE_R,
  TokenKind.BRACKET_R,
  TokenKind.PAREN_R,
]);

/**
 * Measures a document with graphql-js's own lexer, the one its parser uses, so the token count
 * is the parser's and strings and comments are read exactly as the parser reads them. One
 * iterative pass, stopping at `stopAfterTokens` or at a lexical error (the parser then reports
 * that error itself): graphql-js's recursive-descent parser overflows the stack on literals
 * nested a few thousand deep, and its token limit does not bound nesting.
 */
export function documentShape(source: string, stopAfterTokens: number): DocumentShape {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  let depth = 0;
  let nesting = 0;
  try {
    for (
      let token: Token = lexer.advance();
      token.kind !== TokenKind.EOF;
      token = lexer.advance()
    ) {
      if (++tokens > stopAfterTokens) break;
      if (OPENING.has(token.kind)) {
        depth++;
        if (depth > nesting) nesting = depth;
      } else if (CLOSING.has(token.kind)) {
        depth = Math.max(0, depth - 1);
      }
    }
  } catch {
    // A lexical error: what was measured so far stands; the parser will answer the error.
  }
  return { tokens, nesting };
}
