// The shared load failure: the message in the UI language (ours for an internal error, the services' otherwise),
// the support reference, and the button that reads again, in Korean and English. Typechecked with the renderer.
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../../src/renderer/src/i18n/en.json' with { type: 'json' };
import ko from '../../../../src/renderer/src/i18n/ko.json' with { type: 'json' };
import { CallFailed } from '../../../../src/renderer/src/api/call-failed';
import { LoadFailure } from '../../../../src/renderer/src/components/LoadFailure';
import { fail } from '../../../../src/shared/contract';

async function render(language: 'ko' | 'en', error: CallFailed, retrying = false): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n
    .use(initReactI18next)
    .init({ lng: language, resources: { ko: { translation: ko }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(LoadFailure, { error, onRetry: () => undefined, retrying })),
  );
}

const internal = new CallFailed('getClinicSettings', { ...fail('internal', 'SQLITE_IOERR at page 12').error, correlationId: 'c0ffee' });

describe('LoadFailure', () => {
  it.each([
    ['ko', ko],
    ['en', en],
  ] as const)('says an internal failure in %s, with the reference and a retry button', async (language, texts) => {
    const html = await render(language, internal);
    expect(html).toContain(texts.load.failed.replace('{{message}}', texts.load.internal));
    expect(html).toContain(texts.errors.reference.replace('{{reference}}', 'c0ffee'));
    expect(html).toContain(`>${texts.load.retry}</button>`);
    expect(html).toContain('data-load-failed="getClinicSettings"');
    // The services' own English text of an internal error is for the log, not the screen.
    expect(html).not.toContain('SQLITE_IOERR');
  });

  it("shows the services' message for a typed refusal, and a busy button while reading again", async () => {
    const html = await render('en', new CallFailed('getPatient', fail('record_restricted', 'The record is restricted').error), true);
    expect(html).toContain('The record is restricted');
    expect(html).toContain(en.load.retrying);
    expect(html).toMatch(/<button[^>]*disabled/);
  });
});
