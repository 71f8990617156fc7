/** Every IANA zone this runtime knows, for the time zone pickers; computed once, the list is long. */
let zones: readonly string[] | undefined;

export function timeZones(): readonly string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones;
}

/** The laptop's own zone: the best first guess when setting up a vault. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "America/Argentina/Buenos_Aires" reads better as "America / Argentina / Buenos Aires". */
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ').replaceAll('/', ' / ');
}

/** A select's options for the zones, keeping a stored zone the runtime no longer lists. */
export function timeZoneOptions(current?: string): { value: string; label: string }[] {
  const list = current && !timeZones().includes(current) ? [current, ...timeZones()] : timeZones();
  return list.map((zone) => ({ value: zone, label: timeZoneLabel(zone) }));
}
