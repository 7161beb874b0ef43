// The renderer's only way to the services: one named function per contract channel, over IPC. ipcRenderer itself
// is never exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, ipcChannel } from '../shared/contract/channels';
import type { ClinicDeskApi } from './api-types';

const api = Object.fromEntries(
  CHANNELS.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
) as unknown as ClinicDeskApi satisfies ClinicDeskApi;

contextBridge.exposeInMainWorld('api', api);

// Desktop only: the system's folder dialog (the browser preview has none; the screen then takes a typed path).
// The channel name is repeated here because a sandboxed preload cannot import the main process's modules.
const desktop = {
  chooseFolder: (current: string): Promise<string | null> => ipcRenderer.invoke('clinicdesk:desktop:choose-folder', current) as Promise<string | null>,
};
contextBridge.exposeInMainWorld('desktop', desktop);
