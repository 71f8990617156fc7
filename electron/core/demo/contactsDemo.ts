import { insertContact, insertInteraction, insertLink, insertOrganisation } from '../../../db/repositories/contacts';
import type { InteractionKind, OrganisationType } from '../../../shared/contract/contacts';
import { demoId, type DemoSeeder } from './seedDemo';
import { DEMO_CITY_COORDS, nearby } from './demoPlaces';

/**
 * Fictional organisations of the fictional country the demo vault is set in, each in one of its cities:
 * national offices in the capital, Port Amarel; the others where their name or work puts them.
 */
const ORGANISATIONS: Array<{ name: string; type: OrganisationType; city: string; people: number }> = [
  { name: 'ICRC Dunmore sub-delegation (demo)', type: 'icrc', city: 'Dunmore', people: 3 },
  { name: 'Fictionland Red Crescent (demo)', type: 'national_society', city: 'Port Amarel', people: 6 },
  { name: 'UNDSS Fictionland (demo)', type: 'undss', city: 'Port Amarel', people: 4 },
  { name: 'INSO Fictionland (demo)', type: 'inso', city: 'Port Amarel', people: 3 },
  { name: 'Harbour Aid International (demo)', type: 'ingo', city: 'Tamsin', people: 3 },
  { name: 'Kessin Women Network (demo)', type: 'nngo', city: 'Kessin', people: 2 },
  { name: 'Dunmore District Governor office (demo)', type: 'authority', city: 'Dunmore', people: 3 },
  { name: 'Dunmore Central Police Station (demo)', type: 'police', city: 'Dunmore', people: 4 },
  { name: '3rd Coastal Brigade (demo)', type: 'military', city: 'Kessin', people: 2 },
  { name: 'Embassy of Nowhereland (demo)', type: 'embassy', city: 'Port Amarel', people: 2 },
  { name: 'Orsk elders council (demo)', type: 'community', city: 'Orsk', people: 3 },
  { name: 'Tamsin Car Hire (demo)', type: 'vendor', city: 'Tamsin', people: 2 },
];

const ROLES: Record<OrganisationType, string[]> = {
  icrc: ['Head of sub-delegation', 'Security focal point', 'Protection delegate'],
  national_society: ['Secretary General', 'Security focal point', 'Branch coordinator', 'Ambulance team leader'],
  undss: ['Chief Security Adviser', 'Field Security Coordination Officer', 'Security analyst'],
  inso: ['Country director', 'Safety adviser'],
  ingo: ['Country director', 'Safety and security manager'],
  nngo: ['Coordinator', 'Field officer'],
  authority: ['District governor', 'Deputy governor', 'Chief of staff'],
  police: ['Station commander', 'Duty officer', 'Traffic inspector'],
  military: ['Liaison officer', 'Brigade civil-military officer'],
  embassy: ['Consul', 'Regional security officer'],
  community: ['Elder', 'Youth representative'],
  vendor: ['Manager', 'Dispatcher'],
  other: ['Contact'],
};

const SUBJECTS = ['Weekly security cell', 'Checkpoint situation on the coast road', 'Movement notification', 'Curfew update', 'Introduction meeting', 'Incident follow-up'];
const KINDS: InteractionKind[] = ['meeting', 'call', 'message'];

export const seedContactsDemo: DemoSeeder = (ctx) => {
  const cities = ctx.shared.get('cities') ?? [];
  const day = (daysAgo: number) => new Date(ctx.now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const created = new Date(ctx.now.getTime() - 200 * 86_400_000).toISOString();
  const contactIds: string[] = [];
  ORGANISATIONS.forEach((o, oi) => {
    const orgId = demoId(ctx, new Date(created));
    const city = Math.max(0, DEMO_CITY_COORDS.findIndex((c) => c.name === o.city));
    insertOrganisation(ctx.db.orm, { id: orgId, name: o.name, type: o.type, areaId: cities[city] ?? null, notes: '', createdAt: created, updatedAt: created });
    for (let p = 0; p < o.people; p++) {
      const id = demoId(ctx, new Date(created));
      const name = ctx.faker.person.fullName();
      // Every fourth person is cold (over 90 days), a few are sensitive (military, community elders).
      // Contacts work in their organisation's city; one in seven has no known location (as in real lists).
      const located = contactIds.length % 7 !== 6;
      const where = located ? nearby(DEMO_CITY_COORDS[city]!, contactIds.length) : null;
      const daysAgo = contactIds.length % 4 === 3 ? ctx.faker.number.int({ min: 95, max: 180 }) : ctx.faker.number.int({ min: 1, max: 60 });
      insertContact(ctx.db.orm, {
        id,
        name,
        organisationId: orgId,
        role: ROLES[o.type][p % ROLES[o.type].length]!,
        phones: [
          { label: 'mobile', number: `+999 7${ctx.faker.string.numeric(2)} ${ctx.faker.string.numeric(3)} ${ctx.faker.string.numeric(3)}` },
          ...(p === 0 ? [{ label: 'Thuraya', number: `+88216 ${ctx.faker.string.numeric(7)}` }] : []),
        ],
        callSign: o.type === 'undss' || o.type === 'icrc' ? `${['Alpha', 'Bravo', 'Charlie', 'Delta'][p % 4]} ${oi + 1}` : '',
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.+|\.+$/g, '')}@example.org`,
        messaging: p % 2 === 0 ? [{ service: 'Signal', handle: `+9997${ctx.faker.string.numeric(8)}` }] : [],
        address: `${ctx.faker.location.buildingNumber()} ${ctx.faker.location.street()} (fictional)`,
        latitude: where?.latitude ?? null,
        longitude: where?.longitude ?? null,
        languages: ['English', 'English, French', 'Arabic, English', 'French'][p % 4]!,
        relationshipOwner: 'Amina Diallo (demo)',
        trustNote: p === 0 ? 'Reliable; confirms information before passing it on (demo).' : '',
        lastContactDate: day(daysAgo),
        sensitive: o.type === 'military' || (o.type === 'community' && p === 0),
        notes: 'FICTIONAL DEMO CONTACT',
        externalId: null,
        createdAt: created,
        updatedAt: created,
      });
      insertInteraction(ctx.db.orm, {
        id: demoId(ctx, new Date(created)),
        date: day(daysAgo),
        contactId: id,
        organisationId: orgId,
        byWhom: 'Amina Diallo (demo)',
        kind: KINDS[contactIds.length % 3]!,
        subject: SUBJECTS[contactIds.length % SUBJECTS.length]!,
        notes: '',
        followUp: contactIds.length % 5 === 0 ? 'Send the updated movement plan (demo).' : '',
        createdAt: created,
        updatedAt: created,
      });
      contactIds.push(id);
    }
  });
  const pairs = new Set<string>();
  for (let i = 1; i < contactIds.length; i += 2) {
    const from = contactIds[i - 1]!;
    const to = contactIds[(i * 7) % contactIds.length]!;
    const key = [from, to].sort().join(':');
    if (from === to || pairs.has(key)) continue;
    pairs.add(key);
    insertLink(ctx.db.orm, { id: demoId(ctx, new Date(created)), fromContactId: from, toContactId: to, relation: i % 4 === 1 ? 'introduced by' : 'works with', createdAt: created });
  }
  ctx.shared.set('contacts', contactIds);
};
