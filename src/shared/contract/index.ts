// The one contract: every channel's input schema and result type. The IPC handlers, the preview server, the CLI,
// the preload and the renderer's client are all typed from this map.
import type { z } from 'zod';
import { appChannels } from './app';
import { auditChannels } from './audit';
import { calendarChannels } from './calendar';
import { coordinatorsChannels } from './coordinators';
import { diagnosticsChannels } from './diagnostics';
import type { ChannelName } from './channels';
import type { ChannelSpec } from './define-channel';
import { draftsChannels } from './drafts';
import { offlineDraftsChannels } from './offline-drafts';
import { patientsChannels } from './patients';
import { paymentsChannels } from './payments';
import { photosChannels } from './photos';
import { planDraftsChannels } from './plan-drafts';
import { plansChannels } from './plans';
import { followUpsChannels } from './followups';
import { handoutsChannels } from './handouts';
import { reportsChannels } from './reports';
import { rightsChannels } from './rights';
import { todayChannels } from './today';
import { serverLoginsChannels } from './server-logins';
import type { Result } from './result';

export const contract = {
  ...patientsChannels,
  ...draftsChannels,
  ...offlineDraftsChannels,
  ...photosChannels,
  ...plansChannels,
  ...planDraftsChannels,
  ...followUpsChannels,
  ...calendarChannels,
  ...handoutsChannels,
  ...reportsChannels,
  ...appChannels,
  ...auditChannels,
  ...coordinatorsChannels,
  ...rightsChannels,
  ...serverLoginsChannels,
  ...diagnosticsChannels,
  ...todayChannels,
  ...paymentsChannels,
};

type Contract = typeof contract;
export type Channel = keyof Contract;

// Both directions: a channel missing from CHANNELS, or a name in CHANNELS without a schema, fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListMatchesContract: Same<Channel, ChannelName> = true;
void channelListMatchesContract;

type SpecOf<C extends Channel> = Contract[C];
export type InputOf<C extends Channel> = z.input<SpecOf<C>['input']>;
export type ParsedInputOf<C extends Channel> = z.output<SpecOf<C>['input']>;
export type OutputOf<C extends Channel> = SpecOf<C> extends ChannelSpec<z.ZodType, infer O> ? O : never;

/** What each door exposes: one function per channel, always resolving to a Result, never throwing. */
export type ClinicDeskApi = { [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };

/** What the service layer implements: one handler per channel, given input that already passed the schema. */
export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => Result<OutputOf<C>> | Promise<Result<OutputOf<C>>> };

export { CHANNELS, ipcChannel, type ChannelName } from './channels';
export * from './result';
export * from './issues';
