import { v7 } from 'uuid';

/** Time-ordered ids (UUIDv7) so records made offline on many desks never collide and sort by creation. */
export function newId(): string {
  return v7();
}
