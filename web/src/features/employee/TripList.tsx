import { Typography } from 'antd';
import { api, unwrap, type Schemas } from '../../api/client';
import { useMe } from '../../auth/session';
import { type Translate, useLanguage, useT } from '../../i18n';
import type { Language } from '../../i18n/language-store';
import { formatDay } from '../../lib/time';
import { MyRequestList } from './MyRequestList';
import { RequestStatus } from './shared';

/** 12月1日 周二 09:00–12:00, or the date and "whole day". */
export function tripWhen(trip: Pick<Schemas['ExemptionDto'], 'date' | 'from' | 'to'>, language: Language, t: Translate): string {
  return `${formatDay(trip.date, language)} ${trip.from && trip.to ? `${trip.from}–${trip.to}` : t('trips.wholeDay')}`;
}

/** My business trips, newest first, paged by the service; a tap opens one. */
export function TripList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const me = useMe();
  return (
    <MyRequestList
      queryKey={['exemptions', 'mine', me.id]}
      fetchPage={(page, pageSize) => unwrap(api.GET('/exemptions', { params: { query: { staffId: me.id, page, pageSize } } }))}
      empty={t('trips.none')}
      onOpen={onOpen}
      status={(item) => <RequestStatus status={item.status} />}
      describe={(item) => (
        <>
          <Typography.Text strong>{item.destination}</Typography.Text>
          <span className="employee-list-sub">{tripWhen(item, language, t)}</span>
        </>
      )}
    />
  );
}
