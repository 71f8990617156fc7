// Fonts are bundled: no system-font assumptions, and nothing fetched from a font server.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/500.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/500.css';
import '@fontsource/noto-sans-arabic/600.css';
import '@fontsource/noto-sans-arabic/700.css';
import './app/theme.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
// Registers every feature (and its translations) before i18n and the router read the registry.
import './features';
import { App } from './app/App';
import { initI18n } from './app/i18n';
import { VigilQueryProvider } from './lib/queries';

// Community modules only (no Enterprise, no licence key), registered once for every grid in the app.
ModuleRegistry.registerModules([AllCommunityModule]);
initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <VigilQueryProvider>
      <App />
    </VigilQueryProvider>
  </StrictMode>,
);
