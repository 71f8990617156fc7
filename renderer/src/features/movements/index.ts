import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { MovementsHomeTile } from './MovementsHomeTile';
import { MovementsHeaderAlarm } from './MovementsHeaderAlarm';
import { VehiclesRadioHomeTile } from './VehiclesRadioHomeTile';
import { RollCallSettings } from './RollCallSettings';
import '../files';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

const MovementsPage = lazy(() => import('./MovementsPage').then((m) => ({ default: m.MovementsPage })));
const VehiclesPage = lazy(() => import('./VehiclesPage').then((m) => ({ default: m.VehiclesPage })));
const RollCallPage = lazy(() => import('./RollCallPage').then((m) => ({ default: m.RollCallPage })));

registerFeature({
  id: 'movements',
  translations: { en, fr, es, ar },
  nav: [
    { path: '/movements', labelKey: 'nav', order: 42, element: MovementsPage },
    { path: '/vehicles', labelKey: 'vehicles.nav', order: 43, element: VehiclesPage },
    { path: '/roll-call', labelKey: 'rollCall.nav', order: 44, element: RollCallPage },
  ],
  homeTiles: [
    { id: 'movements.board', order: 5, element: MovementsHomeTile },
    { id: 'movements.vehiclesRadio', order: 6, element: VehiclesRadioHomeTile },
  ],
  settingsPanels: [{ id: 'movements.rollCall', order: 62, titleKey: 'rollCall.settingsTitle', element: RollCallSettings }],
  headerItems: [{ id: 'movements.alarm', order: 10, element: MovementsHeaderAlarm }],
});
