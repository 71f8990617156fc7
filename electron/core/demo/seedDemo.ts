import type { Faker } from '@faker-js/faker';
import type { Db } from '../../../db/openDb';
import type { AdapterName } from '../types';
import { seedAreasDemo } from './areasDemo';
import { seedPremisesDemo } from './premisesDemo';
import { seedIncidentsDemo } from './incidentsDemo';
import { seedDailyLogDemo } from './dailyLogDemo';
import { seedRisksDemo } from './risksDemo';
import { seedMsrDemo } from './msrDemo';
import { seedPlansDemo } from './plansDemo';
import { seedContactsDemo } from './contactsDemo';
import { seedInspectionsDemo } from './inspectionsDemo';
import { seedPeopleDemo } from './peopleDemo';
import { seedMovementsDemo } from './movementsDemo';
import { seedRostersDemo } from './rostersDemo';
import { seedMapDemo } from './mapDemo';

export interface DemoContext {
  db: Db;
  faker: Faker;
  now: Date;
  actor: string;
  adapter: AdapterName;
  /** Ids that later seeders build on (areas for premises, premises for rosters, ...). */
  shared: Map<string, string[]>;
}

export type DemoSeeder = (ctx: DemoContext) => void;

/**
 * Each module adds its seeder here, in dependency order. Everything is invented and placed in a fictional
 * country in the Indian Ocean, so no demo record can be mistaken for a real place or person.
 */
const seeders: DemoSeeder[] = [seedAreasDemo, seedPremisesDemo, seedIncidentsDemo, seedRisksDemo, seedMsrDemo, seedPlansDemo, seedInspectionsDemo, seedContactsDemo, seedPeopleDemo, seedMovementsDemo, seedDailyLogDemo, seedRostersDemo, seedMapDemo];

/** Faker is large: it is loaded only when a demo vault is made, never on an ordinary start. */
export async function createDemoFaker(seed: number): Promise<Faker> {
  const { Faker: FakerClass, en } = await import('@faker-js/faker');
  const faker = new FakerClass({ locale: [en] });
  faker.seed(seed);
  return faker;
}

export function seedDemo(db: Db, options: { faker: Faker; now: Date; actor: string; adapter: AdapterName }): void {
  const ctx: DemoContext = { db, faker: options.faker, now: options.now, actor: options.actor, adapter: options.adapter, shared: new Map() };
  for (const seed of seeders) seed(ctx);
}

/** Time-ordered ids derived from the seeded generator, so a seed always gives the same vault content. */
export function demoId(ctx: DemoContext, at: Date): string {
  const hex = ctx.faker.string.hexadecimal({ length: 20, casing: 'lower', prefix: '' });
  const ms = at.getTime().toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex.slice(0, 3)}-${((parseInt(hex[3] ?? '0', 16) & 0x3) | 0x8).toString(16)}${hex.slice(4, 7)}-${hex.slice(7, 19)}`;
}
