import type { z } from 'zod';

/**
 * Reads environment variables through a zod schema: a variable set to the empty string (`PORT=`)
 * means "not set", as in most shells' intent. On a bad value it returns the message naming each
 * variable, the value received and the rule, for the caller's own error class.
 */
export function readEnvironment<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): { values: z.infer<S> } | { problem: string } {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return { values: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name}=${JSON.stringify(env[name] ?? null)}: ${issue.message}`;
  });
  return { problem: `invalid configuration: ${problems.join('; ')}` };
}
