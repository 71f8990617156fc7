import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { useVigilQuery } from '../lib/queries';
import { setLanguage } from './i18n';
import { createShellRouter } from './routes';
import { AutoLockWarning } from './vault/AutoLockWarning';

/**
 * The unlocked app. The router is built here, after every feature has registered, and dropped on lock
 * with the rest of the shell.
 */
export function Shell() {
  const [router] = useState(createShellRouter);
  const settings = useVigilQuery('settings.get', {});
  const language = settings.data?.language;

  // Once unlocked, the vault's own setting decides the language (and is remembered for the unlock screen).
  useEffect(() => {
    if (language) setLanguage(language);
  }, [language]);

  return (
    <>
      <AutoLockWarning />
      <RouterProvider router={router} />
    </>
  );
}
