import { describe, expect, it } from 'vitest';
import { registerSection, registeredSections } from '../../../electron/core/report/periodic/registry';
import '../../../electron/core/report/sections/index';

describe('report section registry', () => {
  it('lists the built-in sections in report order, cover first and not optional', () => {
    const ids = registeredSections().map((s) => s.id);
    expect(ids[0]).toBe('cover');
    for (const id of ['summary', 'phases', 'incidents', 'incidentMap', 'risks', 'msr', 'inspections', 'movements']) expect(ids).toContain(id);
    expect(ids.indexOf('incidents')).toBeLessThan(ids.indexOf('incidentMap'));
    expect(registeredSections()[0]!.optional).toBe(false);
    const orders = registeredSections().map((s) => s.order);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
  });

  it('adds a section by registering it, placed by its order, and refuses the same id twice', () => {
    const section = { id: 'testOnlyWeather', titleKey: 'reports.sections.cover', order: 35, collect: () => null, html: () => '' };
    registerSection(section);
    const ids = registeredSections().map((s) => s.id);
    expect(ids.indexOf('testOnlyWeather')).toBe(ids.indexOf('incidents') + 1);
    expect(() => registerSection(section)).toThrow(/registered twice/);
  });
});
