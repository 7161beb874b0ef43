// Turns zod's issues into the contract's issues: a field path and one of our codes. Our schemas put the code
// in the message; zod's own checks (types, unknown keys) are mapped here.
import type { z } from 'zod';
import { issue, isIssueCode, type Issue, type IssueCode, type IssuePath } from './issues';

/** The value at an issue's path in what was parsed (zod 4 leaves `issue.input` out unless asked). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function codeFor(zodIssue: z.core.$ZodIssue, input: unknown): IssueCode {
  // A field left empty is "Required", even where the schema names its own code for a wrong value.
  const missing = valueAt(input, zodIssue.path) === undefined;
  if (missing && (zodIssue.code === 'invalid_type' || zodIssue.code === 'invalid_value')) return 'required';
  if (isIssueCode(zodIssue.message)) return zodIssue.message;
  switch (zodIssue.code) {
    case 'invalid_type':
      return 'invalid_type';
    case 'too_big':
      return zodIssue.origin === 'array' ? 'too_many' : 'too_long';
    case 'invalid_value':
      return 'invalid_choice';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return 'invalid';
  }
}

/** `input` is what was parsed: a missing field reads "Required", a wrong one "Wrong kind of value". */
export function toIssues(error: z.ZodError, input: unknown, prefix: IssuePath = []): Issue[] {
  const issues: Issue[] = [];
  for (const zodIssue of error.issues) {
    const path = [...prefix, ...zodIssue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
    if (zodIssue.code === 'unrecognized_keys') {
      // One issue per unknown key, so each points at the offending field.
      for (const key of zodIssue.keys) issues.push(issue([...path, key], 'unknown_field'));
    } else {
      issues.push(issue(path, codeFor(zodIssue, input)));
    }
  }
  return issues;
}
