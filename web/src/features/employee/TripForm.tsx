import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { placeErrors } from './shared';

interface Values {
  date?: string;
  extent: 'day' | 'hours';
  from?: string;
  to?: string;
  destination?: string;
  reason?: string;
}

const INITIAL: Values = { date: undefined, extent: 'day', from: '', to: '', destination: '', reason: '' };

/**
 * Asking for a business-trip exemption (因公外出, H-ATT-8): a whole day or some hours of it, where
 * and why. It excuses nothing until my supervisor signs it; it may be asked before or after the day.
 */
export function TripForm() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const extent = Form.useWatch('extent', form);

  const send = useMutation({
    mutationFn: (body: { date: string; from: string | null; to: string | null; destination: string; reason: string }) => unwrap(api.POST('/exemptions', { body })),
    onSuccess: () => {
      void message.success(t('trips.sent'));
      form.resetFields();
      setFailure(null);
      void queryClient.invalidateQueries({ queryKey: ['exemptions'] });
    },
    onError: (error) => setFailure(placeErrors(form, error)),
  });

  const submit = (v: Values) =>
    send.mutate({
      date: v.date!,
      from: v.extent === 'hours' ? v.from! : null,
      to: v.extent === 'hours' ? v.to! : null,
      destination: v.destination!.trim(),
      reason: v.reason!.trim(),
    });

  return (
    <Form<Values> form={form} layout="vertical" initialValues={INITIAL} onFinish={submit} className="employee-form">
      <Alert type="info" showIcon title={t('trips.help')} className="employee-form-help" />
      <Form.Item name="date" label={t('field.date')} rules={[{ required: true, message: t('leave.dateRequired') }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="extent" label={t('trips.extent')}>
        <Radio.Group optionType="button" options={[{ value: 'day', label: t('trips.wholeDay') }, { value: 'hours', label: t('trips.someHours') }]} />
      </Form.Item>
      {extent === 'hours' ? (
        <div className="employee-form-row">
          <Form.Item name="from" label={t('field.from')} rules={[{ required: true, message: t('trips.timeRequired') }]}>
            <Input type="time" />
          </Form.Item>
          <Form.Item
            name="to"
            label={t('field.to')}
            dependencies={['from']}
            rules={[
              { required: true, message: t('trips.timeRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value?: string) => (value && getFieldValue('from') && value <= getFieldValue('from') ? Promise.reject(new Error(t('trips.toAfterFrom'))) : Promise.resolve()),
              }),
            ]}
          >
            <Input type="time" />
          </Form.Item>
        </div>
      ) : null}
      <Form.Item name="destination" label={t('trips.destination')} rules={[{ required: true, whitespace: true, message: t('trips.destinationRequired') }]}>
        <Input maxLength={200} placeholder={t('trips.destinationPlaceholder')} />
      </Form.Item>
      <Form.Item name="reason" label={t('trips.reason')} rules={[{ required: true, whitespace: true, message: t('trips.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Button type="primary" htmlType="submit" loading={send.isPending} block>
        {t('trips.submit')}
      </Button>
    </Form>
  );
}
