import type { ReactNode } from 'react';
import './components.css';

export interface PageHeaderProps {
  /** The page's one <h1>. */
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons at the inline end (New, Export...). */
  actions?: ReactNode;
}

export function PageHeader({ title, subtitle, actions }: PageHeaderProps) {
  return (
    <div className="v-page-header">
      <div className="v-page-header__text">
        <h1 className="v-page-header__title">{title}</h1>
        {subtitle && <p className="v-page-header__subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="v-page-header__actions">{actions}</div>}
    </div>
  );
}
