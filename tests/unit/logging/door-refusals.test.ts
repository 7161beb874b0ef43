// The refusals a door makes before the dispatch are logged and referenced like the dispatch's own: a frame that
// is not the app's (IPC), a browser without a session or with a body too large (the preview).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcChannel, type Result } from '../../../src/shared/contract';
import { registerIpcDoor, type IpcEventLike, type IpcMainLike } from '../../../src/main/doors/ipc-door';
import { startPreviewServer, type PreviewServer } from '../../../src/main/doors/preview-server';
import { memoryAppLog } from '../../../src/main/logging/app-log';
import { newCoordinatorSession } from '../../../src/main/services/sessions/coordinator-session';
import { openBrowserSession, post, answerOf } from '../../support/preview-client';
import { openTempServices, type TempServices } from '../../support/temp-services';

const APP_URL = 'app://clinicdesk/index.html';
const log = memoryAppLog();
let services: TempServices;
let server: PreviewServer;

beforeAll(async () => {
  services = openTempServices();
  server = await startPreviewServer({
    dispatchIn: services.dispatchIn,
    newSession: newCoordinatorSession,
    staticRoot: services.folder,
    log,
  });
});
afterAll(async () => {
  await server.close();
  services.dispose();
});

const refusalOf = (correlationId: string | undefined) =>
  log.entries.find(({ record }) => record.event === 'call_refused' && record.correlationId === correlationId)?.record;

describe('a refusal at the door', () => {
  it("from a frame that is not the app's window (IPC) is logged under its channel", async () => {
    const listeners = new Map<string, (event: IpcEventLike, payload: unknown) => Promise<Result<unknown>>>();
    const ipcMain: IpcMainLike = { handle: (name, listener) => void listeners.set(name, listener) };
    registerIpcDoor(ipcMain, services.dispatchRaw, () => APP_URL, log);
    const result = await listeners.get(ipcChannel('getPatient'))!(
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { id: 'x' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', correlationId: expect.stringMatching(/^[0-9A-Z]{8}$/) } });
    expect(refusalOf(result.ok ? undefined : result.error.correlationId)).toMatchObject({ channel: 'getPatient', code: 'forbidden' });
  });

  it('from a browser without a session, or with a body too large (preview), is logged under its channel', async () => {
    const noSession = await answerOf(await post(server, 'searchPatients', {}));
    expect(noSession).toMatchObject({ ok: false, error: { code: 'no_session' } });
    expect(refusalOf(noSession.ok ? undefined : noSession.error.correlationId)).toMatchObject({
      channel: 'searchPatients',
      code: 'no_session',
    });

    const cookie = await openBrowserSession(server);
    const tooLarge = await answerOf(await post(server, 'saveDraft', { form: 'x'.repeat(3 * 1024 * 1024) }, cookie));
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(refusalOf(tooLarge.ok ? undefined : tooLarge.error.correlationId)).toMatchObject({ channel: 'saveDraft', code: 'too_large' });

    // A channel name the contract does not have is not written.
    const unknown = await answerOf(await post(server, 'Olivia Bennett', {}));
    expect(refusalOf(unknown.ok ? undefined : unknown.error.correlationId)).toMatchObject({ channel: '?', code: 'no_session' });
  });
});
