import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { audiencesOf, useMe } from '../../auth/session';
import { useT } from '../../i18n';
import { applyFieldErrors, ErrorAlert, useErrorText } from '../../lib/errors';
import { attestationSentence } from './attestation';

type Item = Schemas['ApprovalItemDto'];
type Exemption = Schemas['ExemptionDto'];
export type Decision = 'approve' | 'reject';

/** The request being decided, with what the dialog shows of it. */
export interface Deciding {
  item: Item;
  decision: Decision;
  /** The business trip, for its certification sentence (exemptions only). */
  exemption?: Exemption;
  /** What is decided, in the reader's language: "Personal leave · Mon 23 Nov – Tue 24 Nov · 2 working days". */
  description: string;
}

interface Props extends Deciding {
  onClose: () => void;
}

interface Values {
  comment?: string;
  attest?: boolean;
  capOverrideReason?: string;
}

/**
 * Approve or reject with a comment. Signing a business trip shows the exact sentence the service
 * records and needs it ticked first: the supervisor shares the liability (H-ATT-9). Overtime beyond
 * a cap of 劳动法第41条 is refused in the service's sentence; an administrator may then approve it
 * with a reason, which the form asks for.
 */
export function DecisionModal({ item, decision, exemption, description, onClose }: Props) {
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<unknown>(null);
  // The service's refusal of overtime beyond a cap: its sentence, and for an administrator the reason to go on.
  const [overCap, setOverCap] = useState<string | null>(null);
  const mayOverride = audiencesOf(me).has('admin');
  const attest = Form.useWatch('attest', form);
  const signing = decision === 'approve' && item.kind === 'exemption';
  const sentence =
    signing && exemption
      ? attestationSentence({
          supervisor: me.name,
          supervisorNo: me.employeeNo,
          employee: item.staffName,
          employeeNo: item.employeeNo,
          date: exemption.date,
          from: exemption.from,
          to: exemption.to,
          destination: exemption.destination,
        })
      : null;

  const decide = useMutation({
    mutationFn: async (values: Values): Promise<unknown> => {
      const comment = values.comment?.trim() || undefined;
      const id = { params: { path: { id: item.id } } };
      if (item.kind === 'leave') {
        return decision === 'approve'
          ? unwrap(api.POST('/leave-requests/{id}/approve', { ...id, body: { comment } }))
          : unwrap(api.POST('/leave-requests/{id}/reject', { ...id, body: { comment } }));
      }
      if (item.kind === 'overtime') {
        const capOverrideReason = overCap && mayOverride ? values.capOverrideReason?.trim() : undefined;
        return decision === 'approve'
          ? unwrap(api.POST('/overtime-requests/{id}/approve', { ...id, body: { comment, ...(capOverrideReason ? { capOverrideReason } : {}) } }))
          : unwrap(api.POST('/overtime-requests/{id}/reject', { ...id, body: { comment } }));
      }
      if (item.kind === 'punch_correction') {
        return decision === 'approve'
          ? unwrap(api.POST('/punch-corrections/{id}/approve', { ...id, body: { comment } }))
          : unwrap(api.POST('/punch-corrections/{id}/reject', { ...id, body: { comment } }));
      }
      return decision === 'approve'
        ? unwrap(api.POST('/exemptions/{id}/approve', { ...id, body: { attest: true, comment } }))
        : unwrap(api.POST('/exemptions/{id}/reject', { ...id, body: { comment } }));
    },
    onSuccess: () => {
      void message.success(t(decision === 'approve' ? 'sup.decision.approved' : 'sup.decision.rejected', { name: item.staffName }));
      // The inbox, the person's month and every report now differ.
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
      void queryClient.invalidateQueries({ queryKey: ['attendance', item.staffId] });
      void queryClient.invalidateQueries({ queryKey: ['report-grid'] });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'OVERTIME_CAP_EXCEEDED') {
        setOverCap(errorText(error));
        setFailure(null);
        return;
      }
      const unplaced = applyFieldErrors(form, error);
      // Errors about the request as a whole (SELF_APPROVAL, NOT_DIRECT_SUPERVISOR, STATE_CHANGED …) go above the form.
      const allBesideFields = error instanceof ApiError && error.body.details.length > 0 && unplaced.length === 0;
      setFailure(allBesideFields ? null : error);
      // Someone acted first: the inbox behind the dialog shows the request as it is now.
      if (error instanceof ApiError && error.code === 'STATE_CHANGED') void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    },
  });

  const title = t(decision === 'approve' ? (signing ? 'sup.decision.signTitle' : 'sup.decision.approveTitle') : 'sup.decision.rejectTitle', { name: item.staffName });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={t(decision === 'approve' ? (signing ? 'sup.action.sign' : 'sup.action.approve') : 'sup.action.reject')}
      okButtonProps={{ danger: decision === 'reject', disabled: signing && (!attest || !sentence), loading: decide.isPending }}
      cancelText={t('action.cancel')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {failure ? <ErrorAlert error={failure} /> : null}
        {overCap ? <Alert type="error" showIcon role="alert" title={overCap} description={mayOverride ? t('ot.overrideHelp') : undefined} /> : null}
        <Typography.Paragraph className="sup-decision-summary">{description}</Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ comment: '', attest: false }}
          onFinish={(values) => {
            setFailure(null);
            decide.mutate(values);
          }}
        >
          {sentence ? (
            <>
              <Typography.Text strong>{t('sup.attest.heading')}</Typography.Text>
              <blockquote className="sup-attestation" lang="en">
                {sentence}
              </blockquote>
              <Typography.Paragraph type="secondary" className="sup-attestation-note">
                {t('sup.attest.note')}
              </Typography.Paragraph>
              <Form.Item name="attest" valuePropName="checked" rules={[{ validator: (_, value) => (value ? Promise.resolve() : Promise.reject(new Error(t('sup.attest.required')))) }]}>
                <Checkbox>{t('sup.attest.checkbox')}</Checkbox>
              </Form.Item>
            </>
          ) : null}
          {overCap && mayOverride ? (
            <Form.Item name="capOverrideReason" label={t('ot.overrideReason')} rules={[{ required: true, whitespace: true, min: 3, message: t('ot.overrideMin') }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="comment"
            label={t('field.comment')}
            extra={decision === 'reject' ? t('sup.decision.rejectHint') : undefined}
            rules={[
              { max: 1000, message: t('sup.decision.commentTooLong') },
              ...(decision === 'reject' ? [{ required: true, whitespace: true, message: t('sup.decision.commentRequired') }] : []),
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}
