// How far a job off the main thread has come: its stage, and the step out of all (step === steps when done).
export interface JobProgress {
  readonly stage: 'reading' | 'building' | 'writing' | 'done';
  readonly step: number;
  readonly steps: number;
}
