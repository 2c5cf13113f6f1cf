import type { ThemeConfig } from 'antd';

/**
 * DingTalk-like blue, darkened until text and links on white pass WCAG AA (4.5:1) — antd's own
 * #1677ff does not for small text. Chinese system fonts first so characters never fall back to boxes.
 */
export const theme: ThemeConfig = {
  // antd's styles come from its prebuilt stylesheet (imported in main.tsx), not generated in the
  // browser on every first render: the tokens below still apply, through CSS variables.
  zeroRuntime: true,
  token: {
    colorPrimary: '#1554ad',
    colorLink: '#1554ad',
    // Hovered and pressed links and buttons darken instead of antd's lighter tints (#588dc7 is 3.5:1).
    colorLinkHover: '#0f3f82',
    colorLinkActive: '#0b2f63',
    colorPrimaryHover: '#0f3f82',
    colorPrimaryActive: '#0b2f63',
    // antd's #ff4d4f is 3.2:1 on white: danger buttons, their white text and field errors need 4.5:1.
    colorError: '#c62828',
    // Hovered and pressed danger buttons darken too (antd's lighter tint puts white text at 4.1:1).
    colorErrorHover: '#a31b1b',
    colorErrorActive: '#8a1616',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    borderRadius: 8,
  },
};

/**
 * One colour per day status (AttendanceDayDto.status) and per grid code (√ 迟 旷 早 事 病 婚 丧 差 休 值 待),
 * the same on the calendar, the grid and their legends; every pair passes 4.5:1.
 */
export const STATUS_COLOURS: Record<string, { background: string; text: string }> = {
  present: { background: '#e8f5e9', text: '#1b5e20' },
  late: { background: '#fff3e0', text: '#8a4b00' },
  absent: { background: '#ffebee', text: '#b71c1c' },
  leave: { background: '#e3f2fd', text: '#0d47a1' },
  exempt: { background: '#ede7f6', text: '#4527a0' },
  holiday: { background: '#fce4ec', text: '#880e4f' },
  rest: { background: '#f3f4f6', text: '#374151' },
  pending: { background: '#fffde7', text: '#5d4a00' },
  not_employed: { background: '#ffffff', text: '#4b5563' },
};

/** The grid's one-character codes mapped to the status whose colour they take. */
export const GRID_CODE_STATUS: Record<string, string> = {
  '√': 'present', 迟: 'late', 早: 'late', 旷: 'absent', 事: 'leave', 病: 'leave', 婚: 'leave', 丧: 'leave', 差: 'exempt', 休: 'rest', 值: 'present', 待: 'pending', '': 'not_employed',
};
