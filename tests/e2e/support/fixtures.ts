// Each test gets its own data folder and its own preview server (the same services as the desktop app), so
// tests never see each other's patients.
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openServices, type OpenServices } from '../../../src/main/services/open-services';
import { startPreviewServer, type PreviewServer } from '../../../src/main/doors/preview-server';
import { TEST_KEY } from '../../support/test-key';

const staticRoot = fileURLToPath(new URL('../../../out/preview', import.meta.url));

export interface App {
  readonly url: string;
  readonly services: OpenServices;
}

export const test = base.extend<{ app: App }>({
  app: async ({}, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-e2e-'));
    // As the preview and the desktop app open them: with coordinator profiles, nothing is served before a sign-in.
    const services = openServices({ databasePath: join(folder, 'clinicdesk.sqlite'), key: TEST_KEY, requireSignIn: true });
    const server: PreviewServer = await startPreviewServer({ dispatch: services.dispatch, staticRoot });
    await use({ url: server.url, services });
    await server.close();
    services.close();
    rmSync(folder, { recursive: true, force: true });
  },
});

export { expect };
