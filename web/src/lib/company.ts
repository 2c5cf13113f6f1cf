import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The company's name and time zone (GET /settings, readable by everyone): every time shown uses this zone. */
export function useCompany(): { timeZone: string; companyName: string } {
  const { data } = useQuery({
    queryKey: ['settings'],
    queryFn: () => unwrap(api.GET('/settings')),
    staleTime: 5 * 60_000,
  });
  // Asia/Shanghai until the settings arrive: the zone a new company starts with (H-ORG-2 decisions).
  return { timeZone: data?.timeZone ?? 'Asia/Shanghai', companyName: data?.companyName ?? '' };
}
