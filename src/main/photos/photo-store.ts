// Intake photos, by content hash. Every image is re-encoded by sharp, which drops all metadata (EXIF with its GPS
// position, camera serials, XMP) unless asked to keep it; orientation is applied first so the picture still stands
// upright without its EXIF tag. The hash is of the stripped file, so the same stripped image is stored once. Every
// file (original and thumbnail) is sealed (photo-cipher.ts) before it is handed to the store's photo files
// repository: the photo folder on a single PC, the clinic server's photo_files table (docs/clinic-server.md).
// Callers see plain images only through this module.
import { createHash } from 'node:crypto';
import type { PhotoRef } from '../../shared/domain/intake/patient-schema';
import type { Repositories } from '../db/store/store';
import { decryptPhoto, encryptPhoto } from './photo-cipher';

export const THUMBNAIL_SIZE = 320;

export interface StoredImage {
  readonly sha256: string;
  readonly mediaType: PhotoRef['mediaType'];
  readonly width: number;
  readonly height: number;
}

/** An image stripped, thumbnailed and sealed, ready to be kept in a transaction (the slow work done before it). */
export interface PreparedImage extends StoredImage {
  readonly sealedOriginal: Buffer;
  readonly sealedThumbnail: Buffer;
}

const EXTENSIONS: Record<PhotoRef['mediaType'], string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** The name a file is kept and authenticated under (photo-cipher.ts): its place in the store, the same on every
 * machine and on both back ends. */
export const originalName = (sha256: string, mediaType: PhotoRef['mediaType']) => `photos/${sha256}.${EXTENSIONS[mediaType]}`;
export const thumbnailName = (sha256: string) => `thumbnails/${sha256}.jpg`;

/** `key`: the photo key, derived from the database key or the clinic key (deriveKey(key, KEY_PURPOSES.photos)). */
export function createPhotoStore(key: Buffer) {
  const read = async (tx: Repositories, name: string) => {
    const sealed = await tx.photoFiles.get(name);
    return sealed === undefined ? undefined : decryptPhoto(key, name, sealed);
  };

  return {
    /** Strips, thumbnails and seals an image, outside any transaction; 'unreadable' if sharp cannot decode it. */
    async prepare(bytes: Buffer): Promise<PreparedImage | 'unreadable'> {
      // sharp (libvips) takes 50-100 ms to load: loaded with the first photo, not at every start of the CLI.
      const { default: sharp } = await import('sharp');
      let format: string | undefined;
      try {
        format = (await sharp(bytes).metadata()).format;
      } catch {
        return 'unreadable';
      }
      const mediaType: PhotoRef['mediaType'] = format === 'png' ? 'image/png' : format === 'webp' ? 'image/webp' : 'image/jpeg';
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
      return {
        sha256,
        mediaType,
        width: info.width,
        height: info.height,
        sealedOriginal: encryptPhoto(key, originalName(sha256, mediaType), data),
        sealedThumbnail: encryptPhoto(key, thumbnailName(sha256), thumbnail),
      };
    },

    /** Keeps a prepared image's files, in the transaction that inserts the row pointing at them. */
    async keep(tx: Repositories, image: PreparedImage): Promise<void> {
      await tx.photoFiles.put(originalName(image.sha256, image.mediaType), image.sealedOriginal);
      await tx.photoFiles.put(thumbnailName(image.sha256), image.sealedThumbnail);
    },

    /** Seals and keeps an image's files as they are (moving a single PC's folder into a server). */
    async keepPlain(tx: Repositories, name: string, plain: Buffer): Promise<void> {
      await tx.photoFiles.put(name, encryptPhoto(key, name, plain));
    },

    async has(tx: Repositories, sha256: string, mediaType: PhotoRef['mediaType']): Promise<boolean> {
      return (await tx.photoFiles.has(originalName(sha256, mediaType))) && (await tx.photoFiles.has(thumbnailName(sha256)));
    },

    /** '' when there is no thumbnail; PhotoTamperedError when there is one but it fails authentication. */
    async thumbnailDataUrl(tx: Repositories, sha256: string): Promise<string> {
      const plain = await read(tx, thumbnailName(sha256));
      return plain === undefined ? '' : `data:image/jpeg;base64,${plain.toString('base64')}`;
    },

    /** The stripped image as stored; PhotoTamperedError when the file fails authentication, or is missing. */
    async readOriginal(tx: Repositories, sha256: string, mediaType: PhotoRef['mediaType']): Promise<Buffer> {
      const name = originalName(sha256, mediaType);
      const plain = await read(tx, name);
      if (plain === undefined) throw new PhotoMissingError(name);
      return plain;
    },

    /** Deletes the original and its thumbnail (an erasure or the end of retention) unless a record points at the
     * image again; call it in a write transaction after the one that deleted the rows committed. */
    async removeUnreferenced(tx: Repositories, sha256: string, mediaType: PhotoRef['mediaType']): Promise<boolean> {
      return tx.photoFiles.removeUnreferenced(sha256, [originalName(sha256, mediaType), thumbnailName(sha256)]);
    },
  };
}

export class PhotoMissingError extends Error {
  constructor(readonly file: string) {
    super(`The stored photo ${file} is missing.`);
    this.name = 'PhotoMissingError';
  }
}

export type PhotoStore = ReturnType<typeof createPhotoStore>;
