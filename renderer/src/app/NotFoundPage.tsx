import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '../components';

export function NotFoundPage() {
  const { t } = useTranslation('shell');
  return (
    <div className="shell-page">
      <PageHeader title={t('notFound.title')} />
      <EmptyState title={t('notFound.body')} action={<Link to="/">{t('notFound.home')}</Link>} />
    </div>
  );
}
