import { Button, Card, Descriptions, Space } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import type { Schemas } from '../../api/client';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { formatFen } from '../../lib/money';
import { formatDateTime, formatDay } from '../../lib/time';
import { separator } from './shared';

type Record = Schemas['DisciplinaryRecordDto'];

/** Record states in the report's colours (theme STATUS_COLOURS), which pass 4.5:1. */
const STATUS_OF: { [status: string]: string } = { issued: 'pending', acknowledged: 'rest', appealed: 'leave', upheld: 'absent', withdrawn: 'present' };

interface Props {
  record: Record;
  onAcknowledge: (record: Record) => void;
  onAppeal: (record: Record) => void;
  busy: boolean;
}

/** One disciplinary record: what happened, under which articles, the penalty, and what I may still do about it. */
export function RecordCard({ record, onAcknowledge, onAppeal, busy }: Props) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const canAcknowledge = record.status === 'issued';
  const canAppeal = record.status === 'issued' || record.status === 'acknowledged';
  const title = `${formatDay(record.occurredOn, language, { year: 'numeric', month: 'long', day: 'numeric' })} · ${t(`records.action.${record.action}` as MessageKey)}`;
  return (
    <Card
      className="employee-record"
      title={<h2 className="card-title">{title}</h2>}
      extra={<StatusTag status={STATUS_OF[record.status]} label={t(`records.status.${record.status}` as MessageKey)} />}
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('records.severity')}>{t(`records.severity.${record.severity}` as MessageKey)}</Descriptions.Item>
        {record.amountFen ? <Descriptions.Item label={t('records.amount')}>{formatFen(record.amountFen, language)}</Descriptions.Item> : null}
        <Descriptions.Item label={t('records.articles')}>
          {record.articles.map((article) => `${article.key} ${language === 'en' ? article.titleEn : article.titleZh}`).join(separator(language))}
          {` (${t('handbook.version', { version: record.handbookVersion })})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('records.facts')}>{record.facts}</Descriptions.Item>
        <Descriptions.Item label={t('records.issuedAt')}>{formatDateTime(record.issuedAt, timeZone, language)}</Descriptions.Item>
        {record.statement ? <Descriptions.Item label={t('records.statement')}>{record.statement}</Descriptions.Item> : null}
        {record.resolutionReason ? <Descriptions.Item label={t('records.resolution')}>{record.resolutionReason}</Descriptions.Item> : null}
      </Descriptions>
      {canAcknowledge || canAppeal ? (
        <Space wrap className="employee-record-actions">
          {canAcknowledge ? (
            <Button type="primary" onClick={() => onAcknowledge(record)} loading={busy}>
              {t('records.acknowledge')}
            </Button>
          ) : null}
          {canAppeal ? <Button onClick={() => onAppeal(record)}>{t('records.appeal')}</Button> : null}
        </Space>
      ) : null}
    </Card>
  );
}
