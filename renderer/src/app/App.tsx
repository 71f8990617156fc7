import { useConnected } from '../lib/connection';
import { NotConnected } from './NotConnected';
import { Toaster } from './Toaster';
import { VaultGate } from './vault/VaultGate';

export function App() {
  const connected = useConnected();
  return (
    <>
      {connected ? <VaultGate /> : <NotConnected />}
      <Toaster />
    </>
  );
}
