import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { BalanceYearPicker, LeaveBalances, useBalances, useThisYear } from '../../employee/LeaveBalances';
import { AdjustBalanceModal } from './AdjustBalanceModal';

/**
 * A person's leave balances as the office sees them (issue 16): the employee's own card for any
 * year, and an adjustment with a reason — a new ledger entry, nothing edited.
 */
export function StaffBalances({ staff }: { staff: Schemas['StaffDto'] }) {
  const t = useT();
  const thisYear = useThisYear();
  const [year, setYear] = useState(thisYear);
  const [adjusting, setAdjusting] = useState(false);
  const balances = useBalances(staff.id, year);
  const tracked = balances.data?.types.map((type) => type.leaveType) ?? [];
  return (
    <Card
      size="small"
      className="office-balances"
      title={<h2 className="card-title">{t('office.balances.title')}</h2>}
      extra={
        <Space wrap>
          <BalanceYearPicker value={year} onChange={setYear} />
          <Button size="small" disabled={tracked.length === 0} onClick={() => setAdjusting(true)}>
            {t('office.balances.adjust')}
          </Button>
        </Space>
      }
    >
      <LeaveBalances staffId={staff.id} year={year} />
      <AdjustBalanceModal staff={staff} year={year} leaveTypes={tracked} open={adjusting} onClose={() => setAdjusting(false)} />
    </Card>
  );
}
