/**
 * Wraps user data (a name, a path) that goes into a translated sentence in Unicode first-strong
 * isolates, so "/media/usb/premises.xlsx" or a Latin area name keeps its own direction inside an Arabic
 * sentence instead of being scrambled by the bidi algorithm.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
