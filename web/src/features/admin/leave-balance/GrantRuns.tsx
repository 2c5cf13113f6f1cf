import { useQuery } from '@tanstack/react-query';
import { Button, Card, Typography } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { StatusTag } from '../../../components/StatusTag';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { errorSentence } from '../../../i18n/error-sentence';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { useLeaveTypes } from '../../finance/lookups';
import { AdminTable, StaffName } from '../shared';
import '../admin.css';

type Run = Schemas['GrantRunDto'];
type Written = Schemas['GrantRunEntryDto'];
type Problem = Schemas['GrantProblemDto'];
interface WrittenGroup {
  key: string;
  leaveType: string;
  kind: string;
  cause: string;
  people: number;
  days: number;
}

const OUTCOME_COLOUR: Record<string, string> = { done: 'present', running: 'pending', failed: 'absent' };
const days = (n: number): string => String(Math.round(n * 10) / 10);

/** What a run wrote, per leave type, kind and cause: a year-start run writes one grant a person. */
function groupWritten(written: Written[]): WrittenGroup[] {
  const groups = new Map<string, WrittenGroup & { staff: Set<string> }>();
  for (const entry of written) {
    const key = `${entry.leaveType}|${entry.kind}|${entry.cause}`;
    const group = groups.get(key) ?? { key, leaveType: entry.leaveType, kind: entry.kind, cause: entry.cause, people: 0, days: 0, staff: new Set<string>() };
    group.staff.add(entry.staffId);
    group.people = group.staff.size;
    group.days += entry.days;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ staff: _staff, ...group }) => group);
}

/**
 * The grant sweep's latest runs (issue 16, "every run is visible"): when each ran, up to which day,
 * what it wrote and what it could not (a closed month, a person it could not settle).
 */
export function GrantRuns() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const runs = useQuery({ queryKey: ['leave-grant-runs'], queryFn: () => unwrap(api.GET('/leave-balances/grant-runs')) });
  return (
    <Card
      className="admin-grant-runs"
      title={<h2 className="card-title">{t('admin.grantRuns.title')}</h2>}
      extra={
        <Button onClick={() => void runs.refetch()} loading={runs.isFetching}>
          {t('action.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.grantRuns.help')}</Typography.Paragraph>
      {runs.error ? <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      <AdminTable<Run>
        size="small"
        rowKey="id"
        loading={runs.isLoading}
        pagination={false}
        dataSource={runs.data?.items ?? []}
        locale={{ emptyText: <span className="admin-muted">{t('admin.grantRuns.none')}</span> }}
        expandable={{ rowExpandable: (run) => run.written.length + run.problems.length > 0, expandedRowRender: (run) => <RunDetail run={run} /> }}
        columns={[
          { title: t('admin.grantRuns.startedAt'), dataIndex: 'startedAt', render: (at: string) => <span className="admin-nowrap">{formatDateTime(at, timeZone, language)}</span> },
          { title: t('admin.grantRuns.outcome'), dataIndex: 'outcome', render: (outcome: string) => <StatusTag status={OUTCOME_COLOUR[outcome] ?? 'rest'} label={t(`admin.grantRuns.outcome.${outcome}` as MessageKey)} /> },
          { title: t('admin.grantRuns.through'), key: 'through', render: (_, run) => <span className="admin-nowrap">{t('admin.grantRuns.throughValue', { from: run.fromYear, date: run.throughDate })}</span> },
          { title: t('admin.grantRuns.people'), dataIndex: 'people', align: 'right' },
          { title: t('admin.grantRuns.entries'), dataIndex: 'entries', align: 'right' },
          {
            title: t('admin.grantRuns.problems'),
            key: 'problems',
            align: 'right',
            render: (_, run) => (run.problems.length > 0 ? <span className="admin-chip admin-chip-danger">{run.problems.length}</span> : 0),
          },
        ]}
      />
    </Card>
  );
}

function RunDetail({ run }: { run: Run }) {
  const t = useT();
  const language = useLanguage();
  const types = useLeaveTypes();
  // The run keeps the service's English sentence, with its specifics; a Chinese reader gets the code's sentence.
  const why = (problem: Problem) => (language === 'en' ? problem.message : (errorSentence(language, problem.code) ?? problem.message));
  return (
    <div className="admin-run-detail">
      {run.written.length > 0 ? (
        <>
          <h3 className="admin-subtitle">{t('admin.grantRuns.written', { count: run.entries })}</h3>
          <AdminTable<WrittenGroup>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={groupWritten(run.written)}
            columns={[
              { title: t('admin.grantRuns.leaveType'), dataIndex: 'leaveType', render: (code: string) => types.name(code) },
              { title: t('admin.grantRuns.kind'), key: 'kind', render: (_, group) => `${t(`balance.entry.${group.kind}` as MessageKey)} · ${t(`admin.grantRuns.cause.${group.cause}` as MessageKey)}` },
              { title: t('admin.grantRuns.people'), dataIndex: 'people', align: 'right' },
              { title: t('admin.grantRuns.days'), dataIndex: 'days', align: 'right', render: (n: number) => (n > 0 ? `+${days(n)}` : days(n)) },
            ]}
          />
        </>
      ) : null}
      {run.problems.length > 0 ? (
        <>
          <h3 className="admin-subtitle admin-gap">{t('admin.grantRuns.notWritten', { count: run.problems.length })}</h3>
          <AdminTable<Problem>
            size="small"
            rowKey={(problem) => `${problem.staffId}|${problem.leaveType}|${problem.year}|${problem.code}`}
            pagination={false}
            dataSource={run.problems}
            columns={[
              { title: t('admin.grantRuns.person'), dataIndex: 'staffId', render: (id: string | null) => (id ? <StaffName id={id} /> : t('admin.grantRuns.wholeRun')) },
              { title: t('admin.grantRuns.leaveType'), dataIndex: 'leaveType', render: (code: string | null) => types.name(code) },
              { title: t('admin.grantRuns.year'), dataIndex: 'year' },
              { title: t('admin.grantRuns.why'), dataIndex: 'message', render: (_: string, problem) => why(problem) },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
