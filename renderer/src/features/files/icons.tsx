/** Small inline icons: bundled with the app, never fetched (Vigil is offline). Decorative: aria-hidden. */
const common = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, 'aria-hidden': true } as const;

export const UsbIcon = () => (
  <svg {...common}>
    <rect x="7" y="9" width="10" height="13" rx="1.5" />
    <path d="M9 9V3h6v6M11 5.5h0M13 5.5h0" strokeLinecap="round" />
  </svg>
);

export const FolderIcon = () => (
  <svg {...common}>
    <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z" />
  </svg>
);

export const FileIcon = () => (
  <svg {...common}>
    <path d="M6 3h8l4 4v14H6z M14 3v4h4" />
  </svg>
);

export const HomeIcon = () => (
  <svg {...common}>
    <path d="M4 11l8-7 8 7v9h-5v-6H9v6H4z" />
  </svg>
);

export const UpIcon = () => (
  <svg {...common}>
    <path d="M12 19V5M6 11l6-6 6 6" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
