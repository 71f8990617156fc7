import { v7 } from 'uuid';

/** UUIDv7: time-ordered, so "latest" is also "largest id" (INTERFACES.md data conventions). */
export const newId = (): string => v7();
