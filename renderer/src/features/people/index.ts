import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { PeopleHomeTile } from './PeopleHomeTile';
import { RetentionSettings } from './RetentionSettings';
import '../files';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

const PeoplePage = lazy(() => import('./PeoplePage').then((m) => ({ default: m.PeoplePage })));

registerFeature({
  id: 'people',
  translations: { en, fr, es, ar },
  nav: [{ path: '/people', labelKey: 'nav', order: 40, element: PeoplePage }],
  homeTiles: [{ id: 'people.board', order: 12, element: PeopleHomeTile }],
  settingsPanels: [{ id: 'people.retention', order: 60, titleKey: 'retention.title', element: RetentionSettings }],
});
