import type Database from 'better-sqlite3';
import {
  AWSD_ATTACK_CONTEXT,
  AWSD_MEANS_OF_ATTACK,
  II_PERPETRATOR_TYPES,
  II_WEAPONS,
  ORGANISATIONS_AFFECTED,
} from '../../shared/presets/incidentTaxonomy';
import { IncidentTaxonomySchema, TAXONOMY_FIELDS, type IncidentTaxonomy, type TaxonomyField, type TaxonomyTerm } from '../../shared/contract/incidentTaxonomy';
import type { AlsoMatches, TextMatchType } from '../grid';

/** The settings key holding the delegation's own taxonomy; absent or null means the presets. */
export const TAXONOMY_KEY = 'incidents.taxonomy';

type Labels = Required<TaxonomyTerm['labels']>;

/**
 * French, Spanish and Arabic labels of the preset terms, keyed by the English value the vault stores.
 * Wording follows the usage of the ICRC, the UN and humanitarian security networks (EEI/AEI for IED).
 */
const PRESET_LABELS: Record<string, Labels> = {
  // Aid Worker Security Database: means of attack
  'Aerial bombardment': { fr: 'Bombardement aérien', es: 'Bombardeo aéreo', ar: 'قصف جوي' },
  'Body-borne IED': { fr: 'EEI porté par une personne', es: 'AEI portado por una persona', ar: 'عبوة ناسفة محمولة على الجسم' },
  'Complex attack': { fr: 'Attaque complexe', es: 'Ataque complejo', ar: 'هجوم مركّب' },
  'Kidnap-killing': { fr: 'Enlèvement suivi de meurtre', es: 'Secuestro seguido de asesinato', ar: 'اختطاف متبوع بقتل' },
  Kidnapping: { fr: 'Enlèvement', es: 'Secuestro', ar: 'اختطاف' },
  Landmine: { fr: 'Mine terrestre', es: 'Mina terrestre', ar: 'لغم أرضي' },
  'Other Explosives': { fr: 'Autres explosifs', es: 'Otros explosivos', ar: 'متفجرات أخرى' },
  'Rape/sexual assault': { fr: 'Viol/agression sexuelle', es: 'Violación/agresión sexual', ar: 'اغتصاب/اعتداء جنسي' },
  'Roadside IED': { fr: 'EEI en bord de route', es: 'AEI al borde de la carretera', ar: 'عبوة ناسفة على جانب الطريق' },
  Shelling: { fr: "Tirs d'artillerie", es: 'Bombardeo de artillería', ar: 'قصف مدفعي' },
  Shooting: { fr: "Tirs d'arme à feu", es: 'Disparos', ar: 'إطلاق نار' },
  'Vehicle-born IED': { fr: 'EEI embarqué sur véhicule (véhicule piégé)', es: 'AEI en vehículo (coche bomba)', ar: 'عبوة ناسفة محمولة على مركبة (سيارة مفخخة)' },
  'Bodily assault': { fr: 'Agression physique', es: 'Agresión física', ar: 'اعتداء جسدي' },
  Unknown: { fr: 'Inconnu', es: 'Desconocido', ar: 'غير معروف' },
  // Aid Worker Security Database: attack context
  Ambush: { fr: 'Embuscade', es: 'Emboscada', ar: 'كمين' },
  'Combat/Crossfire': { fr: 'Combats/tirs croisés', es: 'Combate/fuego cruzado', ar: 'قتال/تبادل لإطلاق النار' },
  'Individual attack': { fr: 'Attaque individuelle', es: 'Ataque individual', ar: 'هجوم فردي' },
  'Mob violence': { fr: 'Violence de foule', es: 'Violencia multitudinaria', ar: 'عنف الحشود' },
  Raid: { fr: 'Raid armé', es: 'Incursión armada', ar: 'مداهمة' },
  Detention: { fr: 'Détention', es: 'Detención', ar: 'احتجاز' },
  // Insecurity Insight: perpetrator types
  'Host Government: Military': { fr: 'Gouvernement hôte : armée', es: 'Gobierno anfitrión: fuerzas armadas', ar: 'حكومة البلد المضيف: الجيش' },
  'Host Government: Police': { fr: 'Gouvernement hôte : police', es: 'Gobierno anfitrión: policía', ar: 'حكومة البلد المضيف: الشرطة' },
  'Host Government: Other': { fr: 'Gouvernement hôte : autre', es: 'Gobierno anfitrión: otro', ar: 'حكومة البلد المضيف: جهة أخرى' },
  'Armed Forces of Government or Self-Declared Government': {
    fr: "Forces armées d'un gouvernement ou d'un gouvernement autoproclamé",
    es: 'Fuerzas armadas de un gobierno o de un gobierno autoproclamado',
    ar: 'القوات المسلحة لحكومة أو لحكومة معلنة ذاتياً',
  },
  'Foreign Military': { fr: 'Forces armées étrangères', es: 'Fuerzas armadas extranjeras', ar: 'قوات عسكرية أجنبية' },
  'Non-State Armed Group': { fr: 'Groupe armé non étatique', es: 'Grupo armado no estatal', ar: 'جماعة مسلحة من غير الدول' },
  Criminal: { fr: 'Criminels', es: 'Delincuentes', ar: 'عناصر إجرامية' },
  'Individual or Group Not Affiliated with Armed Group': {
    fr: 'Individu ou groupe non affilié à un groupe armé',
    es: 'Persona o grupo no afiliado a un grupo armado',
    ar: 'فرد أو جماعة غير منتسبة إلى جماعة مسلحة',
  },
  // Insecurity Insight: weapons
  'Aerial Bomb': { fr: 'Bombe aérienne', es: 'Bomba aérea', ar: 'قنبلة جوية' },
  'Explosive Weapon': { fr: 'Arme explosive', es: 'Arma explosiva', ar: 'سلاح متفجر' },
  Firearms: { fr: 'Armes à feu', es: 'Armas de fuego', ar: 'أسلحة نارية' },
  'Fire, Arson': { fr: 'Feu, incendie criminel', es: 'Fuego, incendio provocado', ar: 'حريق، إحراق متعمد' },
  'Knife, Blade': { fr: 'Couteau, arme blanche', es: 'Cuchillo, arma blanca', ar: 'سكين، سلاح أبيض' },
  'Improvised Explosive Device': { fr: 'Engin explosif improvisé (EEI)', es: 'Artefacto explosivo improvisado (AEI)', ar: 'عبوة ناسفة بدائية الصنع' },
  'Missile, Rocket, Shell': { fr: 'Missile, roquette, obus', es: 'Misil, cohete, proyectil de artillería', ar: 'صاروخ موجّه، صاروخ، قذيفة' },
  'Other Weapon': { fr: 'Autre arme', es: 'Otra arma', ar: 'سلاح آخر' },
  'No Weapon': { fr: 'Sans arme', es: 'Sin arma', ar: 'بدون سلاح' },
  // Organisations affected
  'Own organisation': { fr: 'Notre organisation', es: 'Organización propia', ar: 'منظمتنا' },
  'Partner National Society': { fr: 'Société nationale partenaire', es: 'Sociedad Nacional asociada', ar: 'جمعية وطنية شريكة' },
  ICRC: { fr: 'CICR', es: 'CICR', ar: 'اللجنة الدولية للصليب الأحمر' },
  UN: { fr: 'ONU', es: 'ONU', ar: 'الأمم المتحدة' },
  INGO: { fr: 'ONG internationale', es: 'ONG internacional', ar: 'منظمة غير حكومية دولية' },
  NNGO: { fr: 'ONG nationale', es: 'ONG nacional', ar: 'منظمة غير حكومية وطنية' },
  Other: { fr: 'Autre', es: 'Otra', ar: 'أخرى' },
};

