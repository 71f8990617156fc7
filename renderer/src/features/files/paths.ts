/**
 * Paths come from the server's file system, which may be Windows or POSIX whatever the browser runs on:
 * the separator is read from the folder path itself.
 */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/** A bare file name: no folder separators, no "..", nothing the picker's folder does not already say. */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[\\/]/.test(name) && name !== '.' && name !== '..';
}

/** Adds `extension` (".xlsx") unless the name already ends with it, ignoring case. */
export function withExtension(name: string, extension: string): string {
  return extension && !name.toLowerCase().endsWith(extension.toLowerCase()) ? `${name}${extension}` : name;
}

/** Free space as "14.2 GB", in the user's number format. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
