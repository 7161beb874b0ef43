// What `window.api` is, for the renderer's type checker.
export type { ClinicDeskApi } from '../shared/contract';
