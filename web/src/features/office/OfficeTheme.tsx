import { App, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * The office pages have many "cannot be undone lightly" buttons, which antd paints in its error red
 * #ff4d4f: under 4.5:1 on white and with white text. A darker red passes both ways. The nested App
 * puts this page's confirmations and messages inside the same theme.
 */
export function OfficeTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { colorError: '#c62828' } }}>
      <App component={false}>{children}</App>
    </ConfigProvider>
  );
}
