// Importing a feature folder registers it (pages, tiles, settings panels, translations). The shell comes
// first so its namespace exists before any module's.
import './shell';
import './areas';
import './premises';
import './incidents';
