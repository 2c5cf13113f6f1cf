import { useQuery } from '@tanstack/react-query';
import { Alert, Input, Spin, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { lazy, Suspense, useDeferredValue, useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { MonthSwitcher } from '../../components/MonthSwitcher';
import { StatusTag } from '../../components/StatusTag';
import { PageTitle } from '../../components/PageTitle';
import { useMe } from '../../auth/session';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { formatFen } from '../../lib/money';
import { useMonthParam } from '../../lib/use-month-param';
import { useLeaveTypes, usePolicyInForce, usePositions } from './lookups';
import { ColumnChooser } from './ColumnChooser';
import { formatMeasure, type GroupKey, measureColumns, measureWidth, reportGroups } from './report-columns';
import { type ReportRow, useWholeReport } from './report-data';
import { compareBy, DEFAULT_SORT, nextSort, type ReportSort, sortRows } from './report-sort';
import { SortButton, sortHeaderCell } from './SortButton';
import { ReportDownloads } from './ReportDownloads';
import { ShownAfterFirstLayout } from './ShownAfterFirstLayout';
import { useColumnGroups } from './use-column-groups';
import { useKeyboardScroll } from './use-keyboard-scroll';
import './finance.css';

// The grid tab's code arrives when the tab is first opened: the summary is what finance opens the page for.
const DailyGrid = lazy(() => import('./DailyGrid').then((module) => ({ default: module.DailyGrid })));

const ID_WIDTH = { employeeNo: 104, name: 120, position: 136 };

/** The monthly report (GET /reports/monthly): every column, company totals, sortable, virtualised, with the grid and the exports. */
export default function MonthlyReport() {
  const t = useT();
  const language = useLanguage();
  const [month, setMonth] = useMonthParam();
  const [tab, setTab] = useState('summary');
  const box = useRef<HTMLDivElement>(null);
  useKeyboardScroll(box, t('fin.report.table'));
  const report = useWholeReport(month);
  const months = useQuery({ queryKey: ['months'], queryFn: () => unwrap(api.GET('/months')) });
  const state = months.data?.items.find((item) => item.month === month)?.state ?? 'open';
  const leaveTypes = useLeaveTypes();
  const positionName = usePositions();
  // The policy line does not wait for a thousand rows: the report's own policy once it is in, the list's until then.
  const listedPolicy = usePolicyInForce(month);
  const policy = report.data?.policy ?? listedPolicy;
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search.trim().toLowerCase());
  const [sort, setSort] = useState<ReportSort>(DEFAULT_SORT);
  // The header shows the new order at once; the rows follow when React has sorted them (10,000 at a time).
  const sortedBy = useDeferredValue(sort);
  const [shownGroups, setShownGroups] = useColumnGroups(useMe().id);

  // The table is first drawn from the deferred value: React renders the thousand-row table in the
  // background, in slices the browser can interrupt, instead of one long task when the rows arrive.
  const data = useDeferredValue(report.data);
  // The month's leave types: those the catalogue has and any the report counts (a retired type still shows).
  const leaveCodes = useMemo(() => [...new Set([...leaveTypes.codes, ...Object.keys(data?.totals.leaveDays ?? {})])], [leaveTypes.codes, data]);
  const allGroups = useMemo(() => reportGroups(t, leaveCodes, leaveTypes.name), [t, leaveCodes, leaveTypes.name]);
  const groups = useMemo(() => allGroups.filter((group) => shownGroups.includes(group.key)), [allGroups, shownGroups]);
  const measures = useMemo(() => groups.flatMap((group) => group.measures), [groups]);
  const chooseGroups = (next: GroupKey[]) => {
    setShownGroups(next);
    // A column taken away no longer orders the rows: back to the employee number.
    const sortedGroup = allGroups.find((group) => group.measures.some((m) => m.key === sort.key));
    if (sortedGroup && !next.includes(sortedGroup.key)) setSort(DEFAULT_SORT);
  };
  // Memoised: new column objects on every render make the virtual table measure every column again.
  const columns = useMemo<TableColumnsType<ReportRow>>(() => {
    const onSort = (key: string) => setSort((current) => nextSort(current, key));
    const orderOf = (key: string) => (sort.key === key ? sort.order : null);
    const sortable = (key: string, label: string) => ({
      title: <SortButton label={label} order={orderOf(key)} onSort={() => onSort(key)} />,
      onHeaderCell: () => sortHeaderCell(orderOf(key)),
    });
    return [
      { ...sortable('employeeNo', t('field.employeeNo')), dataIndex: 'employeeNo', key: 'employeeNo', width: ID_WIDTH.employeeNo, fixed: 'left' },
      { ...sortable('name', t('field.name')), dataIndex: 'name', key: 'name', width: ID_WIDTH.name, fixed: 'left', ellipsis: true },
      { title: t('fin.col.position'), key: 'position', width: ID_WIDTH.position, ellipsis: true, render: (_, row) => positionName(row.positionCode) },
      ...measureColumns(groups, language, orderOf, onSort),
    ];
  }, [t, language, groups, positionName, sort]);
  const width = ID_WIDTH.employeeNo + ID_WIDTH.name + ID_WIDTH.position + measures.reduce((sum, m) => sum + measureWidth(m.kind, language), 0);
  const sorted = useMemo(() => sortRows(data?.items ?? [], compareBy(sortedBy.key, measures, language), sortedBy.order), [data, sortedBy, measures, language]);
  const rows = useMemo(
    () => (needle ? sorted.filter((row) => row.name.toLowerCase().includes(needle) || row.employeeNo.toLowerCase().includes(needle)) : sorted),
    [sorted, needle],
  );

  const summaryTable = (
    <div ref={box}>
      <div className="fin-report-tools">
        <Input.Search allowClear className="fin-search" placeholder={t('fin.report.search')} aria-label={t('fin.report.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <ColumnChooser groups={allGroups} shown={shownGroups} onChange={chooseGroups} />
      </div>
      {!data && !report.error ? (
        // Rows arrive a page at a time: a line that counts them, not a table re-measured on every page.
        <div className="fin-report-loading" role="status">
          <Spin /> {t('fin.report.loading', { count: report.loaded })}
        </div>
      ) : (
        <ShownAfterFirstLayout>
          <Table<ReportRow>
            className="fin-report-table"
            size="small"
            bordered
            virtual
            rowKey="staffId"
            columns={columns}
            dataSource={rows}
            scroll={{ x: width, y: 560 }}
            locale={{ emptyText: t('list.empty') }}
            pagination={{ defaultPageSize: 100, showSizeChanger: true, pageSizeOptions: [50, 100, 500, 1000, 10000], showTotal: (total) => t('list.total', { total }) }}
            summary={() =>
              data ? (
                <Table.Summary fixed="bottom">
                  <Table.Summary.Row className="fin-totals">
                    {/* Bold by the row's class (finance.css), not a <strong> per cell: fewer elements to draw. */}
                    <Table.Summary.Cell index={0} colSpan={3}>
                      {t('fin.report.totals', { total: data.total })}
                    </Table.Summary.Cell>
                    {measures.map((measure, i) => (
                      <Table.Summary.Cell key={measure.key} index={3 + i} align="right">
                        {formatMeasure(measure, measure.value(data.totals), language)}
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
        </ShownAfterFirstLayout>
      )}
    </div>
  );

  return (
    <>
      <div className="fin-page">
        <PageTitle extra={<MonthSwitcher month={month} onChange={setMonth} />}>{t('fin.report.title')}</PageTitle>
        <div className="fin-report-head">
          <StatusTag status={state === 'closed' ? 'present' : 'rest'} label={t(state === 'closed' ? 'fin.month.closed' : 'fin.month.open')} />
          {policy ? (
            <Typography.Text type="secondary" className="fin-policy-line">
              {t('fin.report.policy', {
                month: policy.effectiveMonth,
                late: formatFen(policy.lateFen, language),
                absence: formatFen(policy.absenceDayFen, language),
                bonus: formatFen(policy.fullAttendanceBonusFen, language),
              })}
            </Typography.Text>
          ) : null}
          <span className="spacer" />
          <ReportDownloads month={month} />
        </div>
        {data && data.rosterGaps > 0 ? <Alert className="fin-alert" type="warning" showIcon title={t('fin.report.rosterGaps', { count: data.rosterGaps })} /> : null}
        {data && data.totals.pendingDays > 0 ? <Alert className="fin-alert" type="info" showIcon title={t('fin.report.pending', { count: data.totals.pendingDays })} /> : null}
        {report.error ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
        {/* The tab bar measures its tabs when it mounts, as the table does: see ShownAfterFirstLayout. */}
        <ShownAfterFirstLayout>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'summary', label: t('fin.report.tabSummary'), children: summaryTable },
              { key: 'grid', label: t('fin.report.tabGrid'), children: (
                  <Suspense fallback={null}>
                    <DailyGrid month={month} />
                  </Suspense>
                ),
              },
            ]}
          />
        </ShownAfterFirstLayout>
      </div>
    </>
  );
}
