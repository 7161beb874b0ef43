// The handout's header: the clinic's logo from the settings is drawn (an image in the PDF, embedded once for all
// pages) and a logo that is not a PNG or JPEG data URL is refused by the settings, on the logo field.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import { clinicSettingsSchema } from '../../../src/shared/domain/settings/clinic-settings';
import { handoutInput } from '../../support/handout-input';
import { pdfPageTexts } from './pdf-tools';

describe('the handout header', () => {
  it('carries the clinic’s logo when the settings have one', async () => {
    const png = await sharp({ create: { width: 120, height: 40, channels: 3, background: '#0b4f6c' } })
      .png()
      .toBuffer();
    const input = handoutInput('vi', ['ipl']);
    const withLogo = { ...input, settings: { ...input.settings, logo: `data:image/png;base64,${png.toString('base64')}` } };
    const pdf = (await makeHandout(withLogo, { kind: 'followup', language: 'vi', bilingual: false })).toString('latin1');
    const plain = (await makeHandout(input, { kind: 'followup', language: 'vi', bilingual: false })).toString('latin1');
    expect(pdf).toMatch(/\/Subtype \/Image/);
    expect(plain).not.toMatch(/\/Subtype \/Image/);
  });

  it('embeds the logo once, however many pages show it', async () => {
    const png = await sharp({ create: { width: 120, height: 40, channels: 3, background: '#0b4f6c' } })
      .png()
      .toBuffer();
    const input = handoutInput('ar');
    const withLogo = { ...input, settings: { ...input.settings, logo: `data:image/png;base64,${png.toString('base64')}` } };
    const pdf = await makeHandout(withLogo, { kind: 'consent', language: 'ar', bilingual: true });
    expect(pdfPageTexts(pdf).length).toBeGreaterThan(1);
    expect(pdf.toString('latin1').match(/\/Subtype \/Image/gu)).toHaveLength(1);
  });

  it('refuses a logo that is not a PNG or JPEG data URL', () => {
    const base = clinicSettingsSchema.parse({
      clinicName: 'A',
      hours: { openWeekdays: [1], opensAt: '10:00', closesAt: '18:00', closedDates: [] },
      vat: { percent: 10, pricesIncludeVat: true },
      prices: {},
    });
    expect(base.logo).toBeNull();
    const refused = clinicSettingsSchema.safeParse({ ...base, logo: 'data:image/svg+xml;base64,PHN2Zz4=' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['logo'], message: 'unreadable_image' });
  });
});
