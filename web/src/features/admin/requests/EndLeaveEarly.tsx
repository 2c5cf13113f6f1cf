import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { todayIn } from '../../../lib/time';
import { bannerAfter, StaffName } from '../shared';

type Leave = Schemas['LeaveRequestDto'];
type Values = { returnedOn: string; comment: string };

/**
 * Ends approved leave that has started (销假): the office (or the supervisor, through the API) says
 * on which day the person came back. The days before stay leave and stay taken from the balance;
 * from that day on they are given back and judged by the punches. The leave's first day means it
 * did not happen at all.
 */
export function EndLeaveEarly({ leave, span, onClose }: { leave: Leave | null; span: string; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { timeZone } = useCompany();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);

  useEffect(() => {
    if (!leave) return;
    const today = todayIn(timeZone);
    // Today while the leave lasts; for leave that is over, its first day (it did not happen), as the service defaults.
    form.setFieldsValue({ returnedOn: today <= leave.endDate ? today : leave.startDate, comment: '' });
    setBanner(null);
  }, [leave, form, timeZone]);

  const end = useMutation({
    mutationFn: (values: Values) =>
      unwrap(api.POST('/leave-requests/{id}/cancel', { params: { path: { id: leave!.id } }, body: { returnedOn: values.returnedOn, comment: values.comment.trim() || undefined } })),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['leave-requests'] });
      void queryClient.invalidateQueries({ queryKey: ['leave-balances'] });
      void queryClient.invalidateQueries({ queryKey: ['attendance'] });
      void message.success(answer.takenUntil ? t('admin.requests.endedEarly', { until: answer.takenUntil }) : t('admin.requests.voided'));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });

  return (
    <Modal
      open={!!leave}
      title={t('admin.requests.endEarlyTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.requests.endEarlyOk')}
      okButtonProps={{ danger: true }}
      cancelText={t('action.cancel')}
      confirmLoading={end.isPending}
      destroyOnHidden
    >
      {leave ? (
        <Alert
          type="info"
          showIcon
          className="admin-gap-bottom"
          title={
            <>
              <StaffName id={leave.staffId} /> · {span}
            </>
          }
          description={t('admin.requests.endEarlyBody')}
        />
      ) : null}
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => end.mutate(values)}>
        <Form.Item
          name="returnedOn"
          label={t('admin.requests.returnedOn')}
          extra={t('admin.requests.returnedOnHelp')}
          rules={[{ required: true, message: t('admin.form.required') }]}
        >
          <Input type="date" min={leave?.startDate} max={leave?.endDate} />
        </Form.Item>
        <Form.Item name="comment" label={t('field.comment')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
