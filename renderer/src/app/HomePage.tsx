import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '../components';
import { useVigilQuery } from '../lib/queries';
import { homeTiles } from './registry';
import { timeZoneLabel } from './timeZones';

/** Today's board: each module contributes its tiles through the registry. */
export function HomePage() {
  const { t, i18n } = useTranslation('shell');
  const settings = useVigilQuery('settings.get', {});
  const tiles = homeTiles();
  const timeZone = settings.data?.timeZone;
  // "Today" is the delegation's day, which may not be the laptop's. English reads the British way
  // (day before month), as the rest of Vigil's English does.
  const today = timeZone
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : i18n.language, { dateStyle: 'full', timeZone }).format(new Date())
    : undefined;

  return (
    <div className="shell-page">
      <PageHeader
        title={t('home.title')}
        subtitle={today && timeZone ? t('home.today', { date: today, timeZone: timeZoneLabel(timeZone) }) : undefined}
      />
      {tiles.length === 0 ? (
        <EmptyState title={t('home.emptyTitle')} hint={t('home.emptyHint')} />
      ) : (
        <div className="home-board">
          {tiles.map(({ id, span, element: Tile }) => (
            <div key={id} className={span === 2 ? 'home-board__tile home-board__tile--wide' : 'home-board__tile'}>
              <Tile />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
