// Channels of intake photos (front, 45°, 90° per visit). Bytes travel as base64 so the same payload works over
// IPC, HTTP and from the CLI.
import { z } from 'zod';
import { channel } from './define-channel';
import { calendarDateSchema } from '../domain/intake/patient-schema';
import { PHOTO_ANGLES, type PhotoAngle } from '../domain/intake/vocabulary';

export const MAX_PHOTO_BYTES = 30 * 1024 * 1024;

export interface StoredPhoto {
  readonly id: string;
  readonly patientId: string;
  readonly visitDate: string;
  readonly angle: PhotoAngle;
  readonly sha256: string;
  readonly mediaType: 'image/jpeg' | 'image/png' | 'image/webp';
  /** A small JPEG as a data: URL, for the intake form (no file access from the renderer). */
  readonly thumbnailDataUrl: string;
  readonly addedAt: string;
}

export const photosChannels = {
  addPhoto: channel<StoredPhoto>()(
    z.strictObject({
      patientId: z.uuid('invalid'),
      visitDate: calendarDateSchema,
      angle: z.enum(PHOTO_ANGLES, 'invalid_choice'),
      dataBase64: z
        .string()
        .min(1, 'required')
        .max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4, 'file_too_large')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'invalid'),
    }),
  ),
  listPhotos: channel<readonly StoredPhoto[]>()(z.strictObject({ patientId: z.uuid('invalid') })),
};
