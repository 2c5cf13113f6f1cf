import { Drawer } from 'antd';
import { useMe } from '../auth/session';
import NavMenu from './NavMenu';
import { RoleTags } from './RoleTags';

/** The phone's menu: a drawer from the left with who is signed in and the same menu as the desktop's side bar. */
export default function NavDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  return (
    <Drawer open={open} onClose={onClose} placement="left" size={260} title={<span>{me.name} <RoleTags /></span>}>
      <NavMenu onNavigate={onClose} />
    </Drawer>
  );
}
