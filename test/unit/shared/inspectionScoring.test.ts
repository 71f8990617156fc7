import { describe, expect, it } from 'vitest';
import { compareItem, scoreInspection, type ScoredItem } from '../../../shared/domain/inspectionScoring';
import { addDays, expiryStatus, isCalendarDate, todayIn } from '../../../shared/domain/equipmentExpiry';
import { INSPECTION_SECTIONS, PRESET_ITEMS, PRESET_TEMPLATES } from '../../../shared/presets/inspectionTemplates';

let n = 0;
const item = (over: Partial<ScoredItem>): ScoredItem => ({
  id: `i${n++}`,
  key: `k${n}`,
  section: 'perimeter',
  answerType: 'check',
  weight: 1,
  critical: false,
  required: true,
  value: null,
  photoCount: 0,
  ...over,
});

describe('scoreInspection', () => {
  it('weights items: yes 1, partial 0.5, no 0', () => {
    const s = scoreInspection([item({ weight: 3, value: 'yes' }), item({ weight: 1, value: 'no' }), item({ weight: 2, value: 'partial' })], 80);
    // (3 + 0 + 1) / 6
    expect(s.total).toBe(66.7);
    expect(s.passed).toBe(false);
  });

  it('leaves n.a. out of the denominator', () => {
    const s = scoreInspection([item({ value: 'yes', weight: 2 }), item({ value: 'na', weight: 5 })], 80);
    expect(s.total).toBe(100);
    expect(s.passed).toBe(true);
  });

  it('scores each section on its own and keeps sections with nothing to score as null', () => {
    const s = scoreInspection(
      [
        item({ section: 'perimeter', value: 'yes' }),
        item({ section: 'perimeter', value: 'no' }),
        item({ section: 'locks', value: 'partial', weight: 4 }),
        item({ section: 'fire', value: 'na' }),
        item({ section: 'fire', answerType: 'number', value: '12', weight: 0 }),
      ],
      50,
    );
    expect(s.sections).toEqual([
      { section: 'perimeter', score: 50, earned: 1, possible: 2 },
      { section: 'locks', score: 50, earned: 2, possible: 4 },
      { section: 'fire', score: null, earned: 0, possible: 0 },
    ]);
    expect(s.total).toBe(50);
    expect(s.passed).toBe(true);
  });

  it('fails the whole inspection on one failed critical item, even at 96 %', () => {
    const items = [...Array.from({ length: 24 }, () => item({ value: 'yes' })), item({ value: 'no', critical: true })];
    const s = scoreInspection(items, 80);
    expect(s.total).toBe(96);
    expect(s.passed).toBe(false);
    expect(s.failedCritical).toEqual([items[24]!.id]);
  });

  it('does not fail on a critical item that is partial or n.a.', () => {
    expect(scoreInspection([item({ value: 'partial', critical: true }), item({ value: 'yes', weight: 9 })], 80).passed).toBe(true);
    expect(scoreInspection([item({ value: 'na', critical: true }), item({ value: 'yes' })], 80).passed).toBe(true);
  });

  it('passes exactly at the threshold and not below', () => {
    const at = [...Array.from({ length: 4 }, () => item({ value: 'yes' })), item({ value: 'no' })];
    expect(scoreInspection(at, 80)).toMatchObject({ total: 80, passed: true });
    expect(scoreInspection(at, 80.1).passed).toBe(false);
  });

  it('has no total and does not pass when everything is n.a.', () => {
    expect(scoreInspection([item({ value: 'na' })], 0)).toMatchObject({ total: null, passed: false });
  });

  it('lists failed items and unanswered required items of every answer type', () => {
    const items = [
      item({ value: 'no' }),
      item({ value: 'partial' }),
      item({ value: null }),
      item({ answerType: 'number', value: '  ' }),
      item({ answerType: 'photo', photoCount: 0 }),
      item({ answerType: 'photo', photoCount: 1 }),
      item({ answerType: 'text', required: false }),
    ];
    const s = scoreInspection(items, 80);
    expect(s.failed).toEqual([items[0]!.id, items[1]!.id]);
    expect(s.unansweredRequired).toEqual([items[2]!.id, items[3]!.id, items[4]!.id]);
  });

  it('ignores weight-0 check items in the score', () => {
    expect(scoreInspection([item({ value: 'no', weight: 0 }), item({ value: 'yes' })], 80).total).toBe(100);
  });
});

describe('compareItem', () => {
  it.each([
    ['no', 'yes', 'improved'],
    ['partial', 'yes', 'improved'],
    ['yes', 'partial', 'worse'],
    ['yes', 'yes', 'unchanged'],
    ['na', 'yes', 'not_comparable'],
    ['na', 'na', 'unchanged'],
  ] as const)('%s then %s is %s', (before, after, change) => {
    expect(compareItem({ answerType: 'check', value: before }, { answerType: 'check', value: after })).toBe(change);
  });
  it('says new for an item the previous inspection did not have', () => {
    expect(compareItem(undefined, { answerType: 'check', value: 'yes' })).toBe('new');
  });
});

describe('presets', () => {
  it('cover the four premises kinds, every section, with labels in four languages', () => {
    expect(PRESET_TEMPLATES.map((t) => t.key)).toEqual(['office', 'residence', 'warehouse', 'guest_house']);
    for (const t of PRESET_TEMPLATES) {
      expect(new Set(t.items.map((k) => PRESET_ITEMS[k]!.section))).toEqual(new Set(INSPECTION_SECTIONS));
      expect(t.items.some((k) => PRESET_ITEMS[k]!.critical)).toBe(true);
      // Sections stay grouped.
      const sections = t.items.map((k) => PRESET_ITEMS[k]!.section);
      expect(sections.filter((s, i) => i === 0 || sections[i - 1] !== s)).toEqual([...new Set(sections)]);
    }
    for (const p of Object.values(PRESET_ITEMS)) for (const l of ['en', 'fr', 'es', 'ar'] as const) expect(p.label[l]).not.toBe('');
  });
});

describe('equipment expiry', () => {
  it.each([
    // [expiry, today, status]
    ['2024-02-28', '2024-02-29', 'overdue'],
    ['2024-02-29', '2024-02-29', 'due'],
    ['2024-03-30', '2024-02-29', 'due'], // 29 Feb + 30 days = 30 Mar in a leap year
    ['2024-03-31', '2024-02-29', 'ok'],
    ['2023-03-30', '2023-02-28', 'due'], // 28 Feb + 30 days = 30 Mar
    ['2023-03-31', '2023-02-28', 'ok'],
    ['2024-03-01', '2024-01-31', 'due'], // across a 29-day February
    ['2025-01-30', '2024-12-31', 'due'], // across the year end
    ['2025-01-31', '2024-12-31', 'ok'],
    ['2024-12-31', '2025-01-01', 'overdue'],
  ])('expiry %s on %s is %s', (expiry, today, status) => {
    expect(expiryStatus(expiry, null, today)).toBe(status);
  });

  it('takes the earlier of expiry and next check, and is ok with neither', () => {
    expect(expiryStatus('2030-01-01', '2024-01-10', '2024-01-20')).toBe('overdue');
    expect(expiryStatus(null, null, '2024-01-20')).toBe('ok');
  });

  it('knows real calendar dates and today in a time zone', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    // 22:30 UTC on 28 Feb is already 29 Feb in Nairobi (UTC+3).
    expect(todayIn(new Date('2024-02-28T22:30:00Z'), 'Africa/Nairobi')).toBe('2024-02-29');
    expect(todayIn(new Date('2024-02-28T22:30:00Z'), 'UTC')).toBe('2024-02-28');
  });
});
