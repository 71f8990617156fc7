import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { RisksHomeTile } from './RisksHomeTile';
import { RiskMatrixSettings } from './RiskMatrixSettings';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

// The page pulls in AG Grid: load it on first visit, not at start-up.
const RisksPage = lazy(() => import('./RisksPage').then((m) => ({ default: m.RisksPage })));

registerFeature({
  id: 'risks',
  translations: { en, fr, es, ar },
  nav: [{ path: '/risks', labelKey: 'nav', order: 40, element: RisksPage }],
  homeTiles: [{ id: 'risks.summary', order: 30, element: RisksHomeTile }],
  settingsPanels: [{ id: 'risks.matrix', order: 40, titleKey: 'settings.title', element: RiskMatrixSettings }],
});
