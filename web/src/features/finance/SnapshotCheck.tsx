import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';

async function sha256Hex(bytes: ArrayBuffer): Promise<string | null> {
  // crypto.subtle exists only in secure contexts (HTTPS, localhost); elsewhere the header alone is compared.
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Fetches the closed snapshot (GET /months/{month}/report) and checks that its bytes, the service's
 * X-Content-SHA256 header and the hash recorded at the close all agree.
 */
export function SnapshotCheck({ month, expected }: { month: string; expected: string }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    try {
      let header = '';
      const bytes = await unwrap(
        api.GET('/months/{month}/report', { params: { path: { month } }, parseAs: 'arrayBuffer' }).then((answer) => {
          header = answer.response.headers.get('X-Content-SHA256') ?? '';
          return answer;
        }),
      );
      const computed = await sha256Hex(bytes as unknown as ArrayBuffer);
      const same = header === expected && (computed === null || computed === expected);
      if (same) void message.success(t('fin.months.checkOk', { month }));
      else void message.error(t('fin.months.checkFailed', { month }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void check()}>
      {t('fin.months.check')}
    </Button>
  );
}
