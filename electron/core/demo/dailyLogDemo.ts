import { dailyLogWriter } from '../../../db/repositories/dailyLog';
import type { SourceType } from '../../../shared/contract/dailyLog';
import { INFORMATION_CREDIBILITY, SOURCE_RELIABILITY } from '../../../shared/presets/admiralty';
import { demoId, type DemoSeeder } from './seedDemo';

const PLACES = [
  { name: 'Port Amarel', lat: -3.05, lon: 61.8 },
  { name: 'Kessin', lat: -3.6, lon: 61.2 },
  { name: 'Dunmore', lat: -2.4, lon: 62.9 },
  { name: 'Orsk', lat: -2.0, lon: 63.3 },
  { name: 'Tamsin', lat: -4.1, lon: 62.6 },
];

const REPORTS: { type: SourceType; source: string; summary: string; tags: string[] }[] = [
  { type: 'media', source: 'Norvalia Daily (fictional)', summary: 'Roadblock reported on the coastal road north of {place}; traffic diverted.', tags: ['road', 'checkpoint'] },
  { type: 'partner', source: 'Red Crescent branch (demo)', summary: 'Branch volunteers report tension at the water point in {place} after a dispute.', tags: ['community'] },
  { type: 'insoUndss', source: 'INSO flash (demo)', summary: 'Armed robbery of a private vehicle near {place} market; no NGO involved.', tags: ['crime', 'robbery'] },
  { type: 'authority', source: 'District police (demo)', summary: 'Police announce a curfew from 22:00 in {place} for three nights.', tags: ['curfew'] },
  { type: 'staff', source: 'Driver on the {place} route (demo)', summary: 'Unusual gathering of young men at the {place} junction at dawn.', tags: ['road'] },
  { type: 'socialMedia', source: 'Local group chat (demo)', summary: 'Rumour of a demonstration in {place} tomorrow about fuel prices.', tags: ['unrest', 'rumour'] },
  { type: 'media', source: 'Radio Amarel (fictional)', summary: 'Heavy rain expected; the bridge at {place} may close.', tags: ['weather'] },
  { type: 'insoUndss', source: 'UNDSS advisory (demo)', summary: 'Movement restrictions lifted on the {place} road after clearance.', tags: ['road', 'access'] },
  { type: 'other', source: 'Shopkeeper near the office (demo)', summary: 'Gunshots heard in the distance east of {place} around midnight.', tags: ['gunfire'] },
  { type: 'partner', source: 'NGO forum (demo)', summary: 'Another NGO reports a break-in at its {place} warehouse.', tags: ['crime', 'burglary'] },
];

/** About 60 invented log entries over the last two weeks, including a few today, none yet promoted. */
export const seedDailyLogDemo: DemoSeeder = (ctx) => {
  const writer = dailyLogWriter(ctx.db.sqlite);
  for (let i = 0; i < 60; i++) {
    // The first five are from the last hours, so "today" is never empty on a fresh demo vault.
    const minutesAgo = i < 5 ? 20 + i * 45 : ctx.faker.number.int({ min: 6 * 60, max: 14 * 24 * 60 });
    const at = new Date(ctx.now.getTime() - minutesAgo * 60_000);
    const place = ctx.faker.helpers.arrayElement(PLACES);
    const report = ctx.faker.helpers.arrayElement(REPORTS);
    const located = i % 3 === 0;
    const stamp = at.toISOString().replace(/\.\d{3}Z$/, '.000Z');
    writer.insert({
      id: demoId(ctx, at),
      occurredAt: stamp,
      source: report.source.replace('{place}', place.name),
      sourceType: report.type,
      reliability: ctx.faker.helpers.arrayElement(SOURCE_RELIABILITY),
      credibility: ctx.faker.helpers.arrayElement(INFORMATION_CREDIBILITY),
      areaId: null,
      placeName: place.name,
      latitude: located ? Number((place.lat + ctx.faker.number.float({ min: -0.05, max: 0.05 })).toFixed(4)) : null,
      longitude: located ? Number((place.lon + ctx.faker.number.float({ min: -0.05, max: 0.05 })).toFixed(4)) : null,
      summary: `${report.summary.replaceAll('{place}', place.name)} (fictional demo entry)`,
      tags: report.tags,
      followUp: i % 5 === 0 ? 'Check with the partner before the next movement (demo).' : '',
      promotedIncidentId: null,
      createdAt: stamp,
      updatedAt: stamp,
    });
  }
};
