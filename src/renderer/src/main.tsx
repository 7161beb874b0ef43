import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './fonts';
import './styles.css';
import { App } from './app/App';
import { QueryProvider } from './app/QueryProvider';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryProvider>
      <App />
    </QueryProvider>
  </StrictMode>,
);
