import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's red (#ff4d4f) fails 4.5:1 against white, both as a reject button's text and as a field
 * error: these screens use a darker red that passes (5.9:1), inheriting the rest of the theme.
 */
export function ReadableDanger({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={{ token: { colorError: '#c0262d' } }}>{children}</ConfigProvider>;
}
