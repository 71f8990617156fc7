import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { PhaseHomeTile } from './PhaseHomeTile';
import { PhaseScaleSettings } from './PhaseScaleSettings';
import './areas.css';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

// The page is loaded on first visit; the Home tile and the settings panel are small and shown early.
const AreasPage = lazy(() => import('./AreasPage').then((m) => ({ default: m.AreasPage })));

registerFeature({
  id: 'areas',
  translations: { en, fr, es, ar },
  nav: [{ path: '/areas', labelKey: 'nav', order: 20, element: AreasPage }],
  homeTiles: [{ id: 'areas.phases', order: 10, element: PhaseHomeTile }],
  settingsPanels: [{ id: 'areas.phaseScale', order: 30, titleKey: 'scale.title', element: PhaseScaleSettings }],
});
