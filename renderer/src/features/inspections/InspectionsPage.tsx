import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components';
import { queryClient } from '../../lib/queries';
import { InspectionsList } from './InspectionsList';
import { InspectionRun } from './InspectionRun';
import { ActionsGrid } from './ActionsGrid';
import { EquipmentGrid } from './EquipmentGrid';
import { TemplatesList } from './TemplatesList';
import './inspections.css';

const TABS = ['inspections', 'actions', 'equipment', 'templates'] as const;
type Tab = (typeof TABS)[number];

export function InspectionsPage() {
  const { t, i18n } = useTranslation('inspections');
  // Preset checklist items are translated by the core in the vault's language: refetch when it changes.
  useEffect(() => {
    void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('inspections.') });
  }, [i18n.language]);
  const [tab, setTab] = useState<Tab>('inspections');
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <div className="insp-page">
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} />
      <div className="insp-tabs" role="tablist" aria-label={t('page.title')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => {
              setTab(id);
              setOpenId(null);
            }}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'inspections' && (openId ? <InspectionRun id={openId} onClose={() => setOpenId(null)} /> : <InspectionsList onOpen={setOpenId} />)}
      {tab === 'actions' && <ActionsGrid />}
      {tab === 'equipment' && <EquipmentGrid />}
      {tab === 'templates' && <TemplatesList />}
    </div>
  );
}
