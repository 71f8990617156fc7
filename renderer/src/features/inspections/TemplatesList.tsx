import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { useDateTimeFormat } from '../areas/hooks';
import type { Template } from '../../../../shared/contract/inspections';
import { TemplateEditor } from './TemplateEditor';

/** The versions of one template family and the inspections that used each. */
function TemplateVersions({ familyId, currentId, onOpen }: { familyId: string; currentId: string; onOpen(id: string): void }) {
  const { t } = useTranslation('inspections');
  const format = useDateTimeFormat();
  const versions = useVigilQuery('inspections.templateVersions', { familyId }).data;
  if (!versions) return <Spinner label={t('loading')} />;
  return (
    <section className="tpl-history" aria-labelledby="tpl-history-title">
      <h3 id="tpl-history-title" className="tpl-section__title">
        {t('templates.history')}
      </h3>
      <table className="insp-table">
        <thead>
          <tr>
            <th>{t('templates.version')}</th>
            <th>{t('templates.savedOn')}</th>
            <th>{t('templates.items')}</th>
            <th>{t('templates.passMark')}</th>
            <th>{t('templates.usedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} aria-current={v.id === currentId ? 'true' : undefined}>
              <td>
                {v.id === currentId ? (
                  <strong>v{v.version}</strong>
                ) : (
                  <Button size="sm" variant="ghost" onClick={() => onOpen(v.id)} aria-label={t('templates.openVersion', { version: v.version })}>
                    v{v.version}
                  </Button>
                )}
              </td>
              <td>{format(v.createdAt)}</td>
              <td>{v.itemCount}</td>
              <td>{v.passThreshold} %</td>
              <td>
                {v.inspectionCount === 0 ? (
                  <span className="insp-hint">{t('templates.notUsed')}</span>
                ) : (
                  <details>
                    <summary>{t('templates.inspectionCount', { count: v.inspectionCount })}</summary>
                    <ul className="tpl-history__uses">
                      {v.inspections.map((i) => (
                        <li key={i.id}>
                          <bdi>{i.premisesName}</bdi> · {i.inspectedOn} · {t(`status.${i.status}`)}
                        </li>
                      ))}
                      {v.inspectionCount > v.inspections.length && <li className="insp-hint">{t('templates.more', { count: v.inspectionCount - v.inspections.length })}</li>}
                    </ul>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function TemplateView({ id, onOpen, onBack }: { id: string; onOpen(id: string): void; onBack(): void }) {
  const { t } = useTranslation('inspections');
  const template = useVigilQuery('inspections.getTemplate', { id }).data;
  const latest = useVigilQuery('inspections.listTemplates', {}).data;
  const [mode, setMode] = useState<'view' | 'edit' | 'copy'>('view');
  const [history, setHistory] = useState(false);
  if (!template) return <Spinner label={t('loading')} />;
  const done = (saved: Template) => {
    setMode('view');
    onOpen(saved.id);
  };
  const current = latest?.find((l) => l.familyId === template.familyId);
  if (mode !== 'view') {
    return (
      <TemplateEditor
        key={`${template.id}-${mode}`}
        template={template}
        copy={mode === 'copy'}
        latestVersion={Math.max(current?.version ?? 0, template.version)}
        onSaved={done}
        onCancel={() => setMode('view')}
      />
    );
  }
  const older = current && current.id !== template.id;
  const sections: string[] = [];
  for (const it of template.items) if (!sections.includes(it.section)) sections.push(it.section);
  return (
    <section className="tpl-view" aria-label={template.name}>
      <div className="insp-toolbar tpl-view__head">
        <h2 className="tpl-editor__title">
          {template.name} <span className="insp-hint">v{template.version}</span>
        </h2>
        {older && <Badge>{t('templates.olderVersion', { version: current.version })}</Badge>}
      </div>
      <p className="insp-hint">
        {[
          template.premisesType ? t(`premises:types.${template.premisesType}`) : t('templates.anyPremises'),
          t('templates.passMarkValue', { value: template.passThreshold }),
          t('templates.itemCount', { count: template.items.length }),
        ].join(' · ')}
      </p>
      <div className="insp-toolbar">
        <Button variant="primary" onClick={() => setMode('edit')}>
          {older ? t('templates.restore') : t('templates.edit')}
        </Button>
        <Button onClick={() => setMode('copy')}>{t('templates.copy')}</Button>
        <Button aria-expanded={history} onClick={() => setHistory((h) => !h)}>
          {t('templates.history')}
        </Button>
        <Button onClick={onBack}>{t('run.back')}</Button>
      </div>
      {history && <TemplateVersions familyId={template.familyId} currentId={template.id} onOpen={onOpen} />}
      {sections.map((section) => (
        <section key={section} className="tpl-section" aria-labelledby={`tpl-view-${section}`}>
          <h3 className="tpl-section__title" id={`tpl-view-${section}`}>
            {t(`sections.${section}`)}
          </h3>
          <table className="insp-table">
            <tbody>
              {template.items
                .filter((it) => it.section === section)
                .map((it) => (
                  <tr key={it.id}>
                    <td>
                      {it.label}
                      {it.critical && <span className="insp-critical">{t('run.critical')}</span>}
                    </td>
                    <td>{t(`answerTypes.${it.answerType}`)}</td>
                    <td>{it.answerType === 'check' ? t('templates.weightValue', { value: it.weight }) : ''}</td>
                    <td>
                      {[it.required ? t('templates.required') : null, it.photoRequired ? t('templates.photoRequired') : null].filter(Boolean).join(' · ')}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}

export function TemplatesList() {
  const { t } = useTranslation('inspections');
  const templates = useVigilQuery('inspections.listTemplates', {}).data;
  const [open, setOpen] = useState<string | null>(null);
  if (open) return <TemplateView key={open} id={open} onOpen={setOpen} onBack={() => setOpen(null)} />;
  if (!templates) return <Spinner label={t('loading')} />;
  return (
    <table className="insp-table" aria-label={t('tabs.templates')}>
      <thead>
        <tr>
          <th>{t('templates.name')}</th>
          <th>{t('templates.version')}</th>
          <th>{t('templates.items')}</th>
          <th>{t('templates.passMark')}</th>
        </tr>
      </thead>
      <tbody>
        {templates.map((tp) => (
          <tr key={tp.id} data-clickable tabIndex={0} onClick={() => setOpen(tp.id)} onKeyDown={(e) => e.key === 'Enter' && setOpen(tp.id)}>
            <td>{tp.name}</td>
            <td>v{tp.version}</td>
            <td>{tp.itemCount}</td>
            <td>{tp.passThreshold} %</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
