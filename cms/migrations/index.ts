import * as migration_20261122_022322_initial from './20261122_022322_initial.ts';
import * as migration_20261122_024122_search_settings from './20261122_024122_search_settings.ts';
import * as migration_20261122_024748_workflow_jobs from './20261122_024748_workflow_jobs.ts';
import * as migration_20261122_030331_status_sort_indexes from './20261122_030331_status_sort_indexes.ts';
import * as migration_20261122_221525_relations from './20261122_221525_relations.ts';
import * as migration_20261122_230501_compliance from './20261122_230501_compliance.ts';
import * as migration_20261123_005719_preview_links from './20261123_005719_preview_links.ts';
import * as migration_20261204_074248_publish_targets from './20261204_074248_publish_targets.ts';
import * as migration_20261205_013432_list_indexes from './20261205_013432_list_indexes.ts';
import * as migration_20261205_044258_verbatim from './20261205_044258_verbatim.ts';
import * as migration_20261205_072513_gongwen from './20261205_072513_gongwen.ts';

export const migrations = [
  {
    up: migration_20261122_022322_initial.up,
    down: migration_20261122_022322_initial.down,
    name: '20261122_022322_initial',
  },
  {
    up: migration_20261122_024122_search_settings.up,
    down: migration_20261122_024122_search_settings.down,
    name: '20261122_024122_search_settings',
  },
  {
    up: migration_20261122_024748_workflow_jobs.up,
    down: migration_20261122_024748_workflow_jobs.down,
    name: '20261122_024748_workflow_jobs',
  },
  {
    up: migration_20261122_030331_status_sort_indexes.up,
    down: migration_20261122_030331_status_sort_indexes.down,
    name: '20261122_030331_status_sort_indexes',
  },
  {
    up: migration_20261122_221525_relations.up,
    down: migration_20261122_221525_relations.down,
    name: '20261122_221525_relations',
  },
  {
    up: migration_20261122_230501_compliance.up,
    down: migration_20261122_230501_compliance.down,
    name: '20261122_230501_compliance',
  },
  {
    up: migration_20261123_005719_preview_links.up,
    down: migration_20261123_005719_preview_links.down,
    name: '20261123_005719_preview_links',
  },
  {
    up: migration_20261204_074248_publish_targets.up,
    down: migration_20261204_074248_publish_targets.down,
    name: '20261204_074248_publish_targets',
  },
  {
    up: migration_20261205_013432_list_indexes.up,
    down: migration_20261205_013432_list_indexes.down,
    name: '20261205_013432_list_indexes',
  },
  {
    up: migration_20261205_044258_verbatim.up,
    down: migration_20261205_044258_verbatim.down,
    name: '20261205_044258_verbatim',
  },
  {
    up: migration_20261205_072513_gongwen.up,
    down: migration_20261205_072513_gongwen.down,
    name: '20261205_072513_gongwen'
  },
];
