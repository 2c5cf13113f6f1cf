import { Button, Popconfirm } from 'antd';
import { type MessageKey, useT } from '../../../i18n';

/** Files an approved request with HR (H-ORG-4, 备案), after a confirmation that says what filing does. */
export function FileButton({ body, onConfirm }: { body: MessageKey; onConfirm: () => Promise<unknown> }) {
  const t = useT();
  return (
    <Popconfirm
      title={t('admin.requests.fileTitle')}
      description={t(body)}
      okText={t('admin.requests.file')}
      cancelText={t('action.cancel')}
      onConfirm={() => onConfirm().catch(() => undefined)}
    >
      <Button size="small" type="primary">
        {t('admin.requests.file')}
      </Button>
    </Popconfirm>
  );
}
