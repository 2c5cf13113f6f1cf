import { TableOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useId } from 'react';
import { useT } from '../../i18n';
import type { Group, GroupKey } from './report-columns';

/**
 * Which of the report's column groups the summary shows (DingTalk's report has the same choice):
 * a button that opens a list of the groups, each with its number of columns. The downloads are not
 * affected; they always carry every column.
 */
export function ColumnChooser({ groups, shown, onChange }: { groups: Group[]; shown: GroupKey[]; onChange: (groups: GroupKey[]) => void }) {
  const t = useT();
  const intro = useId();
  const all = groups.reduce((sum, group) => sum + group.measures.length, 0);
  const visible = groups.filter((group) => shown.includes(group.key)).reduce((sum, group) => sum + group.measures.length, 0);
  const content = (
    <div className="fin-columns" role="group" aria-describedby={intro}>
      <p id={intro} className="fin-columns-intro">
        {t('fin.columns.intro')}
      </p>
      <Checkbox.Group
        className="fin-columns-list"
        value={shown}
        onChange={(values) => onChange(values as GroupKey[])}
        options={groups.map((group) => ({ value: group.key, label: `${group.title} (${group.measures.length})` }))}
      />
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomLeft" content={content}>
      <Button icon={<TableOutlined />}>
        {t('fin.columns.button')} · {t('fin.columns.count', { shown: visible, all })}
      </Button>
    </Popover>
  );
}
