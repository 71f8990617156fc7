import type { ImportField, ImportMapping } from '../../../shared/contract/incidents';

/**
 * Suggests which Vigil field each file column feeds, from its header words (English, French, Spanish)
 * and its HXL hashtag. Nothing here knows any one file: rules are about words and tags. When the header
 * and the tag point to different fields the header wins (people read headers; HXL rows are often copied
 * from another dataset) and the disagreement is reported.
 */
export interface HxlConflict {
  column: string;
  tag: string;
  headerField: ImportField | null;
  tagField: ImportField | null;
}

/** Lower case, no accents, words separated by single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\(\d+\)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const has = (h: string, ...words: string[]) => words.some((w) => new RegExp(`(^| )${w}( |$)`).test(h));

type Kind = 'killed' | 'injured' | 'kidnapped' | 'arrested';
const CASUALTY_WORDS: Record<Kind, string[]> = {
  killed: ['killed', 'kill', 'dead', 'deaths?', 'fatalities', 'tues?', 'morts?', 'deces', 'muertos?', 'fallecidos?'],
  injured: ['injured', 'injur\\w*', 'wounded', 'bless\\w*', 'heridos?', 'lesionados?'],
  kidnapped: ['kidnapp?ed', 'kidnap\\w*', 'kidan\\w*', 'abducted', 'enlev\\w*', 'secuestrados?', 'otages?'],
  arrested: ['arrested', 'arre\\w*', 'detained', 'detenus?', 'detenidos?', 'arretes?'],
};

function casualtyField(h: string): ImportField | null | undefined {
  const kind = (Object.keys(CASUALTY_WORDS) as Kind[]).find((k) => has(h, ...CASUALTY_WORDS[k]));
  if (!kind) return undefined;
  // Sub-counts (by sex, in captivity) are not what the national / international split means.
  if (has(h, 'female', 'male', 'women', 'men', 'femmes?', 'hommes?', 'mujeres', 'hombres', 'captivity', 'outcome')) return null;
  if (has(h, 'international', 'internationaux', 'internacionales?', 'intl', 'expat\\w*', 'expatri\\w*')) return `${kind}International`;
  if (has(h, 'national', 'nationaux', 'nacionales?', 'local')) return `${kind}National`;
  return kind;
}

/** Header words -> field. Order matters: the first rule that matches wins. */
const HEADER_RULES: [ImportField, (h: string) => boolean][] = [
  ['externalId', (h) => has(h, 'event id', 'incident id', 'external id', 'record id', 'id', 'ref', 'reference', 'identifiant', 'identificador', 'uid')],
  ['subCategory', (h) => has(h, 'sub category', 'subcategory', 'sous categorie', 'subcategoria', 'attack context', 'contexte')],
  ['category', (h) => has(h, 'category', 'categorie', 'categoria', 'means of attack', 'incident type', 'event type', 'type d incident', 'type incident', 'tipo de incidente', 'tipo')],
  ['locationPrecision', (h) => has(h, 'geo precision', 'precision', 'precision geographique', 'precision geo')],
  ['latitude', (h) => has(h, 'latitude', 'lat', 'latitud')],
  ['longitude', (h) => has(h, 'longitude', 'lon', 'lng', 'long', 'longitud')],
  ['time', (h) => has(h, 'time', 'heure', 'hora') && !has(h, 'date')],
  ['date', (h) => has(h, 'date', 'fecha', 'date de l incident', 'date incident', 'day', 'jour') && !has(h, 'report\\w*', 'updated?', 'modified', 'saisie', 'entry')],
  ['perpetratorName', (h) => has(h, 'perpetrator', 'perp', 'auteur', 'autor', 'actor') && has(h, 'name', 'nom', 'nombre')],
  ['perpetratorType', (h) => has(h, 'perpetrator', 'perp', 'auteur', 'auteurs', 'autor', 'actor', 'actor type')],
  ['weapon', (h) => has(h, 'weapons?', 'armes?', 'armas?')],
  ['organisationAffected', (h) => has(h, 'organisation', 'organization', 'organisation affected', 'organisme', 'organizacion', 'agency', 'ong')],
  ['country', (h) => has(h, 'country', 'pays', 'pais') && !has(h, 'iso', 'code')],
  ['adminArea', (h) => has(h, 'admin 1', 'admin1', 'admin 2', 'admin2', 'province', 'region', 'state', 'governorate', 'district', 'prefecture', 'departement', 'provincia', 'area', 'zone')],
  ['placeName', (h) => has(h, 'location', 'location of incident', 'place', 'lieu', 'localite', 'locality', 'city', 'town', 'village', 'ville', 'lugar', 'localidad', 'site')],
  ['nearMiss', (h) => has(h, 'near miss', 'quasi incident', 'presque accident', 'casi incidente')],
  ['severity', (h) => has(h, 'severity', 'gravite', 'gravedad', 'severite')],
  ['confidentiality', (h) => has(h, 'confidentiality', 'confidential', 'restricted', 'confidentialite', 'confidencialidad')],
  ['actionsTaken', (h) => has(h, 'actions? taken', 'action', 'actions', 'mesures prises', 'mesures', 'acciones')],
  ['followUp', (h) => has(h, 'follow up', 'followup', 'suivi', 'seguimiento')],
  ['narrative', (h) => has(h, 'description', 'event description', 'narrative', 'summary', 'details', 'resume', 'recit', 'descripcion', 'resumen', 'comments?', 'notes?')],
];

