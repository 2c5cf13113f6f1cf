import { Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { formatDay } from '../../lib/time';
import { kindRate, OvertimeStatus, windowText } from './overtime-labels';
import { MyRequestList } from './MyRequestList';

/** My overtime requests, newest first, paged by the service; a tap opens one. */
export function OvertimeList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const me = useMe();
  return (
    <MyRequestList
      queryKey={['overtime-requests', 'mine', me.id]}
      fetchPage={(page, pageSize) => unwrap(api.GET('/overtime-requests', { params: { query: { staffId: me.id, page, pageSize } } }))}
      empty={t('ot.none')}
      onOpen={onOpen}
      status={(item) => <OvertimeStatus status={item.status} />}
      describe={(item) => (
        <>
          <Typography.Text strong>{formatDay(item.date, language)}</Typography.Text>
          <span className="employee-list-sub">{windowText(item, timeZone, language, t)}</span>
          <span className="employee-list-sub">
            {kindRate(item.dayKind, t)} · {t(`ot.compensation.${item.compensation}`)}
          </span>
        </>
      )}
    />
  );
}
