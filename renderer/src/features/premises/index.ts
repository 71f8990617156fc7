import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { PremisesHomeTile } from './PremisesHomeTile';
// The save-location picker used by the export lives in the files feature, with its own translations.
import '../files';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

// The page pulls in AG Grid: load it on first visit, not at start-up.
const PremisesPage = lazy(() => import('./PremisesPage').then((m) => ({ default: m.PremisesPage })));

registerFeature({
  id: 'premises',
  translations: { en, fr, es, ar },
  nav: [{ path: '/premises', labelKey: 'nav', order: 30, element: PremisesPage }],
  homeTiles: [{ id: 'premises.summary', order: 20, element: PremisesHomeTile }],
});
