// The clinic's opening days and hours (a clinic setting). Times are Korea time, "HH:MM".
export interface ClinicHours {
  /** ISO weekdays the clinic is open: 1 = Monday ... 7 = Sunday. */
  readonly openWeekdays: readonly number[];
  readonly opensAt: string;
  readonly closesAt: string;
  /** Extra closed days (public holidays), YYYY-MM-DD. */
  readonly closedDates: readonly string[];
}

export const DEFAULT_CLINIC_HOURS: ClinicHours = {
  openWeekdays: [1, 2, 3, 4, 5, 6],
  opensAt: '10:00',
  closesAt: '19:00',
  closedDates: [],
};

export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isOpen(hours: ClinicHours, date: string): boolean {
  return hours.openWeekdays.includes(isoWeekday(date)) && !hours.closedDates.includes(date);
}

export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const timeOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
