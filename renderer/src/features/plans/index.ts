import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { PlansHomeTile } from './PlansHomeTile';
// The save-location picker used to download a version lives in the files feature, with its own translations.
import '../files';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

const PlansPage = lazy(() => import('./PlansPage').then((m) => ({ default: m.PlansPage })));

registerFeature({
  id: 'plans',
  translations: { en, fr, es, ar },
  nav: [{ path: '/plans', labelKey: 'nav', order: 36, element: PlansPage }],
  homeTiles: [{ id: 'plans.overdue', order: 36, element: PlansHomeTile }],
});
