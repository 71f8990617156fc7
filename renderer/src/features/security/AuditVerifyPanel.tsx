import { useTranslation } from 'react-i18next';
import { Button } from '../../components';
import { useVigilMutation } from '../../lib/queries';

/** Settings › Audit trail: checks the hash chain and the head sealed in the vault header, on demand. */
export function AuditVerifyPanel() {
  const { t } = useTranslation('security');
  // A mutation rather than a query: the check is an explicit act and its answer must never be stale.
  const verify = useVigilMutation('audit.verify');
  const result = verify.data;
  return (
    <div className="security-panel">
      <p className="security-panel__intro">{t('audit.intro')}</p>
      <Button variant="secondary" busy={verify.isPending} onClick={() => verify.mutate({})}>
        {t('audit.verify')}
      </Button>
      {result && (
        <p
          className={result.ok ? 'security-result security-result--ok' : 'security-result security-result--bad'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="audit-verify-result"
        >
          {result.ok
            ? t('audit.ok', { count: result.rows })
            : result.firstBadSeq === null
              ? t('audit.badHeader')
              : t('audit.bad', { seq: result.firstBadSeq })}
          {!result.ok && result.problem && (
            <span className="security-result__detail" dir="ltr">
              {result.problem}
            </span>
          )}
        </p>
      )}
    </div>
  );
}
