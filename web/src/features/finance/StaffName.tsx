import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** A staff member's name from their id (who closed, who reopened); the id's start while unknown. */
export function StaffName({ id }: { id: string | null }) {
  const { data } = useQuery({
    queryKey: ['staff', id],
    queryFn: () => unwrap(api.GET('/staff/{id}', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
  if (!id) return <>—</>;
  return <>{data ? `${data.name}（${data.employeeNo}）` : id.slice(0, 8)}</>;
}
