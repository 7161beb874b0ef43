// Intake photos on disk, by content hash. Every image is re-encoded by sharp, which drops all metadata (EXIF
// with its GPS position, camera serials, XMP) unless asked to keep it; orientation is applied first so the
// picture still stands upright without its EXIF tag. The hash is of the stripped file, so the same stripped
// image is stored once.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { PhotoRef } from '../../shared/domain/intake/patient-schema';

export const THUMBNAIL_SIZE = 320;

export interface StoredImage {
  readonly sha256: string;
  readonly mediaType: PhotoRef['mediaType'];
  readonly width: number;
  readonly height: number;
}

const EXTENSIONS: Record<PhotoRef['mediaType'], string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export function createPhotoStore(root: string) {
  const originalPath = (sha256: string, mediaType: PhotoRef['mediaType']) =>
    join(root, 'photos', sha256.slice(0, 2), `${sha256}.${EXTENSIONS[mediaType]}`);
  const thumbnailPath = (sha256: string) => join(root, 'thumbnails', sha256.slice(0, 2), `${sha256}.jpg`);

  /** Writes through a temporary file and a rename, so a crash never leaves half a photo under its hash. */
  function writeAtomically(path: string, bytes: Buffer): void {
    if (existsSync(path)) return;
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, path);
  }

  return {
    /** Strips, stores and thumbnails an image; 'unreadable' if sharp cannot decode it. */
    async add(bytes: Buffer): Promise<StoredImage | 'unreadable'> {
      let format: string | undefined;
      try {
        format = (await sharp(bytes).metadata()).format;
      } catch {
        return 'unreadable';
      }
      const mediaType: PhotoRef['mediaType'] =
        format === 'png' ? 'image/png' : format === 'webp' ? 'image/webp' : 'image/jpeg';
      const pipeline = sharp(bytes).rotate();
      const encoded =
        mediaType === 'image/png'
          ? pipeline.png()
          : mediaType === 'image/webp'
            ? pipeline.webp({ quality: 92 })
            : pipeline.jpeg({ quality: 92, mozjpeg: true });
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      const sha256 = createHash('sha256').update(data).digest('hex');
      const thumbnail = await sharp(data)
        .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 80 })
        .toBuffer();
      writeAtomically(originalPath(sha256, mediaType), data);
      writeAtomically(thumbnailPath(sha256), thumbnail);
      return { sha256, mediaType, width: info.width, height: info.height };
    },

    has(sha256: string, mediaType: PhotoRef['mediaType']): boolean {
      return existsSync(originalPath(sha256, mediaType)) && existsSync(thumbnailPath(sha256));
    },

    thumbnailDataUrl(sha256: string): string {
      const path = thumbnailPath(sha256);
      return existsSync(path) ? `data:image/jpeg;base64,${readFileSync(path).toString('base64')}` : '';
    },

    originalPath,
  };
}

export type PhotoStore = ReturnType<typeof createPhotoStore>;
