import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { RostersHomeTile } from './RostersHomeTile';
// The save-location picker used by the roster exports lives in the files feature.
import '../files';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

const RostersPage = lazy(() => import('./RostersPage').then((m) => ({ default: m.RostersPage })));

registerFeature({
  id: 'rosters',
  translations: { en, fr, es, ar },
  nav: [{ path: '/rosters', labelKey: 'nav', order: 42, element: RostersPage }],
  homeTiles: [{ id: 'rosters.board', order: 14, element: RostersHomeTile }],
});
