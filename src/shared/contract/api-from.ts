// The one object of a door's functions, one per channel, built from a function that binds a channel: the preload
// binds each to IPC, the renderer's preview client to HTTP. Written out by name, because an object mapped from
// CHANNELS loses each function's own type and would need a cast that checks nothing; written out, the checker holds
// every entry to its channel's input and result, and a channel missing or extra fails to compile (a unit test
// checks that each name binds its own channel).
import type { Channel, ClinicDeskApi, InputOf, OutputOf, Result } from './index';

/** One channel's function. Spelled out rather than ClinicDeskApi[C]: the checker reads that type for a generic
 * channel well enough, but cannot assign a function to it. */
export type ChannelCall<C extends Channel> = (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

export type BindChannel = <C extends Channel>(channel: C) => ChannelCall<C>;

export function apiFrom(bind: BindChannel): ClinicDeskApi {
  return {
    searchPatients: bind('searchPatients'),
    getPatient: bind('getPatient'),
    createPatient: bind('createPatient'),
    updatePatient: bind('updatePatient'),
    exportPatient: bind('exportPatient'),
    importPatients: bind('importPatients'),
    saveDraft: bind('saveDraft'),
    getDraft: bind('getDraft'),
    listDrafts: bind('listDrafts'),
    discardDraft: bind('discardDraft'),
    listOfflineDrafts: bind('listOfflineDrafts'),
    saveOfflineDraft: bind('saveOfflineDraft'),
    discardOfflineDraft: bind('discardOfflineDraft'),
    addPhoto: bind('addPhoto'),
    listPhotos: bind('listPhotos'),
    getAppInfo: bind('getAppInfo'),
    seedDemoPatients: bind('seedDemoPatients'),
    getCatalog: bind('getCatalog'),
    getPatientPlan: bind('getPatientPlan'),
    evaluatePatientPlan: bind('evaluatePatientPlan'),
    schedulePatientPlan: bind('schedulePatientPlan'),
    savePatientPlan: bind('savePatientPlan'),
    savePlanDraft: bind('savePlanDraft'),
    getPlanDraft: bind('getPlanDraft'),
    discardPlanDraft: bind('discardPlanDraft'),
    getClinicSettings: bind('getClinicSettings'),
    saveClinicSettings: bind('saveClinicSettings'),
    checkCasePlan: bind('checkCasePlan'),
    scheduleCasePlan: bind('scheduleCasePlan'),
    listSessions: bind('listSessions'),
    setSessionStatus: bind('setSessionStatus'),
    markQuoteSent: bind('markQuoteSent'),
    listQuoteVersions: bind('listQuoteVersions'),
    listDueFollowUps: bind('listDueFollowUps'),
    listPatientFollowUps: bind('listPatientFollowUps'),
    recordFollowUpOutcome: bind('recordFollowUpOutcome'),
    exportPatientCalendar: bind('exportPatientCalendar'),
    makeHandout: bind('makeHandout'),
    makeCaseHandout: bind('makeCaseHandout'),
    exportHandout: bind('exportHandout'),
    defaultHandoutFolder: bind('defaultHandoutFolder'),
    getKhidiReport: bind('getKhidiReport'),
    exportKhidiReport: bind('exportKhidiReport'),
    getReportSummary: bind('getReportSummary'),
    auditHistory: bind('auditHistory'),
    verifyAuditChain: bind('verifyAuditChain'),
    listPlanVersions: bind('listPlanVersions'),
    recordPrint: bind('recordPrint'),
    getCoordinator: bind('getCoordinator'),
    setCoordinator: bind('setCoordinator'),
    listCoordinators: bind('listCoordinators'),
    addCoordinator: bind('addCoordinator'),
    signIn: bind('signIn'),
    signOut: bind('signOut'),
    changePin: bind('changePin'),
    exportPatientArchive: bind('exportPatientArchive'),
    requestErasure: bind('requestErasure'),
    saveDiagnostics: bind('saveDiagnostics'),
    getToday: bind('getToday'),
    recordPayment: bind('recordPayment'),
    reversePayment: bind('reversePayment'),
    listPayments: bind('listPayments'),
    getBalance: bind('getBalance'),
    listAgencies: bind('listAgencies'),
    saveAgency: bind('saveAgency'),
    archiveAgency: bind('archiveAgency'),
    getPatientCommission: bind('getPatientCommission'),
    makeReceipt: bind('makeReceipt'),
    exportReceipt: bind('exportReceipt'),
    getPaymentsReport: bind('getPaymentsReport'),
    addServerLogin: bind('addServerLogin'),
  };
}
