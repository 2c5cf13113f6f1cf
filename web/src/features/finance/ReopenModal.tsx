import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { useT } from '../../i18n';
import { applyFieldErrors, ErrorAlert } from '../../lib/errors';

/** Reopening a closed month needs a reason (it is kept with the snapshot, which stays as it was). */
export function ReopenModal({ month, onClose }: { month: string; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const reopen = useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/months/{month}/reopen', { params: { path: { month } }, body: { reason } })),
    onSuccess: () => {
      void message.success(t('fin.months.reopened', { month }));
      void queryClient.invalidateQueries({ queryKey: ['months'] });
      void queryClient.invalidateQueries({ queryKey: ['report', month] });
      onClose();
    },
    onError: (error) => {
      const unplaced = applyFieldErrors(form, error);
      setFailure(error instanceof ApiError && error.body.details.length > 0 && unplaced.length === 0 ? null : error);
    },
  });
  return (
    <Modal
      open
      title={t('fin.months.reopenTitle', { month })}
      okText={t('fin.months.reopen')}
      cancelText={t('action.cancel')}
      okButtonProps={{ danger: true, loading: reopen.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" className="fin-modal-note">
          {t('fin.months.reopenNote')}
        </Typography.Paragraph>
        {failure ? <ErrorAlert error={failure} /> : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ reason: '' }}
          onFinish={(values) => {
            setFailure(null);
            reopen.mutate(values.reason.trim());
          }}
        >
          <Form.Item
            name="reason"
            label={t('field.reason')}
            rules={[
              { required: true, whitespace: true, message: t('fin.months.reasonRequired') },
              { min: 3, message: t('fin.months.reasonShort') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}
