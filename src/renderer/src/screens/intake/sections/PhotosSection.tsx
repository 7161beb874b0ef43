// The three-angle intake photos (front, 45°, 90°) per visit, by file picker or drag and drop. The main side
// strips location and camera data and stores the file by content hash; the form shows thumbnails.
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES } from '../../../../../shared/contract';
import { PHOTO_ANGLES, type PhotoAngle } from '../../../../../shared/domain/intake/vocabulary';
import { useChannelMutation } from '../../../api/channel-mutation';
import { usePatientPhotos } from '../../../api/reads';
import { LoadFailure } from '../../../components/LoadFailure';
import { PhotoCompare } from './PhotoCompare';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function PhotosSection({ patientId, today }: { readonly patientId: string | null; readonly today: string }) {
  const { t, i18n } = useTranslation();
  const photosRead = usePatientPhotos(patientId);
  const photos = photosRead.data ?? [];
  // A photo added is in the patient's photos (here and on the week's cards) and in the record's history.
  const addPhoto = useChannelMutation('addPhoto', ['listPhotos', 'auditHistory']);
  const [visitDate, setVisitDate] = useState(today);
  const [busy, setBusy] = useState<PhotoAngle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const language = i18n.language === 'ko' ? 'ko' : 'en';

  if (!patientId) {
    return (
      <section className="form-section" id="section-photos" aria-labelledby="section-photos-title">
        <h2 id="section-photos-title">{t('intake.sections.photos')}</h2>
        <p className="empty">{t('photos.saveFirst')}</p>
      </section>
    );
  }

  const add = async (angle: PhotoAngle, file: File | undefined) => {
    if (!file) return;
    setBusy(angle);
    setError(null);
    const result = await addPhoto.mutateAsync({ patientId, visitDate, angle, dataBase64: await toBase64(file) });
    setBusy(null);
    if (!result.ok) setError(result.error.issues[0] ? ISSUE_MESSAGES[result.error.issues[0].code][language] : result.error.message);
  };

  const visits = [...new Set(photos.map((photo) => photo.visitDate))].sort().reverse();

  return (
    <section className="form-section" id="section-photos" aria-labelledby="section-photos-title">
      <h2 id="section-photos-title">{t('intake.sections.photos')}</h2>
      <p className="hint">{t('photos.stripped')}</p>
      {photosRead.isError && (
        <LoadFailure error={photosRead.error} onRetry={() => void photosRead.refetch()} retrying={photosRead.isFetching} />
      )}
      <label className="inline-field">
        {t('photos.visitDate')}
        <input type="date" name="photoVisitDate" value={visitDate} onChange={(event) => setVisitDate(event.target.value)} />
      </label>
      <div className="photo-slots">
        {PHOTO_ANGLES.map((angle) => (
          <div
            key={angle}
            className="photo-slot"
            data-angle={angle}
            onDragOver={(event: DragEvent) => event.preventDefault()}
            onDrop={(event: DragEvent) => {
              event.preventDefault();
              void add(angle, event.dataTransfer.files[0]);
            }}
          >
            <div className="photo-slot__angle">{t(`photos.angles.${angle}`)}</div>
            <label className="button">
              {busy === angle ? t('photos.uploading') : t('photos.choose')}
              <input
                type="file"
                accept="image/jpeg,image/png,image/webp"
                className="visually-hidden"
                name={`photo-${angle}`}
                onChange={(event) => void add(angle, event.target.files?.[0])}
              />
            </label>
            <div className="muted">{t('photos.drop')}</div>
          </div>
        ))}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {t('photos.failed', { message: error })}
        </p>
      )}
      {visits.length === 0 ? (
        <p className="muted">{t('photos.none')}</p>
      ) : (
        visits.map((visit) => (
          <div key={visit} className="photo-visit">
            <h3 className="subheading">{visit}</h3>
            <div className="photo-row">
              {photos
                .filter((photo) => photo.visitDate === visit)
                .map((photo) => (
                  <figure key={photo.id} className="photo" data-angle={photo.angle}>
                    <img src={photo.thumbnailDataUrl} alt={`${t(`photos.angles.${photo.angle}`)} ${visit}`} />
                    <figcaption>{t(`photos.angles.${photo.angle}`)}</figcaption>
                  </figure>
                ))}
            </div>
          </div>
        ))
      )}
      <PhotoCompare photos={photos} />
    </section>
  );
}
