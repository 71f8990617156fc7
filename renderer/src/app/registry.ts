import type { ComponentType, LazyExoticComponent } from 'react';
import type { Language } from '../../../shared/contract/common';

/**
 * Modules plug into the shell here: a module adds its page, Home tiles, Settings panels and translations
 * by calling registerFeature from its own folder, never by editing a central switch.
 */
export type Translations = Record<Language, Record<string, unknown>>;

export interface NavEntry {
  /** Route path under the hash router, e.g. "/premises". */
  path: string;
  /** i18n key of the navigation label, in the feature's namespace. */
  labelKey: string;
  /** Position in the navigation; lower first. */
  order: number;
  element: ComponentType | LazyExoticComponent<ComponentType>;
}

export interface HomeTile {
  id: string;
  order: number;
  /** Grid columns the tile spans on the board (1 or 2). */
  span?: 1 | 2;
  element: ComponentType;
}

export interface SettingsPanel {
  id: string;
  order: number;
  titleKey: string;
  element: ComponentType;
}

/** Something a module shows in the app header on every screen (an alarm, a counter); keep it small. */
export interface HeaderItem {
  id: string;
  order: number;
  element: ComponentType;
}

export interface Feature {
  /** Also the i18next namespace of the feature's translations. */
  id: string;
  translations: Translations;
  nav?: NavEntry[];
  homeTiles?: HomeTile[];
  settingsPanels?: SettingsPanel[];
  headerItems?: HeaderItem[];
}

const features: Feature[] = [];

export function registerFeature(feature: Feature): void {
  if (features.some((f) => f.id === feature.id)) throw new Error(`feature ${feature.id} registered twice`);
  features.push(feature);
}

export function registeredFeatures(): readonly Feature[] {
  return features;
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
export const navEntries = () => features.flatMap((f) => (f.nav ?? []).map((n) => ({ ...n, ns: f.id }))).sort(byOrder);
export const homeTiles = () => features.flatMap((f) => f.homeTiles ?? []).sort(byOrder);
export const settingsPanels = () =>
  features.flatMap((f) => (f.settingsPanels ?? []).map((p) => ({ ...p, ns: f.id }))).sort(byOrder);
export const headerItems = () => features.flatMap((f) => f.headerItems ?? []).sort(byOrder);
