/**
 * A checklist in the structure of the IFRC Minimum Security Requirements (parts 1-6), written for Vigil
 * from public knowledge of that structure: it is not the IFRC's own wording. A vault gets these items on
 * first use; the officer may edit them and add organisation-specific items.
 */
export const MSR_PARTS = [1, 2, 3, 4, 5, 6] as const;
export type MsrPart = (typeof MSR_PARTS)[number];

export interface MsrPresetItem {
  code: string;
  part: MsrPart;
  title: string;
}

const part = (p: MsrPart, titles: string[]): MsrPresetItem[] => titles.map((title, i) => ({ code: `MSR-${p}.${i + 1}`, part: p, title }));

export const MSR_IFRC_ITEMS: readonly MsrPresetItem[] = [
  ...part(1, [
    'A security risk assessment covers every area where the delegation works and is documented.',
    'The security risk register is reviewed at least every six months and after any major incident or change of context.',
    'A context analysis (actors, threats, trends) is updated at least monthly and shared with managers.',
    'Security phases are declared per area and every staff member knows the phase of the area they are in.',
    'Residual risks above the acceptable level are formally accepted by the head of delegation, in writing.',
    'Programme plans and new locations are checked against the risk assessment before activities start.',
  ]),
  ...part(2, [
    'Country security regulations exist, are signed by the head of delegation and are less than a year old.',
    'Standard operating procedures cover movements, checkpoints, cash handling, communications and curfew.',
    'Every premises (office, warehouse, residence) has had a security assessment in the last twelve months.',
    'Premises have adequate perimeter protection, lighting, guarding, fire safety and a safe room where required.',
    'Vehicles are roadworthy, carry the emblem where appropriate and hold first-aid kit, fire extinguisher and communications.',
    'A movement control system tracks every field movement (plan, authorisation, check-ins, arrival).',
    'Drivers follow the road safety rules (seat belts, speed limits, no driving after dark outside towns).',
    'Visitors, cash and sensitive information are handled according to written procedures.',
  ]),
  ...part(3, [
    'A relocation and evacuation plan exists, names assembly points and routes, and is tested at least once a year.',
    'A medical evacuation plan names the facilities, transport options and contacts, with insurance details.',
    'A critical incident management plan defines the team, roles, first actions and escalation contacts.',
    'Hibernation stocks (water, food, fuel, medical supplies) for at least 72 hours are kept at key premises.',
    'Emergency contact lists and "grab bags" are up to date and known to all staff.',
    'Contingency plans are reviewed after every activation, exercise or significant change of context.',
  ]),
  ...part(4, [
    'All security incidents and near misses are reported within 24 hours using the standard form.',
    'Incidents are analysed and trends reported to management at least quarterly.',
    'A security information network with other organisations and authorities is active and documented.',
    'A communication tree reaches every staff member within an agreed time, and is tested.',
    'Radio and satellite communications are available and checked according to procedures.',
    'Sensitive security information is classified, stored securely and shared on a need-to-know basis.',
  ]),
  ...part(5, [
    'Every newcomer receives a security briefing within 24 hours of arrival, and signs for it.',
    'All staff have completed the basic security e-learning (Stay Safe or equivalent).',
    'Managers with security responsibilities have attended security management training.',
    'Drivers have received defensive driving training.',
    'First-aid training is provided so that every team in the field includes a trained first aider.',
    'Security exercises and drills (fire, relocation, hibernation) are held and documented.',
    'Visitors and volunteers receive a security briefing adapted to their role.',
  ]),
  ...part(6, [
    'The head of delegation is accountable for security; this is written into the job description.',
    'A security focal point or officer is appointed, with time and resources for the role.',
    'Security roles and responsibilities of every manager and staff member are defined in writing.',
    'Security is a standing item of management meetings and decisions are recorded.',
    'Staff sign the security regulations and know the consequences of breaching them.',
    'Staff welfare and stress management measures are in place after critical incidents.',
  ]),
];
