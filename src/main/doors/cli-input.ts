// The CLI builds some inputs from text (its options, a file it reads), so it cannot know their types until it
// reads them. It reads them with the channel's own contract schema, as the services would: what it passes on is
// then typed, and a refusal names the same fields in the same words as the services' refusal.
import type { z } from 'zod';
import { invalid, ok, type Result } from '../../shared/contract';
import { toIssues } from '../../shared/contract/zod-issues';

export function parseInput<S extends z.ZodType>(schema: S, payload: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(payload);
  return parsed.success ? ok(parsed.data) : invalid(toIssues(parsed.error, payload));
}
