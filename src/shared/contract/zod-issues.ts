// Turns zod's issues into the contract's issues: a field path and one of our codes. Our schemas put the code
// in the message; zod's own checks (types, unknown keys) are mapped here.
import type { z } from 'zod';
import { issue, isIssueCode, type Issue, type IssueCode, type IssuePath } from './issues';

function codeFor(zodIssue: z.core.$ZodIssue): IssueCode {
  if (isIssueCode(zodIssue.message)) return zodIssue.message;
  switch (zodIssue.code) {
    case 'invalid_type':
      return zodIssue.input === undefined ? 'required' : 'invalid_type';
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

export function toIssues(error: z.ZodError, prefix: IssuePath = []): Issue[] {
  const issues: Issue[] = [];
  for (const zodIssue of error.issues) {
    const path = [...prefix, ...zodIssue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
    if (zodIssue.code === 'unrecognized_keys') {
      // One issue per unknown key, so each points at the offending field.
      for (const key of zodIssue.keys) issues.push(issue([...path, key], 'unknown_field'));
    } else {
      issues.push(issue(path, codeFor(zodIssue)));
    }
  }
  return issues;
}
