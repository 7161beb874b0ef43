// Intake photos on disk, by content hash. Every image is re-encoded by sharp, which drops all metadata (EXIF
// with its GPS position, camera serials, XMP) unless asked to keep it; orientation is applied first so the
// picture still stands upright without its EXIF tag. The hash is of the stripped file, so the same stripped
// image is stored once. Every file (original and thumbnail) is encrypted on disk (photo-cipher.ts); callers see
// plain images only through this store.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PhotoRef } from '../../shared/domain/intake/patient-schema';
import { decryptPhoto, encryptPhoto } from './photo-cipher';

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

/** The name a file is authenticated under (photo-cipher.ts): its place in the store, the same on every machine. */
const originalName = (sha256: string, mediaType: PhotoRef['mediaType']) => `photos/${sha256}.${EXTENSIONS[mediaType]}`;
const thumbnailName = (sha256: string) => `thumbnails/${sha256}.jpg`;

/** `key`: the photo key, derived from the database key (deriveKey(key, KEY_PURPOSES.photos)). */
export function createPhotoStore(root: string, key: Buffer) {
  const pathOf = (name: string) => {
    const [folder, file] = name.split('/') as [string, string];
    return join(root, folder, file.slice(0, 2), file);
  };
  /** The encrypted file on disk; read it through readOriginal. */
  const originalPath = (sha256: string, mediaType: PhotoRef['mediaType']) => pathOf(originalName(sha256, mediaType));

  /**
   * Encrypts, then writes through a temporary file, fsync and a rename, so a crash never leaves half a photo under
   * its hash (the database row that points at it is written after this returns).
   */
  function writeAtomically(name: string, bytes: Buffer): void {
    const path = pathOf(name);
    if (existsSync(path)) return;
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    const fd = openSync(temporary, 'wx');
    try {
      writeFileSync(fd, encryptPhoto(key, name, bytes));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  }

  const read = (name: string) => decryptPhoto(key, name, readFileSync(pathOf(name)));

  return {
    /** Strips, stores and thumbnails an image; 'unreadable' if sharp cannot decode it. */
    async add(bytes: Buffer): Promise<StoredImage | 'unreadable'> {
      // sharp (libvips) takes 50-100 ms to load: loaded with the first photo, not at every start of the CLI.
      const { default: sharp } = await import('sharp');
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
      writeAtomically(originalName(sha256, mediaType), data);
      writeAtomically(thumbnailName(sha256), thumbnail);
      return { sha256, mediaType, width: info.width, height: info.height };
    },

    has(sha256: string, mediaType: PhotoRef['mediaType']): boolean {
      return existsSync(originalPath(sha256, mediaType)) && existsSync(pathOf(thumbnailName(sha256)));
    },

    /** '' when there is no thumbnail; PhotoTamperedError when there is one but it fails authentication. */
    thumbnailDataUrl(sha256: string): string {
      const name = thumbnailName(sha256);
      return existsSync(pathOf(name)) ? `data:image/jpeg;base64,${read(name).toString('base64')}` : '';
    },

    /** The stripped image as stored; PhotoTamperedError when the file fails authentication. */
    readOriginal(sha256: string, mediaType: PhotoRef['mediaType']): Buffer {
      return read(originalName(sha256, mediaType));
    },

    /** Deletes the original and its thumbnail (an erasure or the end of retention); missing files are fine. */
    remove(sha256: string, mediaType: PhotoRef['mediaType']): void {
      rmSync(originalPath(sha256, mediaType), { force: true });
      rmSync(pathOf(thumbnailName(sha256)), { force: true });
    },

    originalPath,
  };
}

export type PhotoStore = ReturnType<typeof createPhotoStore>;
