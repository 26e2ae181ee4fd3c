import * as migration_20261122_022322_initial from './20261122_022322_initial.ts';
import * as migration_20261122_024122_search_settings from './20261122_024122_search_settings.ts';

export const migrations = [
  {
    up: migration_20261122_022322_initial.up,
    down: migration_20261122_022322_initial.down,
    name: '20261122_022322_initial',
  },
  {
    up: migration_20261122_024122_search_settings.up,
    down: migration_20261122_024122_search_settings.down,
    name: '20261122_024122_search_settings'
  },
];