export function fieldFromHeader(header: string): ImportField | null {
  const h = normaliseHeader(header);
  if (!h) return null;
  const casualty = casualtyField(h);
  if (casualty !== undefined) return casualty;
  return HEADER_RULES.find(([, test]) => test(h))?.[0] ?? null;
}

/** `#affected +killed +intl` -> { tag: 'affected', attributes: {'killed','intl'} }. */
export function parseHxl(tag: string): { tag: string; attributes: Set<string> } | null {
  const m = /^#([a-z][a-z0-9_]*)((?:\s*\+\s*[a-z][a-z0-9_]*)*)\s*$/i.exec(tag.trim());
  if (!m) return null;
  const attributes = new Set(
    m[2]!
      .split('+')
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean),
  );
  return { tag: m[1]!.toLowerCase(), attributes };
}

export function fieldFromHxl(tag: string): ImportField | null {
  const parsed = parseHxl(tag);
  if (!parsed) return null;
  const { tag: t, attributes: a } = parsed;
  switch (t) {
    case 'date':
      return a.has('reported') || a.has('updated') ? null : 'date';
    case 'geo':
      return a.has('lat') ? 'latitude' : a.has('lon') ? 'longitude' : a.has('precision') ? 'locationPrecision' : null;
    case 'country':
      return a.has('code') || a.has('iso') ? null : 'country';
    case 'adm1':
    case 'adm2':
    case 'adm3':
      return a.has('code') ? null : 'adminArea';
    case 'loc':
      return a.has('code') ? null : 'placeName';
    case 'group':
    case 'actor':
      return a.has('perp') || t === 'actor' ? (a.has('name') ? 'perpetratorName' : 'perpetratorType') : null;
    case 'weapon':
      return 'weapon';
    case 'org':
      return 'organisationAffected';
    case 'severity':
      return 'severity';
    case 'description':
    case 'narrative':
      return 'narrative';
    case 'event':
      return a.has('id') ? 'externalId' : a.has('type') || a.has('category') ? 'category' : null;
    case 'category':
      return 'category';
    case 'affected':
    case 'killed':
    case 'injured': {
      const kind = (['killed', 'injured', 'kidnapped', 'arrested'] as const).find((k) => a.has(k) || t === k);
      if (!kind) return null;
      if (a.has('f') || a.has('m') || a.has('female') || a.has('male') || a.has('captivity')) return null;
      if (a.has('intl') || a.has('international')) return `${kind}International`;
      if (a.has('national') || a.has('natl')) return `${kind}National`;
      return kind;
    }
    default:
      return null;
  }
}

export interface Suggestion {
  mapping: ImportMapping;
  conflicts: HxlConflict[];
}

/** One field per column and one column per field (the first column that claims a field gets it). */
export function suggestMapping(columns: string[], hxl: (string | null)[] | null): Suggestion {
  const mapping: ImportMapping = {};
  const conflicts: HxlConflict[] = [];
  const taken = new Set<ImportField>();
  columns.forEach((column, i) => {
    const byHeader = fieldFromHeader(column);
    const tag = hxl?.[i] ?? null;
    const byTag = tag ? fieldFromHxl(tag) : null;
    if (tag && byHeader && byTag && byHeader !== byTag) conflicts.push({ column, tag, headerField: byHeader, tagField: byTag });
    const field = byHeader ?? byTag;
    mapping[column] = field && !taken.has(field) ? field : null;
    if (field) taken.add(field);
  });
  return { mapping, conflicts };
}
