import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { ReportLogoSettings } from './ReportLogoSettings';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

const ReportsPage = lazy(() => import('./ReportsPage').then((m) => ({ default: m.ReportsPage })));

registerFeature({
  id: 'reports',
  translations: { en, fr, es, ar },
  nav: [{ path: '/reports', labelKey: 'nav', order: 90, element: ReportsPage }],
  settingsPanels: [{ id: 'reports.logo', order: 20, titleKey: 'logo.title', element: ReportLogoSettings }],
});
