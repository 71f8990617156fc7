import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { MovementsHomeTile } from './MovementsHomeTile';
import '../files';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

const MovementsPage = lazy(() => import('./MovementsPage').then((m) => ({ default: m.MovementsPage })));

registerFeature({
  id: 'movements',
  translations: { en, fr, es, ar },
  nav: [{ path: '/movements', labelKey: 'nav', order: 42, element: MovementsPage }],
  homeTiles: [{ id: 'movements.board', order: 5, element: MovementsHomeTile }],
});
