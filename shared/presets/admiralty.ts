/**
 * The admiralty code (NATO AJP-2.1): how reliable a source has proved (A-F) and how credible one piece of
 * information is (1-6), judged apart. Labels are data, in every language the app speaks, so the core's
 * exports and flash reports and the renderer's pickers say the same words.
 */
type Labels = Readonly<Record<'en' | 'fr' | 'es' | 'ar', string>>;

export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];
export const INFORMATION_CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const;
export type InformationCredibility = (typeof INFORMATION_CREDIBILITY)[number];

export const RELIABILITY_LABELS: Readonly<Record<SourceReliability, Labels>> = {
  A: { en: 'Completely reliable', fr: 'Totalement fiable', es: 'Completamente fiable', ar: 'موثوق تماماً' },
  B: { en: 'Usually reliable', fr: 'Habituellement fiable', es: 'Normalmente fiable', ar: 'موثوق عادةً' },
  C: { en: 'Fairly reliable', fr: 'Assez fiable', es: 'Bastante fiable', ar: 'موثوق إلى حد ما' },
  D: { en: 'Not usually reliable', fr: 'Peu fiable', es: 'Normalmente poco fiable', ar: 'غير موثوق عادةً' },
  E: { en: 'Unreliable', fr: 'Non fiable', es: 'No fiable', ar: 'غير موثوق' },
  F: { en: 'Reliability cannot be judged', fr: 'Fiabilité impossible à évaluer', es: 'Fiabilidad imposible de evaluar', ar: 'لا يمكن تقدير الموثوقية' },
};

export const CREDIBILITY_LABELS: Readonly<Record<InformationCredibility, Labels>> = {
  '1': { en: 'Confirmed by other sources', fr: 'Confirmée par d’autres sources', es: 'Confirmada por otras fuentes', ar: 'مؤكدة من مصادر أخرى' },
  '2': { en: 'Probably true', fr: 'Probablement vraie', es: 'Probablemente cierta', ar: 'صحيحة على الأرجح' },
  '3': { en: 'Possibly true', fr: 'Peut-être vraie', es: 'Posiblemente cierta', ar: 'قد تكون صحيحة' },
  '4': { en: 'Doubtful', fr: 'Douteuse', es: 'Dudosa', ar: 'مشكوك فيها' },
  '5': { en: 'Improbable', fr: 'Improbable', es: 'Improbable', ar: 'غير مرجّحة' },
  '6': { en: 'Truth cannot be judged', fr: 'Véracité impossible à évaluer', es: 'Veracidad imposible de evaluar', ar: 'لا يمكن تقدير صحتها' },
};