const terms = (values: readonly string[]): TaxonomyTerm[] => values.map((value) => ({ value, labels: { ...PRESET_LABELS[value] } }));

/** The shipped presets (AWSD, Insecurity Insight), used until the delegation edits its own taxonomy. */
export function presetTaxonomy(): IncidentTaxonomy {
  return {
    category: terms(AWSD_MEANS_OF_ATTACK),
    subCategory: terms(AWSD_ATTACK_CONTEXT),
    perpetratorType: terms(II_PERPETRATOR_TYPES),
    weapon: terms(II_WEAPONS),
    organisationAffected: terms(ORGANISATIONS_AFFECTED),
  };
}

/** The stored taxonomy, or null while the delegation uses the presets (or the stored one is unreadable). */
export function readStoredTaxonomy(sqlite: Database.Database): IncidentTaxonomy | null {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(TAXONOMY_KEY) as { value: string } | undefined;
  if (!row) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(row.value);
  } catch {
    return null;
  }
  if (raw === null) return null;
  const parsed = IncidentTaxonomySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The delegation's incident taxonomy: the one saved in Settings, else the presets. */
export function readTaxonomy(sqlite: Database.Database): IncidentTaxonomy {
  return readStoredTaxonomy(sqlite) ?? presetTaxonomy();
}

/**
 * For grid filters and the quick filter: the stored values (lower-cased) of the terms whose label, in
 * any language, matches what the user typed. The grid shows labels in the reader's language, so typing
 * "enlèvement" must find the incidents stored as "Kidnapping".
 */
export function taxonomyAlsoMatches(taxonomy: IncidentTaxonomy): AlsoMatches {
  const matches = (label: string, typed: string, type: TextMatchType) =>
    type === 'equals' ? label === typed : type === 'startsWith' ? label.startsWith(typed) : type === 'endsWith' ? label.endsWith(typed) : label.includes(typed);
  const forField = (field: TaxonomyField) => (typed: string, type: TextMatchType) => {
    const needle = typed.trim().toLowerCase();
    if (!needle) return [];
    return taxonomy[field]
      .filter((term) => Object.values(term.labels).some((label) => label && matches(label.toLowerCase(), needle, type)))
      .map((term) => term.value.toLowerCase());
  };
  return Object.fromEntries(TAXONOMY_FIELDS.map((field) => [field, forField(field)]));
}
