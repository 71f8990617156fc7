import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { InspectionsHomeTile } from './InspectionsHomeTile';
// The save-location picker used by report and grid exports lives in the files feature.
import '../files';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

// The page pulls in AG Grid: load it on first visit, not at start-up.
const InspectionsPage = lazy(() => import('./InspectionsPage').then((m) => ({ default: m.InspectionsPage })));

registerFeature({
  id: 'inspections',
  translations: { en, fr, es, ar },
  nav: [{ path: '/inspections', labelKey: 'nav', order: 35, element: InspectionsPage }],
  homeTiles: [{ id: 'inspections.board', order: 25, element: InspectionsHomeTile }],
});
