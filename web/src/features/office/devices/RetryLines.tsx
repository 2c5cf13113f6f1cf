import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Select, Switch, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useLanguage, useT } from '../../../i18n';
import { errorSentence } from '../../../i18n/error-sentence';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { todayIn } from '../../../lib/time';
import { showFormErrors } from '../form-errors';
import { OfficeTag } from '../OfficeTag';
import { Empty, ScrollBox } from '../ScrollBox';
import { useDuration } from './ClockSkew';

type Device = Schemas['DeviceDto'];
type Reason = Schemas['RetryLinesByReasonDto']['reason'];
type RetryResult = Schemas['RetryResultDto'];
type RetriedLine = Schemas['RetriedLineDto'];

/** The causes a line is kept for, in the order the office meets them (RetryLinesByReasonDto.reason). */
const REASONS = ['UNKNOWN_EMPLOYEE', 'INACTIVE_EMPLOYEE', 'TIME_IN_FUTURE', 'MONTH_CLOSED', 'TIME_UNPARSEABLE', 'INVALID_LINE'] as const satisfies readonly Reason[];
type MissingReason = Exclude<Reason, (typeof REASONS)[number]>;
// A cause the service adds must be added here too: this line stops compiling otherwise.
const everyReasonListed: MissingReason extends never ? true : false = true;
void everyReasonListed;

interface Values {
  reason: Reason | 'all';
  acceptSkew: boolean;
  clockSkewSeconds?: number;
  from?: string;
  to?: string;
}

/**
 * Asks which rejected lines to retry, once their cause is fixed: one device's (every cause or one,
 * and a clock difference accepted for a period), or one cause on every device (device null). The
 * modal is the question; what each line became is handed to onResult.
 */
export function RetryLinesModal({
  open,
  device,
  suggestedFrom,
  onClose,
  onResult,
}: {
  open: boolean;
  device: Device | null;
  /** The first date the accepted difference applies to, when the caller knows the lines' dates. */
  suggestedFrom?: string;
  onClose: () => void;
  onResult: (result: RetryResult) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const duration = useDuration();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const acceptSkew = Form.useWatch('acceptSkew', form);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    const today = todayIn(timeZone);
    const measured = device?.clockSkewSeconds ?? null;
    form.setFieldsValue({
      reason: device ? 'all' : 'UNKNOWN_EMPLOYEE',
      acceptSkew: false,
      clockSkewSeconds: measured !== null && measured > 0 ? measured : undefined,
      from: suggestedFrom ?? today,
      to: today,
    });
  }, [open, device, suggestedFrom, form, timeZone]);

  const retry = useMutation({
    mutationFn: ({ reason, acceptSkew: withSkew, clockSkewSeconds, from, to }: Values) => {
      if (!device) return unwrap(api.POST('/devices/rejected-lines/retry', { body: { reason: reason as Reason } }));
      const skew = withSkew ? { clockSkewSeconds: clockSkewSeconds ?? undefined, from: from || undefined, to: to || undefined } : {};
      return unwrap(api.POST('/devices/{id}/rejected-lines/retry', { params: { path: { id: device.id } }, body: { ...(reason === 'all' ? {} : { reason }), ...skew } }));
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['devices'] });
      onClose();
      onResult(result);
    },
    onError: (error) => setFailure(showFormErrors(form, error) ? null : error),
  });

  const reasonOptions = REASONS.map((reason) => ({ value: reason, label: errorSentence(language, reason) ?? reason }));
  const measured = device?.clockSkewSeconds;
  return (
    <Modal
      open={open}
      title={device ? t('terminals.retry.deviceTitle', { name: device.name }) : t('terminals.retry.everyTitle')}
      okText={t('terminals.retry.ok')}
      cancelText={t('action.cancel')}
      confirmLoading={retry.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="office-muted">{t('terminals.retry.help')}</p>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => retry.mutate(values)}>
        <Form.Item name="reason" label={t('terminals.retry.reason')}>
          <Select options={device ? [{ value: 'all', label: t('terminals.retry.allReasons') }, ...reasonOptions] : reasonOptions} />
        </Form.Item>
        {device ? (
          <Form.Item name="acceptSkew" label={t('terminals.retry.acceptSkew')} extra={t('terminals.retry.acceptSkewHelp')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
        {device && acceptSkew ? (
          <>
            <Form.Item
              name="clockSkewSeconds"
              label={t('terminals.retry.skewSeconds')}
              extra={measured !== null && measured !== undefined ? t('terminals.retry.skewSecondsHelp', { measured: `${measured > 0 ? '+' : measured < 0 ? '−' : ''}${duration(measured)}` }) : undefined}
              rules={[{ required: true, message: t('office.required') }]}
            >
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="from" label={t('terminals.retry.from')} rules={[{ required: true, message: t('office.required') }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="to" label={t('terminals.retry.to')} rules={[{ required: true, message: t('office.required') }]}>
              <Input type="date" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** What the retry did, line by line: stored, or still not stored and why (the service's sentence). */
export function RetryResultModal({ result, devices, onClose }: { result: RetryResult | null; devices?: Device[]; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const names = new Map((devices ?? []).map((device) => [device.id, device.name]));
  return (
    <Modal open={result !== null} title={t('terminals.retry.resultTitle')} onCancel={onClose} onOk={onClose} okText={t('action.close')} cancelButtonProps={{ style: { display: 'none' } }} width={860} destroyOnHidden>
      {result ? (
        <>
          <p data-testid="retry-summary">{result.retried === 0 ? t('terminals.retry.nothing') : t('terminals.retry.summary', { retried: result.retried, stored: result.stored, stillRejected: result.stillRejected })}</p>
          {result.retried > 0 ? (
            <ScrollBox label={t('terminals.retry.resultTitle')}>
              <Table<RetriedLine>
                className="office-table"
                size="small"
                rowKey={(line) => `${line.deviceId}|${line.line}`}
                dataSource={result.lines}
                pagination={result.lines.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                locale={{ emptyText: <Empty>{t('terminals.retry.nothing')}</Empty> }}
                columns={[
                  ...(devices ? [{ title: t('terminals.retry.device.column'), dataIndex: 'deviceId', render: (id: string) => names.get(id) ?? id }] : []),
                  { title: t('office.devices.field.line'), dataIndex: 'line', render: (text: string) => <code className="office-mono">{text}</code> },
                  {
                    title: t('terminals.retry.result'),
                    dataIndex: 'result',
                    render: (outcome: RetriedLine['result'], line) =>
                      outcome === 'stored' ? (
                        <OfficeTag tone="good">{t('terminals.retry.stored')}</OfficeTag>
                      ) : (
                        <div>
                          <OfficeTag tone="bad">{t('terminals.retry.stillRejected')}</OfficeTag>
                          <div>{(line.reason && errorSentence(language, line.reason)) ?? line.message ?? ''}</div>
                        </div>
                      ),
                  },
                ]}
              />
            </ScrollBox>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
