import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLanguage } from './i18n';
import { currentLanguage } from './i18n/language-store';
import 'antd/dist/antd.css';
import './styles.css';

// Someone who chose English gets its catalogue before the first paint, never a flash of Chinese.
// The first render as a transition: React renders it in slices of a few milliseconds and lets the
// browser breathe between them, instead of one long task that freezes a slow phone's first tap.
void loadLanguage(currentLanguage()).then(() => {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
});
