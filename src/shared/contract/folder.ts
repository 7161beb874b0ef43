// A folder the coordinator picks to write into (handouts, a patient's archive, a support bundle): an absolute path,
// POSIX or Windows, made if missing. One schema, so every channel that writes a file refuses the same paths alike.
import { z } from 'zod';

export const absoluteFolder = z
  .string('invalid_type')
  .trim()
  .min(1, 'required')
  .max(1000, 'too_long')
  .refine((path) => /^(\/|[A-Za-z]:[\\/])/.test(path), 'absolute_path_required');
