import { Tag } from 'antd';
import { audiencesOf, useMe } from '../auth/session';
import { type MessageKey, useT } from '../i18n';
import { AUDIENCE_ORDER } from './audience-order';

/** The signed-in person's roles, as the header and the phone's drawer show them. */
export function RoleTags() {
  const me = useMe();
  const t = useT();
  const audiences = audiencesOf(me);
  return (
    <>
      {AUDIENCE_ORDER.filter((audience) => audiences.has(audience)).map((audience) => (
        <Tag key={audience} color={audience === 'employee' ? 'default' : 'blue'}>
          {t(`role.${audience}` as MessageKey)}
        </Tag>
      ))}
    </>
  );
}
