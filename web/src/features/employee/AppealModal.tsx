import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { placeErrors } from './shared';

/** Appealing a disciplinary record with my statement; the office then upholds or withdraws it. */
export function AppealModal({ recordId, onClose }: { recordId: string | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ statement: string }>();
  const [failure, setFailure] = useState<unknown>(null);
  const appeal = useMutation({
    mutationFn: (statement: string) => unwrap(api.POST('/disciplinary-records/{id}/appeal', { params: { path: { id: recordId! } }, body: { statement } })),
    onSuccess: () => {
      void message.success(t('records.appealed'));
      void queryClient.invalidateQueries({ queryKey: ['disciplinary-records'] });
      close();
    },
    onError: (error) => setFailure(placeErrors(form, error)),
  });
  const close = () => {
    form.resetFields();
    setFailure(null);
    onClose();
  };
  return (
    <Modal
      open={!!recordId}
      title={t('records.appealTitle')}
      okText={t('records.appealSubmit')}
      cancelText={t('action.cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={appeal.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ statement: '' }} onFinish={(v) => appeal.mutate(v.statement.trim())}>
        <Form.Item
          name="statement"
          label={t('records.statement')}
          extra={t('records.statementHelp')}
          rules={[
            { required: true, whitespace: true, message: t('records.statementRequired') },
            { min: 3, message: t('records.statementShort') },
          ]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        {failure ? <ErrorAlert error={failure} /> : null}
      </Form>
    </Modal>
  );
}
