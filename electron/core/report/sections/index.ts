// Every report section, one import per file: a section registers itself (registerSection) when imported.
// To add one: write sections/<name>.ts (see summary.ts for the shape) and add its line here. The report
// orders sections by their `order`, not by this list.
import './cover';
import './summary';
import './phases';
import './incidents';
import './incidentMap';
import './risks';
import './msr';
import './inspections';
import './movements';
import './rosters';

export { registeredSections } from '../periodic/registry';
