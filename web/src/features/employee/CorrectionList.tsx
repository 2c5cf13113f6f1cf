import { Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { formatDay } from '../../lib/time';
import { CorrectionStatus, correctionSummary } from './correction-labels';
import { MyRequestList } from './MyRequestList';

/** My make-up punch requests, newest first, paged by the service; a tap opens one. */
export function CorrectionList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const me = useMe();
  return (
    <MyRequestList
      queryKey={['punch-corrections', 'mine', me.id]}
      fetchPage={(page, pageSize) => unwrap(api.GET('/punch-corrections', { params: { query: { staffId: me.id, page, pageSize } } }))}
      empty={t('corr.none')}
      onOpen={onOpen}
      status={(item) => <CorrectionStatus status={item.status} />}
      describe={(item) => (
        <>
          <Typography.Text strong>{formatDay(item.date, language)}</Typography.Text>
          <span className="employee-list-sub">{correctionSummary(item, timeZone, language, t)}</span>
        </>
      )}
    />
  );
}
