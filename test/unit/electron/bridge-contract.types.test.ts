import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { IpcSchemas } from '../../../electron/main/ipc-schemas';
import type { IpcHandlers } from '../../../electron/main/validated-ipc';
import type { Channel } from '../../../src/bridge/channels';
import type { SwitchboardBridge } from '../../../src/bridge/contract';

// What makes a bridge call impossible to half-add: the schema table, the
// handler map and the browser fallback are each checked against a type
// mapped over the contract. These assertions are checked by `npm run
// typecheck` (tsc), not at run time: a wrong one fails the typecheck.

describe('the bridge contract, at compile time', () => {
  it('names each channel for its call', () => {
    expectTypeOf<'credentials:get'>().toExtend<Channel>();
    expectTypeOf<'links:openExternal'>().toExtend<Channel>();
    expectTypeOf<'credentials:fetch'>().not.toExtend<Channel>();
  });

  it('refuses a handler map that misses a call', () => {
    expectTypeOf<Omit<IpcHandlers, 'links:openExternal'>>().not.toExtend<IpcHandlers>();
  });

  it('refuses a handler that takes the wrong argument or returns the wrong result', () => {
    type WrongArg = Omit<IpcHandlers, 'credentials:get'> & { 'credentials:get': (arg: { account: number }) => string | null };
    type WrongResult = Omit<IpcHandlers, 'credentials:get'> & { 'credentials:get': (arg: { account: string }) => number };
    expectTypeOf<WrongArg>().not.toExtend<IpcHandlers>();
    expectTypeOf<WrongResult>().not.toExtend<IpcHandlers>();
  });

  it('refuses a schema table that misses a call or parses to another argument', () => {
    expectTypeOf<Omit<IpcSchemas, 'credentials:set'>>().not.toExtend<IpcSchemas>();
    type WrongSchema = Omit<IpcSchemas, 'credentials:set'> & { 'credentials:set': z.ZodType<{ account: string }> };
    expectTypeOf<WrongSchema>().not.toExtend<IpcSchemas>();
  });

  it('refuses a browser fallback that misses a call or changes its parameters', () => {
    type Credentials = SwitchboardBridge['credentials'];
    expectTypeOf<Omit<SwitchboardBridge, 'links'>>().not.toExtend<SwitchboardBridge>();
    type WrongParams = Omit<SwitchboardBridge, 'credentials'> & {
      credentials: Omit<Credentials, 'set'> & { set(account: string, secret: number): Promise<void> };
    };
    expectTypeOf<WrongParams>().not.toExtend<SwitchboardBridge>();
    expectTypeOf<SwitchboardBridge['credentials']['get']>().toEqualTypeOf<(account: string) => Promise<string | null>>();
  });
});
