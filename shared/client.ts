import { AppError, type Envelope } from './envelope';
import type { CommandInput, CommandName, CommandOutput } from './contract';
import type { EventName, VigilEvent } from './events';

/** A transport moves one call and its envelope: Electron IPC, loopback HTTP, or in-process in tests. */
export interface Transport {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (event: VigilEvent) => void): () => void;
}

export interface VigilClient {
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
  on(name: EventName | '*', listener: (event: VigilEvent) => void): () => void;
}

/** The one typed client: types come from the contract declarations, no code generation. */
export function createClient(transport: Transport): VigilClient {
  return {
    async call(name, input) {
      const envelope = await transport.invoke(name, input);
      if (envelope.ok) return envelope.value as never;
      const { code, message, details, ref } = envelope.error;
      throw new AppError(code, message, details, ref);
    },
    on(name, listener) {
      return transport.subscribe((event) => {
        if (name === '*' || event.name === name) listener(event);
      });
    },
  };
}
