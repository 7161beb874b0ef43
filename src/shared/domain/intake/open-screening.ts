// How many screening questions are still open: a yes/no question not answered (null) and a date question marked
// "not asked". The patient list shows it, so an agency booking that nobody has screened yet stands out.
import type { Screening } from './patient-schema';
import { DATE_NOT_ASKED, SCREENING_DATES, SCREENING_FLAGS } from './vocabulary';

export function countOpenScreening(screening: Screening): number {
  return (
    SCREENING_FLAGS.filter((flag) => screening[flag] === null).length +
    SCREENING_DATES.filter((question) => screening[question] === DATE_NOT_ASKED).length
  );
}
