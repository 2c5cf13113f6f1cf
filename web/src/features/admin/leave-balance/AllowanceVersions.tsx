import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { todayIn } from '../../../lib/time';
import { VersionDate } from '../settings/RuleVersions';
import { AdminTable } from '../shared';
import { type AllowanceRule, ruleText } from './allowance';

/** A leave type's allowance rule versions, newest first, the one in force today marked. */
export function AllowanceVersions({ rules }: { rules: Schemas['LeaveTypeRulesDto'] }) {
  const t = useT();
  const { timeZone } = useCompany();
  const today = todayIn(timeZone);
  return (
    <AdminTable<AllowanceRule>
      size="small"
      rowKey="effectiveFrom"
      pagination={false}
      dataSource={[...rules.versions].reverse()}
      columns={[
        { title: t('admin.rules.effectiveFrom'), dataIndex: 'effectiveFrom', render: (date: string) => <VersionDate date={date} current={rules.current?.effectiveFrom} today={today} /> },
        { title: t('admin.allowance.column'), key: 'rule', render: (_, rule) => ruleText(t, rule) },
      ]}
    />
  );
}
