import { createClient, type VigilClient } from '../../../shared/client';
import { markDisconnected } from './connection';
import { adoptTokenFromLocation, createDesktopTransport, createWebTransport, TOKEN_STORAGE_KEY } from './transports';

/** True inside the Electron window (native dialogs, file paths); false in browser mode. */
export const isDesktop: boolean = typeof window !== 'undefined' && window.vigil !== undefined;

function createTransport() {
  if (window.vigil) return createDesktopTransport(window.vigil);
  // Browser mode: take the token out of the address before the router reads the fragment.
  adoptTokenFromLocation();
  if (!sessionStorage.getItem(TOKEN_STORAGE_KEY)) markDisconnected();
  return createWebTransport();
}

export const vigil: VigilClient = createClient(createTransport());
