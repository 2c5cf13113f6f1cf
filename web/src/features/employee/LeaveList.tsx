import { Typography } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { formatSpan, useLeaveTypes } from './leave-span';
import { MyRequestList } from './MyRequestList';
import { RequestStatus } from './shared';

/** My leave requests, newest first, a page at a time from the service; a tap opens one. */
export function LeaveList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const me = useMe();
  const { nameOf } = useLeaveTypes(language);
  const half = (h: 'am' | 'pm') => t(`leave.half.${h}` as MessageKey);
  return (
    <MyRequestList
      queryKey={['leave-requests', 'mine', me.id]}
      fetchPage={(page, pageSize) => unwrap(api.GET('/leave-requests', { params: { query: { staffId: me.id, page, pageSize } } }))}
      empty={t('leave.none')}
      onOpen={onOpen}
      status={(item) => <RequestStatus status={item.status} />}
      describe={(item) => (
        <>
          <Typography.Text strong>{nameOf(item.type)}</Typography.Text>
          {item.emergency ? <StatusTag status="late" label={t('leave.emergencyTag')} /> : null}
          <span className="employee-list-sub">{formatSpan(item, language, half)}</span>
          <span className="employee-list-sub">{t('leave.daysValue', { days: item.workingDays })}</span>
        </>
      )}
    />
  );
}
