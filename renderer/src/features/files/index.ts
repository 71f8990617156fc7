import { registerFeature } from '../../app/registry';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

// No page of its own: the save-location picker (browser mode's "Save as") is used by every export.
registerFeature({ id: 'files', translations: { en, fr, es, ar } });
