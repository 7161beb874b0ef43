// Saving a new patient moves to the patient's own address, which mounts a new intake screen; the "Saved."
// confirmation is handed over here so it is not lost with the old screen.
let justCreated: string | null = null;

export function noteCreated(patientId: string): void {
  justCreated = patientId;
}

/** Whether this patient was created a moment ago (read without consuming: React may run an initializer twice). */
export function wasJustCreated(patientId: string | null): boolean {
  return patientId !== null && justCreated === patientId;
}

export function clearCreated(patientId: string): void {
  if (justCreated === patientId) justCreated = null;
}
