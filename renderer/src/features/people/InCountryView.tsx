import { useTranslation } from 'react-i18next';
import { Button, Spinner } from '../../components';
import { notify } from '../../app/notify';
import { useVigilQuery } from '../../lib/queries';
import { vigil } from '../../lib/vigil';

type SaveTo = (name: string, ext: string, write: (path: string) => Promise<void>) => void;

/** Everyone present today, by location and residence: the crisis headcount. */
export function InCountryView({ saveTo }: { saveTo: SaveTo }) {
  const { t, i18n } = useTranslation('people');
  const data = useVigilQuery('people.inCountry', {}).data;
  const lang = i18n.language as 'en' | 'fr' | 'es' | 'ar';
  const write = (format: 'pdf' | 'csv') =>
    void saveTo(`headcount-${data?.today ?? ''}.${format}`, format, async (path) => {
      const r = await vigil.call('people.export', { format, path, inCountry: true, lang });
      notify.success(t('export.done', { count: r.rows }));
    });
  if (!data) return <Spinner label={t('loading')} />;
  return (
    <div className="ppl-headcount" data-testid="in-country">
      <div className="ppl-toolbar">
        <span className="ppl-total ppl-toolbar__grow">{t('now.total', { count: data.total })}</span>
        <Button variant="primary" onClick={() => write('pdf')}>
          {t('now.print')}
        </Button>
        <Button onClick={() => write('csv')}>{t('export.csv')}</Button>
      </div>
      {data.groups.map((g) => (
        <section key={g.location ?? '-'}>
          <h2>{g.location ?? t('now.noLocation')}</h2>
          {g.residences.map((r) => (
            <div key={r.residence ?? '-'}>
              <h3>
                {r.residence ?? t('now.noResidence')} ({r.people.length.toLocaleString(i18n.language)})
              </h3>
              <table>
                <tbody>
                  {r.people.map((p) => (
                    <tr key={p.id}>
                      <td>{p.name}</td>
                      <td>{t(`categories.${p.category}`)}</td>
                      <td>{p.organisation}</td>
                      <td dir="ltr">{p.phones.join(', ')}</td>
                      <td>{p.radioCallSign}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
