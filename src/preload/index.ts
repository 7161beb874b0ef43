// The renderer's only way to the services: one named function per contract channel, over IPC. ipcRenderer itself
// is never exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, ipcChannel } from '../shared/contract/channels';
import type { ClinicDeskApi } from './api-types';

const api = Object.fromEntries(
  CHANNELS.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
) as unknown as ClinicDeskApi satisfies ClinicDeskApi;

contextBridge.exposeInMainWorld('api', api);
