// How bridge calls travel over IPC, derived from src/bridge/contract.ts: a
// call's channel is named for it (`switchboard.credentials.get` travels on
// `credentials:get`), so names cannot collide or drift. Shared by
// electron/preload and electron/main; the sandboxed preload bundles this
// file, so it imports nothing but the contract.
import type { BridgeCall } from './contract';
import { bridgeContract } from './contract';

type Contract = typeof bridgeContract;
type Group = keyof Contract;

export type Channel = { [G in Group]: `${G}:${keyof Contract[G] & string}` }[Group];

type CallOn<C extends Channel> = C extends `${infer G extends Group}:${infer M}` ? Contract[G][M & keyof Contract[G]] : never;

/** The one argument a channel carries (undefined when the call takes none). */
export type IpcArg<C extends Channel> = CallOn<C> extends BridgeCall<infer _Params, infer Arg, infer _Result> ? Arg : never;
export type IpcResult<C extends Channel> = CallOn<C> extends BridgeCall<infer _Params, infer _Arg, infer Result> ? Result : never;

export interface ChannelCall {
  channel: Channel;
  group: string;
  method: string;
  toArg: (...params: unknown[]) => unknown;
}

/** Every bridge call with its channel, in contract order. */
export const bridgeChannels: readonly ChannelCall[] = Object.entries(bridgeContract).flatMap(([group, calls]) =>
  Object.entries(calls).map(([method, { toArg }]) => ({
    channel: `${group}:${method}` as Channel,
    group,
    method,
    toArg: toArg as (...params: unknown[]) => unknown,
  })),
);
