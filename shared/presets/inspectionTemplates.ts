/**
 * Inspection checklist presets, as data: written from common humanitarian minimum security standards
 * (perimeter, access control, lighting, locks, safe room, fire, first aid, generator, communications,
 * evacuation). They are seeded into a vault on first use and are then ordinary, editable templates; an
 * item keeps its preset key so its label shows in the reader's language (English as fallback) until a
 * user rewrites it.
 */
import type { Language } from '../contract/common';

export const INSPECTION_SECTIONS = [
  'perimeter',
  'access_control',
  'lighting',
  'locks',
  'safe_room',
  'fire',
  'first_aid',
  'generator',
  'communications',
  'evacuation',
] as const;
export type InspectionSection = (typeof INSPECTION_SECTIONS)[number];

/** check = yes / no / partial / n.a.; photo = the item is answered by attaching at least one photo. */
export const ANSWER_TYPES = ['check', 'number', 'text', 'date', 'photo'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export type Labels = Record<Language, string>;

export interface PresetItem {
  key: string;
  section: InspectionSection;
  answerType: AnswerType;
  weight: number;
  critical: boolean;
  required: boolean;
  label: Labels;
}

export const SECTION_LABELS: Record<InspectionSection, Labels> = {
  perimeter: { en: 'Perimeter', fr: 'Périmètre', es: 'Perímetro', ar: 'المحيط الخارجي' },
  access_control: { en: 'Access control', fr: "Contrôle d'accès", es: 'Control de acceso', ar: 'مراقبة الدخول' },
  lighting: { en: 'Lighting', fr: 'Éclairage', es: 'Iluminación', ar: 'الإنارة' },
  locks: { en: 'Locks', fr: 'Serrures', es: 'Cerraduras', ar: 'الأقفال' },
  safe_room: { en: 'Safe room and supplies', fr: 'Pièce sécurisée et réserves', es: 'Cuarto seguro y suministros', ar: 'الغرفة الآمنة ولوازمها' },
  fire: { en: 'Fire-fighting equipment', fr: 'Matériel de lutte contre l’incendie', es: 'Equipo contra incendios', ar: 'معدات مكافحة الحريق' },
  first_aid: { en: 'First aid', fr: 'Premiers secours', es: 'Primeros auxilios', ar: 'الإسعافات الأولية' },
  generator: { en: 'Generator and fuel', fr: 'Groupe électrogène et carburant', es: 'Generador y combustible', ar: 'المولّد والوقود' },
  communications: { en: 'Communications', fr: 'Communications', es: 'Comunicaciones', ar: 'الاتصالات' },
  evacuation: { en: 'Evacuation routes', fr: "Voies d'évacuation", es: 'Rutas de evacuación', ar: 'طرق الإخلاء' },
};

type Row = [key: string, section: InspectionSection, type: AnswerType, weight: number, critical: boolean, label: [string, string, string, string]];

const ITEMS: Row[] = [
  ['perimeter.wall', 'perimeter', 'check', 3, false, ['Perimeter wall or fence intact, at least 2 m high, no gaps', 'Mur ou clôture d’enceinte intact, au moins 2 m de haut, sans brèche', 'Muro o valla perimetral intacto, de al menos 2 m, sin huecos', 'السور أو السياج الخارجي سليم بارتفاع مترين على الأقل ودون ثغرات']],
  ['perimeter.vegetation', 'perimeter', 'check', 1, false, ['Vegetation cut back; nothing to climb over the wall', 'Végétation taillée ; rien ne permet d’escalader le mur', 'Vegetación recortada; nada permite trepar el muro', 'النباتات مقصوصة ولا شيء يساعد على تسلّق السور']],
  ['perimeter.signage', 'perimeter', 'check', 1, false, ['Emblem / no-weapons sign visible at the entrance', 'Emblème / panneau « pas d’armes » visible à l’entrée', 'Emblema / cartel de prohibición de armas visible en la entrada', 'الشارة ولافتة «ممنوع السلاح» ظاهرة عند المدخل']],
  ['perimeter.photo', 'perimeter', 'photo', 1, false, ['Photo of the main gate and perimeter', 'Photo du portail principal et du périmètre', 'Foto de la puerta principal y del perímetro', 'صورة للبوابة الرئيسية والمحيط']],
  ['access.guard', 'access_control', 'check', 3, true, ['Guard present at the gate, briefed and with post orders', 'Gardien présent au portail, briefé et muni de consignes', 'Guardia presente en la puerta, informado y con consignas', 'الحارس موجود عند البوابة ومُبلَّغ ولديه تعليمات المركز']],
  ['access.visitorLog', 'access_control', 'check', 2, false, ['Visitor log kept up to date', 'Registre des visiteurs à jour', 'Registro de visitantes al día', 'سجل الزوار محدَّث']],
  ['access.vehicleCheck', 'access_control', 'check', 1, false, ['Vehicles checked before entering', 'Véhicules contrôlés avant l’entrée', 'Vehículos revisados antes de entrar', 'تفتيش المركبات قبل دخولها']],
  ['lighting.perimeter', 'lighting', 'check', 2, false, ['Perimeter and gate lit all night', 'Périmètre et portail éclairés toute la nuit', 'Perímetro y puerta iluminados toda la noche', 'المحيط والبوابة مُضاءان طوال الليل']],
  ['lighting.backup', 'lighting', 'check', 1, false, ['Security lights on backup power', 'Éclairage de sécurité sur alimentation de secours', 'Luces de seguridad con energía de respaldo', 'أضواء الأمن موصولة بمصدر طاقة احتياطي']],
  ['locks.doors', 'locks', 'check', 2, false, ['External doors solid with working deadlocks', 'Portes extérieures solides avec serrures de sûreté fonctionnelles', 'Puertas exteriores sólidas con cerraduras de seguridad que funcionan', 'الأبواب الخارجية متينة وأقفالها الآمنة تعمل']],
  ['locks.windows', 'locks', 'check', 2, false, ['Ground-floor windows barred or locked', 'Fenêtres du rez-de-chaussée grillagées ou verrouillées', 'Ventanas de planta baja con rejas o cerradas', 'نوافذ الطابق الأرضي مزوّدة بقضبان أو مقفلة']],
  ['locks.keyRegister', 'locks', 'check', 1, false, ['Key register kept; spare keys secured', 'Registre des clés tenu ; doubles en lieu sûr', 'Registro de llaves al día; copias guardadas', 'سجل المفاتيح محدَّث والمفاتيح الاحتياطية في مكان آمن']],
  ['safe.door', 'safe_room', 'check', 3, true, ['Safe room door reinforced and lockable from inside', 'Porte de la pièce sécurisée renforcée et verrouillable de l’intérieur', 'Puerta del cuarto seguro reforzada y con cierre interior', 'باب الغرفة الآمنة مُدعَّم ويُقفل من الداخل']],
  ['safe.water', 'safe_room', 'check', 2, false, ['Water and food for 3 days for everyone on site', 'Eau et nourriture pour 3 jours pour tous les occupants', 'Agua y comida para 3 días para todos', 'ماء وطعام لثلاثة أيام لكل الموجودين']],
  ['safe.waterLitres', 'safe_room', 'number', 0, false, ['Litres of drinking water in the safe room', 'Litres d’eau potable dans la pièce sécurisée', 'Litros de agua potable en el cuarto seguro', 'لترات مياه الشرب في الغرفة الآمنة']],
  ['safe.comms', 'safe_room', 'check', 2, false, ['Radio or satellite phone and charger in the safe room', 'Radio ou téléphone satellite et chargeur dans la pièce sécurisée', 'Radio o teléfono satelital y cargador en el cuarto seguro', 'جهاز لاسلكي أو هاتف فضائي وشاحنه في الغرفة الآمنة']],
  ['fire.extinguishers', 'fire', 'check', 3, true, ['Fire extinguishers present on every floor and not expired', 'Extincteurs à chaque étage et non périmés', 'Extintores en cada planta y sin caducar', 'طفايات حريق في كل طابق وغير منتهية الصلاحية']],
  ['fire.detectors', 'fire', 'check', 2, false, ['Smoke detectors tested and working', 'Détecteurs de fumée testés et fonctionnels', 'Detectores de humo probados y funcionando', 'كواشف الدخان مُختبرة وتعمل']],
  ['fire.blanket', 'fire', 'check', 1, false, ['Fire blanket in the kitchen', 'Couverture anti-feu dans la cuisine', 'Manta ignífuga en la cocina', 'بطانية إطفاء في المطبخ']],
  ['fire.lastDrill', 'fire', 'date', 0, false, ['Date of the last fire drill', 'Date du dernier exercice incendie', 'Fecha del último simulacro de incendio', 'تاريخ آخر تمرين على الحريق']],
  ['firstAid.kit', 'first_aid', 'check', 2, false, ['First aid kit complete and not expired', 'Trousse de premiers secours complète et non périmée', 'Botiquín completo y sin caducar', 'حقيبة الإسعافات الأولية كاملة وغير منتهية الصلاحية']],
  ['firstAid.trained', 'first_aid', 'check', 1, false, ['Someone on site trained in first aid', 'Une personne formée aux premiers secours sur place', 'Alguien en el lugar formado en primeros auxilios', 'شخص مُدرَّب على الإسعافات الأولية في الموقع']],
  ['generator.works', 'generator', 'check', 2, false, ['Generator starts and is serviced', 'Le groupe électrogène démarre et est entretenu', 'El generador arranca y tiene mantenimiento', 'المولّد يعمل وتتمّ صيانته']],
  ['generator.fuelDays', 'generator', 'number', 0, false, ['Days of fuel in stock', 'Jours de carburant en stock', 'Días de combustible en reserva', 'عدد أيام الوقود المخزَّن']],
  ['generator.fuelStorage', 'generator', 'check', 1, false, ['Fuel stored away from buildings, ventilated', 'Carburant stocké à l’écart des bâtiments, ventilé', 'Combustible almacenado lejos de los edificios y ventilado', 'الوقود مخزَّن بعيداً عن المباني وفي مكان مُهوّى']],
  ['comms.radio', 'communications', 'check', 3, true, ['Radio check with the base done today', 'Appel radio de contrôle avec la base fait aujourd’hui', 'Prueba de radio con la base hecha hoy', 'تمّ فحص الاتصال اللاسلكي مع القاعدة اليوم']],
  ['comms.list', 'communications', 'check', 1, false, ['Emergency contact list posted and current', 'Liste des contacts d’urgence affichée et à jour', 'Lista de contactos de emergencia visible y al día', 'قائمة أرقام الطوارئ معلَّقة ومحدَّثة']],
  ['evac.routes', 'evacuation', 'check', 2, true, ['Evacuation routes clear and signposted', 'Voies d’évacuation dégagées et signalées', 'Rutas de evacuación despejadas y señalizadas', 'طرق الإخلاء خالية ومُعلَّمة']],
  ['evac.assembly', 'evacuation', 'check', 1, false, ['Assembly point known to everyone on site', 'Point de rassemblement connu de tous', 'Punto de reunión conocido por todos', 'نقطة التجمّع معروفة لجميع الموجودين']],
  ['evac.notes', 'evacuation', 'text', 0, false, ['Remarks on evacuation', 'Remarques sur l’évacuation', 'Observaciones sobre la evacuación', 'ملاحظات حول الإخلاء']],
  // Type-specific items.
  ['warehouse.stockSecured', 'access_control', 'check', 2, false, ['Stock area locked; access limited to named staff', 'Zone de stock fermée ; accès limité au personnel désigné', 'Zona de almacén cerrada; acceso solo al personal designado', 'منطقة المخزون مقفلة والدخول مقتصر على موظفين محدَّدين']],
  ['warehouse.fireAisles', 'fire', 'check', 2, false, ['Aisles clear; flammables stored apart', 'Allées dégagées ; produits inflammables stockés à part', 'Pasillos despejados; inflamables almacenados aparte', 'الممرات خالية والمواد القابلة للاشتعال مخزَّنة بشكل منفصل']],
  ['residence.curfewBriefing', 'access_control', 'check', 1, false, ['Residents briefed on curfew and visitor rules', 'Résidents briefés sur le couvre-feu et les visites', 'Residentes informados del toque de queda y visitas', 'تمّ إبلاغ المقيمين بحظر التجول وقواعد الزيارات']],
  ['guest.register', 'access_control', 'check', 2, false, ['Guest register with arrival and departure dates', 'Registre des hôtes avec dates d’arrivée et de départ', 'Registro de huéspedes con fechas de llegada y salida', 'سجل النزلاء مع تواريخ الوصول والمغادرة']],
  ['guest.briefing', 'evacuation', 'check', 1, false, ['Guests shown the safe room and evacuation routes', 'Hôtes informés de la pièce sécurisée et des voies d’évacuation', 'Huéspedes informados del cuarto seguro y de las rutas de evacuación', 'تمّ تعريف النزلاء بالغرفة الآمنة وطرق الإخلاء']],
];

const LANGS: Language[] = ['en', 'fr', 'es', 'ar'];

export const PRESET_ITEMS: Record<string, PresetItem> = Object.fromEntries(
  ITEMS.map(([key, section, answerType, weight, critical, label]) => [
    key,
    {
      key,
      section,
      answerType,
      weight,
      critical,
      required: answerType !== 'text',
      label: Object.fromEntries(LANGS.map((l, i) => [l, label[i]])) as Labels,
    },
  ]),
);

const COMMON = ITEMS.filter(([key]) => !/^(warehouse|residence|guest)\./.test(key)).map(([key]) => key);
const withExtra = (...extra: string[]) => {
  // Keep section order: insert each extra item right after the last common item of its section.
  const keys = [...COMMON];
  for (const k of extra) {
    const section = PRESET_ITEMS[k]!.section;
    const last = keys.map((x) => PRESET_ITEMS[x]!.section).lastIndexOf(section);
    keys.splice(last + 1, 0, k);
  }
  return keys;
};

export interface PresetTemplate {
  key: 'office' | 'residence' | 'warehouse' | 'guest_house';
  name: Labels;
  passThreshold: number;
  items: string[];
}

export const PRESET_TEMPLATES: PresetTemplate[] = [
  { key: 'office', name: { en: 'Office inspection', fr: 'Inspection de bureau', es: 'Inspección de oficina', ar: 'تفتيش المكتب' }, passThreshold: 80, items: COMMON },
  {
    key: 'residence',
    name: { en: 'Residence inspection', fr: 'Inspection de résidence', es: 'Inspección de residencia', ar: 'تفتيش السكن' },
    passThreshold: 80,
    items: withExtra('residence.curfewBriefing'),
  },
  {
    key: 'warehouse',
    name: { en: 'Warehouse inspection', fr: 'Inspection d’entrepôt', es: 'Inspección de almacén', ar: 'تفتيش المستودع' },
    passThreshold: 75,
    items: withExtra('warehouse.stockSecured', 'warehouse.fireAisles'),
  },
  {
    key: 'guest_house',
    name: { en: 'Guest house inspection', fr: 'Inspection de maison d’hôtes', es: 'Inspección de casa de huéspedes', ar: 'تفتيش دار الضيافة' },
    passThreshold: 80,
    items: withExtra('guest.register', 'guest.briefing'),
  },
];

/** A label in the reader's language, English when that language has none. */
export function presetLabel(labels: Partial<Labels>, lang: Language): string {
  return labels[lang] || labels.en || '';
}
