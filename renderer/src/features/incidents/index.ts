import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { IncidentsHomeTile } from './IncidentsHomeTile';
import { ReportingSettings } from './ReportingSettings';
import { TaxonomySettings } from './TaxonomySettings';
import '../files';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

const StatisticsPage = lazy(() => import('./StatisticsPage').then((m) => ({ default: m.StatisticsPage })));
const IncidentsPage = lazy(() => import('./IncidentsPage').then((m) => ({ default: m.IncidentsPage })));

registerFeature({
  id: 'incidents',
  translations: { en, fr, es, ar },
  nav: [
    { path: '/incidents', labelKey: 'nav', order: 20, element: IncidentsPage },
    { path: '/incident-statistics', labelKey: 'stats.nav', order: 21, element: StatisticsPage },
  ],
  homeTiles: [{ id: 'incidents.lastWeek', order: 10, element: IncidentsHomeTile }],
  settingsPanels: [
    { id: 'incidents.reporting', order: 30, titleKey: 'reporting.settingsTitle', element: ReportingSettings },
    { id: 'incidents.taxonomy', order: 31, titleKey: 'taxonomy.settingsTitle', element: TaxonomySettings },
  ],
});
