import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MenuButton, Select } from '../../components';
import { notify } from '../../app/notify';
import { useVigilQuery } from '../../lib/queries';
import { vigil } from '../../lib/vigil';
import type { Language } from '../../../../shared/contract/common';
import { useSaveTo } from '../files/useSaveTo';

/** PDF (one page per premises), XLSX overview, and iCalendar of everyone or one person. */
export function RosterExportMenu({ month }: { month: string }) {
  const { t, i18n } = useTranslation('rosters');
  const { saveTo, dialog } = useSaveTo(t('export.title'));
  const staff = useVigilQuery('rosters.staff.list', { includeInactive: false }).data ?? [];
  const premises = useVigilQuery('rosters.posts.list', {}).data ?? [];
  const premisesOptions = [...new Map(premises.map((p) => [p.premisesId, p.premisesName])).entries()].map(([value, label]) => ({ value, label }));
  const [person, setPerson] = useState('');
  const [where, setWhere] = useState('');
  const [busy, setBusy] = useState(false);

  const run = (format: 'pdf' | 'xlsx' | 'ics', withPerson: boolean) =>
    void saveTo(`roster-${month}${withPerson && person ? `-${staff.find((s) => s.id === person)?.name.replace(/\W+/g, '-') ?? ''}` : ''}.${format}`, format, async (path) => {
      setBusy(true);
      try {
        const r = await vigil.call('rosters.export', {
          month,
          format,
          path,
          lang: i18n.language as Language,
          ...(format !== 'ics' && where ? { premisesId: where } : {}),
          ...(format === 'ics' && withPerson && person ? { staffId: person } : {}),
        });
        notify.success(t('export.done', { path: r.path }));
      } finally {
        setBusy(false);
      }
    });

  return (
    <>
      <MenuButton
        label={t('export.menu')}
        busy={busy}
        items={[
          { id: 'pdf', label: t('export.pdf'), hint: t('export.pdfHint') },
          { id: 'xlsx', label: t('export.xlsx') },
          { id: 'ics', label: t('export.icsAll') },
          { id: 'icsPerson', label: t('export.icsPerson') },
        ]}
        onChoose={(id) => run(id === 'icsPerson' ? 'ics' : (id as 'pdf' | 'xlsx' | 'ics'), id === 'icsPerson')}
      >
        <div className="ros-export-options">
          <Select aria-label={t('export.premises')} value={where} onChange={(e) => setWhere(e.target.value)} options={premisesOptions} placeholder={t('export.allPremises')} />
          <Select aria-label={t('export.person')} value={person} onChange={(e) => setPerson(e.target.value)} options={staff.map((s) => ({ value: s.id, label: s.name }))} placeholder={t('export.choosePerson')} />
        </div>
      </MenuButton>
      {dialog}
    </>
  );
}
