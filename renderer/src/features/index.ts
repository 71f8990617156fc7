// Importing a feature folder registers it (pages, tiles, settings panels, translations). The shell comes
// first so its namespace exists before any module's.
import './shell';
import './areas';
import './premises';
import './contacts';
import './incidents';
import './dailyLog';
import './risks';
import './msr';
import './security';
import './inspections';
import './people';
import './rosters';
import './movements';
import './plans';
import './map';
import './backup';
import './reports';
