// A clock that starts at a given instant and runs from there at the real pace: the preview's `--now` and the e2e
// tests set "today" with it, so sessions in the past and the future stay where a test put them whatever the real
// date, while timestamps (audit entries, drafts) still follow one another.
export interface RunningClock {
  readonly now: () => Date;
  /** Moves the clock to this instant; it runs on from there. */
  set(at: Date): void;
}

export function runningClockFrom(start: Date): RunningClock {
  if (Number.isNaN(start.getTime())) throw new RangeError('Not a date and time');
  let offset = start.getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    set(at) {
      if (Number.isNaN(at.getTime())) throw new RangeError('Not a date and time');
      offset = at.getTime() - Date.now();
    },
  };
}
