/**
 * Incident taxonomy presets, shipped as editable data (DESIGN.md section 4): names only, as published by
 * the Aid Worker Security Database (means of attack, attack context) and Insecurity Insight (perpetrator
 * and weapon lists). Category and sub-category stay free text in the vault, so an imported file's own
 * words are kept; these lists are what the form offers first.
 */
export interface TaxonomyPreset {
  id: string;
  source: string;
  categories: readonly string[];
  subCategories: readonly string[];
}

export const AWSD_MEANS_OF_ATTACK = [
  'Aerial bombardment',
  'Body-borne IED',
  'Complex attack',
  'Kidnap-killing',
  'Kidnapping',
  'Landmine',
  'Other Explosives',
  'Rape/sexual assault',
  'Roadside IED',
  'Shelling',
  'Shooting',
  'Vehicle-born IED',
  'Bodily assault',
  'Unknown',
] as const;

export const AWSD_ATTACK_CONTEXT = [
  'Ambush',
  'Combat/Crossfire',
  'Individual attack',
  'Mob violence',
  'Raid',
  'Detention',
  'Unknown',
] as const;

export const II_PERPETRATOR_TYPES = [
  'Host Government: Military',
  'Host Government: Police',
  'Host Government: Other',
  'Armed Forces of Government or Self-Declared Government',
  'Foreign Military',
  'Non-State Armed Group',
  'Criminal',
  'Individual or Group Not Affiliated with Armed Group',
  'Unknown',
] as const;

export const II_WEAPONS = [
  'Aerial Bomb',
  'Explosive Weapon',
  'Firearms',
  'Fire, Arson',
  'Knife, Blade',
  'Landmine',
  'Improvised Explosive Device',
  'Missile, Rocket, Shell',
  'Other Weapon',
  'No Weapon',
  'Unknown',
] as const;

export const ORGANISATIONS_AFFECTED = [
  'Own organisation',
  'Partner National Society',
  'ICRC',
  'UN',
  'INGO',
  'NNGO',
  'Other',
] as const;

export const INCIDENT_TAXONOMY_PRESETS: readonly TaxonomyPreset[] = [
  { id: 'awsd', source: 'Aid Worker Security Database', categories: AWSD_MEANS_OF_ATTACK, subCategories: AWSD_ATTACK_CONTEXT },
];
