import { useTranslation } from 'react-i18next';
import { Select } from '../../components';
import { taxonomyLabel, type IncidentTaxonomy } from '../../../../shared/contract/incidentTaxonomy';
import type { ImportFieldValues, ImportValueMap } from '../../../../shared/contract/incidents';

export interface ImportValueMappingProps {
  fieldValues: ImportFieldValues[];
  taxonomy: IncidentTaxonomy | undefined;
  values: ImportValueMap;
  onChange(values: ImportValueMap): void;
}

/** Per taxonomy column: each distinct file value, its row count, and the term it becomes (or kept as written). */
export function ImportValueMapping({ fieldValues, taxonomy, values, onChange }: ImportValueMappingProps) {
  const { t, i18n } = useTranslation('incidents');
  if (fieldValues.length === 0) return <p>{t('import.values.none')}</p>;
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (
    <div className="incidents-import__values">
      {fieldValues.map((group) => {
        const terms = taxonomy?.[group.field] ?? [];
        const options = terms.map((term) => ({ value: term.value, label: taxonomyLabel(taxonomy!, group.field, term.value, i18n.language) }));
        const mapped = values[group.field] ?? {};
        const fieldLabel = t(`fields.${group.field}`);
        const set = (fileValue: string, target: string) => {
          const next = { ...mapped };
          if (target) next[fileValue] = target;
          else delete next[fileValue];
          onChange({ ...values, [group.field]: next });
        };
        const unknown = group.values.filter((v) => !v.known && !mapped[v.value]).length;
        return (
          <section key={group.field} aria-label={fieldLabel}>
            <h3 className="incidents-import__values-title">
              {fieldLabel} <span className="incidents-import__hint">{t('import.values.fromColumn', { column: group.column })}</span>
            </h3>
            {unknown > 0 && <p className="incidents-import__hint">{t('import.values.unknownCount', { count: unknown })}</p>}
            <table className="incidents-import__table incidents-import__values-table">
              <thead>
                <tr>
                  <th>{t('import.values.fileValue')}</th>
                  <th>{t('import.values.rows')}</th>
                  <th>{t('import.values.target')}</th>
                </tr>
              </thead>
              <tbody>
                {group.values.map((v) => {
                  const target = mapped[v.value] ?? '';
                  const isUnknown = !v.known && !target;
                  // A mapped target the taxonomy does not list (from a preset) stays choosable.
                  const extra = target && !terms.some((term) => term.value === target) ? [{ value: target, label: target }] : [];
                  return (
                    <tr key={v.value} className={isUnknown ? 'incidents-import__unknown' : undefined}>
                      <td>
                        <bdi>{v.value}</bdi>
                        {isUnknown && <span className="incidents-import__badge">{t('import.values.notInTaxonomy')}</span>}
                      </td>
                      <td className="incidents-import__count">{n(v.count)}</td>
                      <td>
                        <Select
                          aria-label={t('import.values.mapFor', { value: v.value, field: fieldLabel })}
                          value={target}
                          placeholder={v.known ? t('import.values.keepKnown') : t('import.values.keep')}
                          options={[...extra, ...options]}
                          onChange={(e) => set(v.value, e.target.value)}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {group.more > 0 && <p className="incidents-import__hint">{t('import.values.more', { count: group.more })}</p>}
          </section>
        );
      })}
    </div>
  );
}
