import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLanguage } from './i18n';
import { currentLanguage } from './i18n/language-store';
import './styles.css';

// Someone who chose English gets its catalogue before the first paint, never a flash of Chinese.
void loadLanguage(currentLanguage()).then(() =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
