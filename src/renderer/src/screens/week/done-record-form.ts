// The "Done" record of a session on the week screen, as typed: the doctor, the device, its settings, the notes
// and a stored photo per angle ('' for none). It becomes setSessionStatus's input only to validate or save, so the
// screen checks it with the channel's own schema and the door's refusals land on the field they name.
import type { IssuePath } from '../../../../shared/contract';
import type { InputOf } from '../../../../shared/contract';
import type { SessionListing } from '../../../../shared/contract/plans';
import { PHOTO_ANGLES, type PhotoAngle } from '../../../../shared/domain/intake/vocabulary';

/** The device settings asked for, each by its form field and the key it is recorded under (free text, for the doctor). */
export const SETTING_FIELDS = [
  { name: 'fluence', key: 'fluence' },
  { name: 'spotSize', key: 'spot size' },
  { name: 'passes', key: 'passes' },
] as const;

export interface DoneForm {
  doctor: string;
  device: string;
  fluence: string;
  spotSize: string;
  passes: string;
  notes: string;
  photos: Record<PhotoAngle, string>;
}

export function emptyDoneForm(): DoneForm {
  return {
    doctor: '',
    device: '',
    fluence: '',
    spotSize: '',
    passes: '',
    notes: '',
    photos: Object.fromEntries(PHOTO_ANGLES.map((angle) => [angle, ''])) as Record<PhotoAngle, string>,
  };
}

/** Which session the call is about, as the week listed it. */
export const sessionOf = (session: SessionListing) => ({
  patientId: session.patientId,
  index: session.index,
  sessionId: session.sessionId,
  expectedVersion: session.version,
});

export function doneInput(session: SessionListing, form: DoneForm): InputOf<'setSessionStatus'> {
  const settings = Object.fromEntries(
    SETTING_FIELDS.map(({ name, key }) => [key, form[name].trim()] as const).filter(([, value]) => value !== ''),
  );
  const photos = Object.fromEntries(PHOTO_ANGLES.filter((angle) => form.photos[angle] !== '').map((angle) => [angle, form.photos[angle]]));
  return {
    ...sessionOf(session),
    status: 'done',
    record: {
      doctor: form.doctor.trim(),
      device: form.device.trim(),
      settings,
      notes: form.notes,
      ...(Object.keys(photos).length > 0 ? { photos } : {}),
    },
  };
}

/** The form field an issue of setSessionStatus's input is about ("record.photos.front" -> "photos.front"). */
export function fieldOfDoneIssue(path: IssuePath): string {
  const [head, field, detail] = path;
  if (head !== 'record') return String(head ?? '');
  if (field === 'settings') return SETTING_FIELDS.find(({ key }) => key === detail)?.name ?? 'fluence';
  if (field === 'photos') return `photos.${String(detail)}`;
  return String(field ?? 'doctor');
}
