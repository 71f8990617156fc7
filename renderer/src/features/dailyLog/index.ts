import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { DailyLogHomeTile } from './DailyLogHomeTile';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

const DailyLogPage = lazy(() => import('./DailyLogPage').then((m) => ({ default: m.DailyLogPage })));

registerFeature({
  id: 'dailyLog',
  translations: { en, fr, es, ar },
  // Right after incidents (20) and their statistics (21).
  nav: [{ path: '/daily-log', labelKey: 'nav', order: 22, element: DailyLogPage }],
  homeTiles: [{ id: 'dailyLog.today', order: 11, element: DailyLogHomeTile }],
});
