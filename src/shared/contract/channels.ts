// The channel names alone, with no imports, so the preload stays tiny. contract/index.ts checks at compile time
// that this list and the contract agree.
export const CHANNELS = [
  'searchPatients',
  'getPatient',
  'createPatient',
  'updatePatient',
  'exportPatient',
  'importPatients',
  'saveDraft',
  'getDraft',
  'listDrafts',
  'discardDraft',
  'addPhoto',
  'listPhotos',
  'getAppInfo',
  'seedDemoPatients',
  'getCatalog',
  'getPatientPlan',
  'evaluatePatientPlan',
  'schedulePatientPlan',
  'savePatientPlan',
  'getClinicSettings',
  'saveClinicSettings',
  'checkCasePlan',
  'scheduleCasePlan',
  'listSessions',
  'setSessionStatus',
  'listDueFollowUps',
  'listPatientFollowUps',
  'recordFollowUpOutcome',
  'exportPatientCalendar',
  'auditHistory',
  'verifyAuditChain',
  'listPlanVersions',
  'recordPrint',
  'getCoordinator',
  'setCoordinator',
] as const;

export type ChannelName = (typeof CHANNELS)[number];

/** The Electron IPC channel for a contract channel. */
export const ipcChannel = (name: ChannelName): string => `clinicdesk:${name}`;
