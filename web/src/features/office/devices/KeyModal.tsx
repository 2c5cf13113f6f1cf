import { Alert, Button, Modal, Typography } from 'antd';
import { useT } from '../../../i18n';

/**
 * A device key, the one time it is ever shown: the service stores only its hash. The modal cannot be
 * dismissed by a stray click outside it; closing it is a deliberate "I have copied it".
 */
export function KeyModal({ device, onClose }: { device: { name: string; serialNumber: string; apiKey: string } | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      open={!!device}
      title={t('office.devices.keyTitle', { name: device?.name ?? '' })}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={<Button type="primary" onClick={onClose}>{t('office.devices.keySaved')}</Button>}
    >
      <Alert type="warning" showIcon title={t('office.devices.keyOnce')} description={t('office.devices.keyOnceBody')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>{t('office.devices.keyFor', { serial: device?.serialNumber ?? '' })}</Typography.Paragraph>
      <Typography.Paragraph className="office-key" copyable={{ text: device?.apiKey ?? '', tooltips: [t('office.devices.copy'), t('office.devices.copied')] }}>
        <span className="office-mono" data-testid="device-key">
          {device?.apiKey}
        </span>
      </Typography.Paragraph>
      <Typography.Paragraph className="office-muted">{t('office.devices.keyHeader')}</Typography.Paragraph>
    </Modal>
  );
}
