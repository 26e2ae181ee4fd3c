import * as migration_20261122_022322_initial from './20261122_022322_initial.ts';

export const migrations = [
  {
    up: migration_20261122_022322_initial.up,
    down: migration_20261122_022322_initial.down,
    name: '20261122_022322_initial'
  },
];
