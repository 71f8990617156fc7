import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createHashRouter } from 'react-router';
import { Spinner } from '../components';
import { i18n } from './i18n';
import { navEntries } from './registry';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { SettingsPage } from './SettingsPage';
import { ShellLayout } from './ShellLayout';

function FeaturePage({ element: Page }: { element: ComponentType | LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<Spinner label={i18n.t('shell:common.loading')} />}>
      <Page />
    </Suspense>
  );
}

/**
 * Hash routes work the same from Electron's custom protocol and from the loopback server. A feature owns
 * everything under its path ("/premises/*"), so it can nest its own routes (detail pages) without the
 * shell knowing.
 */
export function createShellRouter() {
  const featureRoutes = navEntries().map((entry) => ({
    path: `${entry.path.replace(/^\/+|\/+$/g, '')}/*`,
    element: <FeaturePage element={entry.element} />,
  }));
  return createHashRouter([
    {
      path: '/',
      element: <ShellLayout />,
      children: [
        { index: true, element: <HomePage /> },
        ...featureRoutes,
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
