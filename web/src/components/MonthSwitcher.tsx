import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useLanguage, useT } from '../i18n';
import { addMonths } from '../lib/time';

/** ‹ 2026年11月 › — the month a page shows, kept in the URL by the caller so that a link or reload keeps it. */
export function MonthSwitcher({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const label = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <Space.Compact>
      <Button icon={<LeftOutlined />} aria-label={t('month.previous')} onClick={() => onChange(addMonths(month, -1))} />
      <Button className="month-label" aria-live="polite">
        {label}
      </Button>
      <Button icon={<RightOutlined />} aria-label={t('month.next')} onClick={() => onChange(addMonths(month, 1))} />
    </Space.Compact>
  );
}
