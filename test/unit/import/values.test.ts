import { describe, expect, it } from 'vitest';
import { parseCoordinate, parseCount, parseDate, parseNumber } from '../../../electron/core/import/values';
import { decodeText, detectDelimiter, uniqueHeaders } from '../../../electron/core/import/readTable';
import { fieldFromHeader, fieldFromHxl, suggestMapping } from '../../../electron/core/import/mapping';

describe('date cells', () => {
  it.each([
    ['2024-02-26', null, '2024-02-26'],
    ['2024-02-26T14:05:00Z', null, '2024-02-26T14:05:00Z'],
    ['2024-02-26T16:05:00+02:00', null, '2024-02-26T14:05:00Z'],
    ['2024', null, '2024'],
    ['2024-02', null, '2024-02'],
    ['02/2024', null, '2024-02'],
    ['February 2024', null, '2024-02'],
    ['12 févr. 2024', null, '2024-02-12'],
    ['26/02/2024', null, '2024-02-26'],
    ['26.02.2024', null, '2024-02-26'],
    ['02/26/2024', null, '2024-02-26'],
    ['03/04/2024', 'dmy', '2024-04-03'],
    ['03/04/2024', 'mdy', '2024-03-04'],
    ['05/05/2024', null, '2024-05-05'],
    ['29/02/2024', 'dmy', '2024-02-29'],
    [45000, null, '2023-03-15'],
    [45000.5, null, '2023-03-15T12:00:00Z'],
    [2022, null, '2022'],
    [new Date('2022-01-01T00:00:00Z'), null, '2022-01-01'],
    ['No information', null, null],
    ['', null, null],
  ] as const)('%s (%s) -> %s', (input, order, expected) => {
    expect(parseDate(input, order)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['31/02/2024', 'dmy', 'INVALID_DATE'],
    ['29/02/2023', 'dmy', 'INVALID_DATE'],
    ['2024-13-01', null, 'INVALID_DATE'],
    ['13/2024', null, 'INVALID_DATE'],
    ['03/04/2024', null, 'AMBIGUOUS_DATE'],
    ['yesterday', null, 'INVALID_DATE'],
    ['25:00', null, 'INVALID_DATE'],
  ] as const)('refuses %s (%s) with %s', (input, order, code) => {
    expect(parseDate(input, order)).toMatchObject({ ok: false, code });
  });
});

describe('coordinates and numbers', () => {
  it.each([
    ['31.4427238495', 'lat', 31.4427238495],
    ['13,4967', 'lat', 13.4967],
    ['-1.2921', 'lat', -1.2921],
    ['36.8219 E', 'lon', 36.8219],
    ['12.5° S', 'lat', -12.5],
    [179.9, 'lon', 179.9],
    ['No information', 'lat', null],
    [null, 'lon', null],
  ] as const)('%s as %s -> %s', (input, axis, expected) => {
    expect(parseCoordinate(input, axis)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1.407.092.855', 'lat', 'INVALID_COORDINATE'],
    ['1,407,092', 'lon', 'INVALID_COORDINATE'],
    ['95', 'lat', 'COORDINATE_OUT_OF_RANGE'],
    [1407092855, 'lon', 'COORDINATE_OUT_OF_RANGE'],
    ['-181', 'lon', 'COORDINATE_OUT_OF_RANGE'],
    ['12.5 E', 'lat', 'INVALID_COORDINATE'],
    ['abc', 'lat', 'INVALID_COORDINATE'],
  ] as const)('refuses %s as %s with %s', (input, axis, code) => {
    expect(parseCoordinate(input, axis)).toMatchObject({ ok: false, code });
  });

  it('reads decimal commas and grouped thousands, refuses guesses', () => {
    expect(parseNumber('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber('1 250')).toEqual({ ok: true, value: 1250 });
    expect(parseNumber('1.250,5')).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumber('1,250.5')).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumber('1.2.3,4.5')).toMatchObject({ ok: false });
    expect(parseCount('2')).toEqual({ ok: true, value: 2 });
    expect(parseCount('-1')).toMatchObject({ ok: false, code: 'INVALID_COUNT' });
    expect(parseCount('1,5')).toMatchObject({ ok: false, code: 'INVALID_COUNT' });
    expect(parseCount('Unknown')).toEqual({ ok: true, value: null });
  });
});

describe('reading and mapping', () => {
  it('detects encodings and delimiters', () => {
    expect(decodeText(Buffer.from('\ufeffa;b', 'utf8'))).toEqual({ text: 'a;b', encoding: 'utf-8-bom' });
    expect(decodeText(Buffer.from('\ufeffTués', 'utf16le'))).toEqual({ text: 'Tués', encoding: 'utf-16le' });
    expect(decodeText(Buffer.from([0x54, 0x75, 0xe9, 0x73]))).toEqual({ text: 'Tués', encoding: 'windows-1252' });
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('a,b\n"x,y",2\n')).toBe(',');
  });

  it('keeps repeated headers apart', () => {
    expect(uniqueHeaders(['Killed', 'Date', 'Killed', null, 'killed'])).toEqual(['Killed', 'Date', 'Killed (2)', 'Column 4', 'killed (3)']);
  });

  it('maps by header words in three languages and by HXL tags', () => {
    expect(fieldFromHeader('Date de l’incident')).toBe('date');
    expect(fieldFromHeader('Tués')).toBe('killed');
    expect(fieldFromHeader('International Aid Workers Killed')).toBe('killedInternational');
    expect(fieldFromHeader('Female Aid Workers Killed')).toBeNull();
    expect(fieldFromHeader('Country ISO')).toBeNull();
    expect(fieldFromHeader('Fecha')).toBe('date');
    expect(fieldFromHxl('#geo +lat')).toBe('latitude');
    expect(fieldFromHxl('#affected +healthworker +killed')).toBe('killed');
    expect(fieldFromHxl('#affected +killed +intl')).toBe('killedInternational');
    expect(fieldFromHxl('#adm1 +name')).toBe('adminArea');
  });

  it('lets the header win over a disagreeing HXL tag and reports it', () => {
    const s = suggestMapping(['Workers Kidnapped', 'Col B'], ['#affected +arrested', '#date']);
    expect(s.mapping).toEqual({ 'Workers Kidnapped': 'kidnapped', 'Col B': 'date' });
    expect(s.conflicts).toEqual([{ column: 'Workers Kidnapped', tag: '#affected +arrested', headerField: 'kidnapped', tagField: 'arrested' }]);
  });
});
