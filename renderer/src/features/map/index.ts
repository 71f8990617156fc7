import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
// The save-location picker used by the PNG export lives in the files feature, with its own translations.
import '../files';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

// MapLibre is large: load it with the page on first visit, not at start-up. The layers register with it.
const MapPage = lazy(() =>
  Promise.all([
    import('./MapPage'),
    import('./zonesLayer'),
    import('./premisesLayer'),
    import('./incidentsLayer'),
    import('./contactsLayer'),
    import('./movementsLayer'),
  ]).then(([m]) => ({ default: m.MapRoute })),
);

registerFeature({
  id: 'map',
  translations: { en, fr, es, ar },
  nav: [{ path: '/map', labelKey: 'nav', order: 25, element: MapPage }],
});
