// The staff permission table lives in src/domain/staff-permissions.ts, so the
// console reads the same one; the server checks every mutation and route with it.
export { ACTIONS, can, forbiddenMessage, type Action } from '../../domain/staff-permissions';
