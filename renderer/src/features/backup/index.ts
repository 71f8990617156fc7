import { registerFeature } from '../../app/registry';
import { BackupHomeTile } from './BackupHomeTile';
import { BackupsPanel } from './BackupsPanel';
import { HandoverPanel } from './HandoverPanel';
import './backup.css';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';

/** Backups and the handover pack: Settings panels, the "last verified backup" tile, the handover checklist. */
registerFeature({
  id: 'backup',
  translations: { en, fr, es, ar },
  // One tile: the handover checklist joins it before departure (a tile that renders nothing would leave
  // an empty frame on the board).
  homeTiles: [{ id: 'backup.last', order: 5, element: BackupHomeTile }],
  settingsPanels: [
    { id: 'backup.backups', order: 70, titleKey: 'panel.title', element: BackupsPanel },
    { id: 'backup.handover', order: 72, titleKey: 'handover.title', element: HandoverPanel },
  ],
});
