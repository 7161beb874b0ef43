// Before and after: two visits' photos of one angle side by side. Shown once some angle has photos on at least two
// visit dates; the angle and both dates are native selects (keyboard operable), the dates defaulting to the
// earliest and the latest visit with a photo of that angle.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredPhoto } from '../../../../../shared/contract/photos';
import { PHOTO_ANGLES, type PhotoAngle } from '../../../../../shared/domain/intake/vocabulary';

/** The photo of each visit date for one angle (the most recently added if a visit has several), by date ascending. */
function byDate(photos: readonly StoredPhoto[], angle: PhotoAngle): ReadonlyMap<string, StoredPhoto> {
  const latest = new Map<string, StoredPhoto>();
  for (const photo of photos) {
    if (photo.angle !== angle) continue;
    const current = latest.get(photo.visitDate);
    if (!current || photo.addedAt > current.addedAt) latest.set(photo.visitDate, photo);
  }
  return new Map([...latest].sort(([a], [b]) => a.localeCompare(b)));
}

export function PhotoCompare({ photos }: { readonly photos: readonly StoredPhoto[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [chosenAngle, setChosenAngle] = useState<PhotoAngle | null>(null);
  const [chosenBefore, setChosenBefore] = useState<string | null>(null);
  const [chosenAfter, setChosenAfter] = useState<string | null>(null);

  const comparable = PHOTO_ANGLES.filter((angle) => byDate(photos, angle).size >= 2);
  if (comparable.length === 0) return null;

  const angle = chosenAngle ?? comparable[0]!;
  const ofAngle = byDate(photos, angle);
  const dates = [...ofAngle.keys()];
  const before = chosenBefore !== null && ofAngle.has(chosenBefore) ? chosenBefore : dates[0];
  const after = chosenAfter !== null && ofAngle.has(chosenAfter) ? chosenAfter : dates[dates.length - 1];
  const angleName = t(`photos.angles.${angle}`);

  const side = (which: 'before' | 'after', date: string) => {
    const photo = ofAngle.get(date)!;
    return (
      <figure className="photo-compare__photo" data-side={which} data-visit-date={date} data-angle={angle}>
        <img src={photo.thumbnailDataUrl} alt={t('photos.compareAlt', { angle: angleName, date })} />
        <figcaption>
          <span className="photo-compare__side">{which === 'before' ? t('photos.compareBefore') : t('photos.compareAfter')}</span>{' '}
          <time dateTime={date}>{date}</time>
        </figcaption>
      </figure>
    );
  };

  return (
    <section className="photo-compare" aria-labelledby={`${id}-title`} data-compare-angle={angle}>
      <h3 className="subheading" id={`${id}-title`}>
        {t('photos.compareTitle')}
      </h3>
      <div className="photo-compare__controls">
        <label className="inline-field">
          {t('photos.compareAngle')}
          <select
            name="compareAngle"
            value={angle}
            onChange={(event) => {
              setChosenAngle(event.target.value as PhotoAngle);
              setChosenBefore(null);
              setChosenAfter(null);
            }}
          >
            {PHOTO_ANGLES.map((option) => (
              <option key={option} value={option}>
                {t(`photos.angles.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {dates.length >= 2 && (
          <>
            <DateSelect label={t('photos.compareBefore')} name="compareBefore" dates={dates} value={before} onChange={setChosenBefore} />
            <DateSelect label={t('photos.compareAfter')} name="compareAfter" dates={dates} value={after} onChange={setChosenAfter} />
          </>
        )}
      </div>
      {dates.length < 2 || before === undefined || after === undefined ? (
        <p className="muted" data-compare-empty role="status">
          {t('photos.compareTooFew', { angle: angleName })}
        </p>
      ) : (
        <>
          {before === after && (
            <p className="hint" role="status">
              {t('photos.compareSameDate')}
            </p>
          )}
          <div className="photo-compare__pair">
            {side('before', before)}
            {side('after', after)}
          </div>
        </>
      )}
    </section>
  );
}

/** One of the two visit-date pickers (before, after). */
function DateSelect(props: {
  readonly label: string;
  readonly name: string;
  readonly dates: readonly string[];
  readonly value: string | undefined;
  readonly onChange: (date: string) => void;
}) {
  return (
    <label className="inline-field">
      {props.label}
      <select name={props.name} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.dates.map((date) => (
          <option key={date} value={date}>
            {date}
          </option>
        ))}
      </select>
    </label>
  );
}
