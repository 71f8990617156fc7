import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader, Spinner } from '../../components';
import { MonthGrid } from './MonthGrid';
import { PresenceView } from './PresenceView';
import { StaffView } from './StaffView';
import { PostsView } from './PostsView';
import { RulesView } from './RulesView';
import { SummaryView } from './SummaryView';
import { useDelegationToday } from './hooks';
import './rosters.css';

const TABS = ['roster', 'presence', 'summary', 'staff', 'posts', 'rules'] as const;
type Tab = (typeof TABS)[number];

export function RostersPage() {
  const { t } = useTranslation('rosters');
  const [tab, setTab] = useState<Tab>('roster');
  const clock = useDelegationToday();
  // Until the user picks a month, the page follows the delegation's current month.
  const [chosen, setMonth] = useState<string | null>(null);
  const month = chosen ?? clock?.month;
  return (
    <div className="ros-page">
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} />
      <div className="ros-tabs" role="tablist">
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="ros-panel">
        {(tab === 'roster' || tab === 'summary') && !month && <Spinner label={t('loading')} />}
        {tab === 'roster' && month && <MonthGrid month={month} onMonth={setMonth} />}
        {tab === 'presence' && <PresenceView />}
        {tab === 'summary' && month && <SummaryView month={month} />}
        {tab === 'staff' && <StaffView />}
        {tab === 'posts' && <PostsView />}
        {tab === 'rules' && <RulesView />}
      </div>
    </div>
  );
}
