import { type RefObject, useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body, .ant-table-tbody-virtual-holder';

/**
 * A wide table scrolls sideways inside its own box; a keyboard user can scroll it only if the box
 * takes focus (WCAG 2.1.1, axe "scrollable-region-focusable"). antd gives no prop for that, so the
 * scrolling boxes inside `ref` get tabindex 0 and a name, also when antd creates them later
 * (virtual lists, tabs opened afterwards).
 */
export function useKeyboardScroll(ref: RefObject<HTMLElement | null>, label: string): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () => {
      for (const box of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
        if (box.getAttribute('tabindex') !== '0') box.setAttribute('tabindex', '0');
        if (box.getAttribute('aria-label') !== label) box.setAttribute('aria-label', label);
        if (box.getAttribute('role') !== 'region') box.setAttribute('role', 'region');
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref, label]);
}
