import { Card } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { BalanceYearPicker, LeaveBalances, useThisYear } from './LeaveBalances';
import { LeaveDetail } from './LeaveDetail';
import { LeaveForm } from './LeaveForm';
import { LeaveList } from './LeaveList';
import './employee.css';

/** Asking for leave and following my requests; the open request is in the URL (?request=) so a link keeps it. */
export default function Leave() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const open = params.get('request');
  const me = useMe();
  const thisYear = useThisYear();
  const [year, setYear] = useState(thisYear);
  const setOpen = (id: string | null) =>
    setParams((current) => {
      if (id) current.set('request', id);
      else current.delete('request');
      return current;
    });
  return (
    <div className="employee-page">
      <PageTitle>{t('leave.title')}</PageTitle>
      <div className="employee-columns">
        <Card title={<h2 className="card-title">{t('leave.new')}</h2>}>
          <LeaveForm />
        </Card>
        <div className="employee-side">
          <Card title={<h2 className="card-title">{t('balance.title')}</h2>} className="employee-balance-card" extra={<BalanceYearPicker value={year} onChange={setYear} />}>
            <LeaveBalances staffId={me.id} year={year} />
          </Card>
          <Card title={<h2 className="card-title">{t('leave.mine')}</h2>} className="employee-list-card">
            <LeaveList onOpen={setOpen} />
          </Card>
        </div>
      </div>
      <LeaveDetail id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
