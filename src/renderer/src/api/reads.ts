// The reads several screens share, each fetched once and kept: the catalog (content shipped with the app: it does
// not change while the app runs), the clinic's settings (changed only by a save, which invalidates them), a
// patient's photos (one read for all the week's cards of that patient; adding a photo invalidates it).
import { useQuery } from '@tanstack/react-query';
import { channelQuery } from './channel-query';

export function useCatalog() {
  return useQuery({ ...channelQuery('getCatalog', {}), staleTime: Infinity });
}

export function useClinicSettings() {
  return useQuery({ ...channelQuery('getClinicSettings', {}), staleTime: Infinity });
}

/** A patient's stored photos with their thumbnails; `enabled` false until a screen needs them. */
export function usePatientPhotos(patientId: string | null, enabled = true) {
  return useQuery({
    ...channelQuery('listPhotos', { patientId: patientId ?? '' }),
    staleTime: Infinity,
    enabled: enabled && patientId !== null,
  });
}
