import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { MsrHomeTile } from './MsrHomeTile';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

const MsrPage = lazy(() => import('./MsrPage').then((m) => ({ default: m.MsrPage })));

registerFeature({
  id: 'msr',
  translations: { en, fr, es, ar },
  nav: [{ path: '/msr', labelKey: 'nav', order: 45, element: MsrPage }],
  homeTiles: [{ id: 'msr.compliance', order: 35, element: MsrHomeTile }],
});
