import { registerFeature } from '../../app/registry';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';

/**
 * The shell's own words (navigation, vault screens, General settings, phase names that every module
 * shows). It adds no page of its own: Home and Settings are built into the shell.
 */
registerFeature({ id: 'shell', translations: { en, fr, es, ar } });
