import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/**
 * My unread count, polled gently: once a minute and when the window regains focus (TanStack Query
 * pauses the interval while the tab is hidden), one small read each time, shared by every reader.
 */
export function useUnreadCount(): number | undefined {
  const { data } = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: () => unwrap(api.GET('/notifications', { params: { query: { unread: true, pageSize: 1 } } })),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
    retry: false,
  });
  return data?.unread;
}
