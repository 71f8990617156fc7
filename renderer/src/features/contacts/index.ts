import { lazy } from 'react';
import { registerFeature } from '../../app/registry';
import { ContactsHomeTile } from './ContactsHomeTile';
// The save-location picker used by the export lives in the files feature, with its own translations.
import '../files';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

// The page pulls in AG Grid: load it on first visit, not at start-up.
const ContactsPage = lazy(() => import('./ContactsPage').then((m) => ({ default: m.ContactsPage })));

registerFeature({
  id: 'contacts',
  translations: { en, fr, es, ar },
  nav: [{ path: '/contacts', labelKey: 'nav', order: 40, element: ContactsPage }],
  homeTiles: [{ id: 'contacts.stale', order: 40, element: ContactsHomeTile }],
});
