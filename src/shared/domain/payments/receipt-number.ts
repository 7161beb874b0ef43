// Receipt numbers: one sequence per branch and year, with no gaps (an auditor reads a missing number as a receipt
// torn out). The store draws the next number from a counter row in the same transaction as the payment, so a
// rolled-back save gives its number back; here only the form of the number.

export const DEFAULT_BRANCH = 'main';

/** "2027-main-000042": year first, so numbers sort by year, then branch, then order. */
export function formatReceiptNumber(branch: string, year: number, sequence: number): string {
  return `${year}-${branch}-${String(sequence).padStart(6, '0')}`;
}

export function parseReceiptNumber(text: string): { branch: string; year: number; sequence: number } | null {
  const match = /^(\d{4})-([a-z0-9-]{1,40})-(\d{6,})$/.exec(text);
  return match ? { year: Number(match[1]), branch: match[2]!, sequence: Number(match[3]) } : null;
}
