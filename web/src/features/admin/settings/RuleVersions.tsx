import { Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../../api/client';
import { type MessageKey, type Translate, useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { todayIn } from '../../../lib/time';
import { RuleVersionForm } from './RuleVersionForm';
import { AdminTable } from '../shared';

type Version = Schemas['SettingVersionDto'];

export const workWeekText = (t: Translate, days: number[]) =>
  days.length === 7 ? t('admin.rules.everyDay') : days.map((day) => t(`admin.weekday.${day}` as MessageKey)).join('、');
const minutes = (t: Translate, value: number | null) => (value === null ? t('admin.rules.off') : t('admin.rules.minutes', { n: value }));
/** "审批时段内的打卡，按 30 分钟取整，日上限 3 小时，月上限 36 小时，事后 7 天内可补报" */
const overtimeText = (t: Translate, v: Version) =>
  t('admin.rules.overtimeValue', {
    counting: t(`admin.rules.counting.${v.overtimeCounting}`),
    unit: v.overtimeUnitMinutes,
    daily: v.overtimeDailyCapMinutes / 60,
    monthly: v.overtimeMonthlyCapMinutes / 60,
    days: v.overtimeDaysAfter,
  }) +
  (v.overtimeBreakAfterMinutes !== null && v.overtimeBreakMinutes !== null ? t('admin.rules.overtimeBreakValue', { after: v.overtimeBreakAfterMinutes, minutes: v.overtimeBreakMinutes }) : '');
const yesNo = (t: Translate, value: boolean) => (value ? t('yes') : t('no'));

/** A version's first day, marked as the one in force or one still to come. */
export function VersionDate({ date, current, today }: { date: string; current: string | undefined; today: string }) {
  const t = useT();
  return (
    <span className="admin-nowrap">
      {date}{' '}
      {date === current ? <span className="admin-chip">{t('admin.rules.current')}</span> : date > today ? <span className="admin-chip admin-chip-future">{t('admin.rules.future')}</span> : null}
    </span>
  );
}

/** The rules in force today, every dated version (oldest first as the service keeps them), and a new version from a date on. */
export function RuleVersions({ settings }: { settings: Schemas['SettingsDto'] }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const [open, setOpen] = useState(false);
  const current = settings.current;
  const today = todayIn(timeZone);
  const rows = [...settings.versions].reverse();
  return (
    <Card
      title={<h2 className="card-title">{t('admin.rules.title')}</h2>}
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('admin.rules.newVersion')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.rules.help')}</Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        title={<h3 className="admin-subtitle">{t('admin.rules.inForce', { date: current.effectiveFrom })}</h3>}
        items={[
          { key: 'workWeek', label: t('admin.rules.workWeek'), children: workWeekText(t, current.workWeek) },
          { key: 'window', label: t('admin.rules.punchWindow'), children: t('admin.rules.windowValue', { open: current.punchWindowOpenMinutes, close: current.punchWindowCloseMinutes }) },
          { key: 'grace', label: t('admin.rules.grace'), children: minutes(t, current.graceMinutes) },
          { key: 'serious', label: t('admin.rules.seriousLate'), children: minutes(t, current.seriousLateMinutes) },
          { key: 'absent', label: t('admin.rules.absentAfterLate'), children: minutes(t, current.absentAfterLateMinutes) },
          { key: 'out', label: t('admin.rules.missingOut'), children: yesNo(t, current.missingClockOutIsEarlyLeave) },
          { key: 'in', label: t('admin.rules.missingIn'), children: yesNo(t, current.missingClockInIsAbsence) },
          { key: 'overtime', label: t('admin.rules.overtime'), children: overtimeText(t, current) },
        ]}
      />
      <h3 className="admin-subtitle admin-gap">{t('admin.rules.versions')}</h3>
      <AdminTable<Version>
        size="small"
        rowKey="effectiveFrom"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('admin.rules.effectiveFrom'),
            dataIndex: 'effectiveFrom',
            render: (date: string) => <VersionDate date={date} current={current.effectiveFrom} today={today} />,
          },
          { title: t('admin.rules.workWeek'), dataIndex: 'workWeek', render: (days: number[]) => workWeekText(t, days) },
          { title: t('admin.rules.punchWindow'), key: 'window', render: (_, v) => t('admin.rules.windowValue', { open: v.punchWindowOpenMinutes, close: v.punchWindowCloseMinutes }) },
          { title: t('admin.rules.grace'), dataIndex: 'graceMinutes', render: (n: number) => minutes(t, n) },
          { title: t('admin.rules.seriousLate'), dataIndex: 'seriousLateMinutes', render: (n: number | null) => minutes(t, n) },
          { title: t('admin.rules.absentAfterLate'), dataIndex: 'absentAfterLateMinutes', render: (n: number | null) => minutes(t, n) },
          { title: t('admin.rules.missingOut'), dataIndex: 'missingClockOutIsEarlyLeave', render: (v: boolean) => yesNo(t, v) },
          { title: t('admin.rules.missingIn'), dataIndex: 'missingClockInIsAbsence', render: (v: boolean) => yesNo(t, v) },
          {
            title: t('admin.rules.corrections'),
            key: 'corrections',
            render: (_, v) =>
              t('admin.rules.correctionsValue', {
                limit: v.correctionMonthlyLimit,
                days: v.correctionDaysBack,
                kinds: v.correctionKinds.map((kind) => t(`corr.kind.${kind}` as MessageKey)).join(language === 'en' ? ', ' : '、'),
              }),
          },
          { title: t('admin.rules.overtime'), key: 'overtime', render: (_, v) => overtimeText(t, v) },
        ]}
      />
      <RuleVersionForm open={open} onClose={() => setOpen(false)} base={current} />
    </Card>
  );
}
