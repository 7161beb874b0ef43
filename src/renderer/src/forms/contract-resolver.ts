// A form's resolver built on a contract channel's own input schema, so the screen refuses exactly what the door
// would, with the same issue codes (toIssues, as the doors use). A form holds what the coordinator typed, which
// is not always the channel's input (a half-typed phone, a price with commas): `toInput` turns the form into the
// input and `fieldOf` names the form field an issue's path belongs to. zodResolver runs the derived schema; the
// message of each error is an IssueCode, translated where it is shown.
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';
import type { IssueCode, IssuePath } from '../../../shared/contract';
import { toIssues } from '../../../shared/contract/zod-issues';

export interface ContractFormSpec<TForm> {
  /** The channel's input schema (contract.<channel>.input). */
  readonly schema: z.ZodType;
  /** The form as the channel's input. */
  readonly toInput: (form: TForm) => unknown;
  /** The form field an issue's path (inside the input) belongs to; by default the path itself ("contact.phone"). */
  readonly fieldOf?: (path: IssuePath) => string;
  /** Checks of the form alone, that no door sees (a PIN typed twice alike). */
  readonly formChecks?: (form: TForm) => readonly { readonly field: string; readonly code: IssueCode }[];
}

export const pathAsField = (path: IssuePath): string => path.join('.');

/** The channel's schema as a schema of the form: it passes the form through unchanged and reports each issue at
 * its form field, first issue of a field first (as the doors list them). */
export function contractFormSchema<TForm>({ schema, toInput, fieldOf = pathAsField, formChecks }: ContractFormSpec<TForm>) {
  return z
    .custom<TForm>(() => true)
    .superRefine((form, context) => {
      const input = toInput(form);
      const parsed = schema.safeParse(input);
      const issues = parsed.success ? [] : toIssues(parsed.error, input).map((found) => ({ field: fieldOf(found.path), code: found.code }));
      for (const { field, code } of [...issues, ...(formChecks?.(form) ?? [])]) {
        context.addIssue({ code: 'custom', path: [field], message: code });
      }
    });
}

export function contractResolver<TForm extends FieldValues>(spec: ContractFormSpec<TForm>): Resolver<TForm> {
  // raw: the form keeps its typed values; the save function converts them with the same `toInput`.
  return zodResolver(contractFormSchema(spec), undefined, { raw: true }) as unknown as Resolver<TForm>;
}
