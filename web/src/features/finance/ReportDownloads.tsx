import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useLanguage, useT } from '../../i18n';
import { downloadFile } from '../../lib/download';
import { useErrorText } from '../../lib/errors';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';

/**
 * The report's exports (GET /reports/monthly ?format=xlsx|csv&lang=): the workbook in the reader's
 * language (汇总 and 考勤表 sheets), CSV with Chinese or English headers — payroll tools differ.
 */
export function ReportDownloads({ month }: { month: string }) {
  const t = useT();
  const language = useLanguage();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);

  const download = async (key: string, format: 'xlsx' | 'csv', lang: 'zh-CN' | 'en') => {
    setBusy(key);
    try {
      const query = new URLSearchParams({ month, format, lang });
      await downloadFile(`/reports/monthly?${query}`, format === 'xlsx' ? XLSX : CSV, `kaoqin-${month}.${format}`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap>
      <Button type="primary" icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void download('xlsx', 'xlsx', language)}>
        {t('fin.download.xlsx')}
      </Button>
      <Dropdown
        menu={{
          items: [
            { key: 'csv-zh', label: t('fin.download.csvZh') },
            { key: 'csv-en', label: t('fin.download.csvEn') },
          ],
          onClick: ({ key }) => void download(key, 'csv', key === 'csv-en' ? 'en' : 'zh-CN'),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={busy?.startsWith('csv')}>
          {t('fin.download.csv')}
        </Button>
      </Dropdown>
    </Space>
  );
}
