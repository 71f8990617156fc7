import { themeQuartz } from 'ag-grid-community';

/**
 * The one AG Grid look for every module (`<AgGridReact theme={gridTheme} />`): Quartz with our font,
 * palette and a dense row height, so a grid sits in the page like the rest of the UI. Values mirror
 * app/theme.css; AG Grid's Theming API takes them as parameters rather than reading our variables.
 */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans', 'Noto Sans Arabic', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12.5,
  headerFontWeight: 600,
  foregroundColor: '#1b222b',
  backgroundColor: '#ffffff',
  headerBackgroundColor: '#eef1f5',
  headerTextColor: '#1b222b',
  accentColor: '#1d5a9f',
  borderColor: '#d8dde4',
  rowHoverColor: '#f3f6fa',
  selectedRowBackgroundColor: '#e6eef8',
  oddRowBackgroundColor: '#fbfcfd',
  borderRadius: 4,
  wrapperBorderRadius: 6,
  rowHeight: 32,
  headerHeight: 34,
  spacing: 6,
  browserColorScheme: 'light',
});
