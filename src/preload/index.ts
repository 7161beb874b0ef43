// The renderer's only way to the services: one named function per contract channel, over IPC. ipcRenderer itself
// is never exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { apiFrom } from '../shared/contract/api-from';
import { ipcChannel } from '../shared/contract/channels';

// What invoke answers is what the IPC door returned for this channel: the services' result, typed by the contract.
const api = apiFrom((name) => (input) => ipcRenderer.invoke(ipcChannel(name), input));

contextBridge.exposeInMainWorld('api', api);

// Desktop only: the system's folder dialog (the browser preview has none; the screen then takes a typed path).
// The channel name is repeated here because a sandboxed preload cannot import the main process's modules.
const desktop = {
  chooseFolder: (current: string): Promise<string | null> =>
    ipcRenderer.invoke('clinicdesk:desktop:choose-folder', current) as Promise<string | null>,
};
contextBridge.exposeInMainWorld('desktop', desktop);
