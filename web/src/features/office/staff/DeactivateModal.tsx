import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { todayIn } from '../../../lib/time';
import { showFormErrors } from '../form-errors';

type Staff = Schemas['StaffDto'];

/**
 * Ends someone's employment on their last working day. Nobody is deleted, but they can no longer
 * sign in, their sessions end, and the days after leftOn stop counting: said before it happens.
 */
export function DeactivateModal({ staff, open, onClose }: { staff: Staff; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { timeZone } = useCompany();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ leftOn: string }>();
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (open) {
      form.setFieldsValue({ leftOn: todayIn(timeZone) });
      setFailure(null);
    }
  }, [open, form, timeZone]);

  const save = useMutation({
    mutationFn: (leftOn: string) => unwrap(api.POST('/staff/{id}/deactivate', { params: { path: { id: staff.id } }, body: { leftOn } })),
    onSuccess: () => {
      void message.success(t('office.staff.deactivated', { name: staff.name }));
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
      onClose();
    },
    onError: (error) => setFailure(showFormErrors(form, error) ? null : error),
  });

  return (
    <Modal
      open={open}
      title={t('office.staff.deactivateTitle', { name: staff.name })}
      okText={t('office.staff.deactivate')}
      okButtonProps={{ danger: true }}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('office.staff.deactivateWarning')} style={{ marginBottom: 16 }} />
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values.leftOn)}>
        <Form.Item name="leftOn" label={t('office.staff.field.leftOn')} extra={t('office.staff.leftOnHelp')} rules={[{ required: true, message: t('office.required') }]}>
          <Input type="date" min={staff.hiredOn} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
