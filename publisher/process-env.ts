/**
 * The environment of a process that publishes (the long-lived publisher, `npm run build:site`, the bench).
 * glibc's malloc gives each thread that allocates an arena of its own, up to eight per core, and keeps what
 * is freed there: a full build's threads (render lanes, compression on libuv's pool, Pagefind's workers)
 * held ~200 MB more that way at 100,000 documents (2.46 against 2.26 GB, the same moment of the same
 * build). Two arenas are shared instead. Other C libraries ignore the variable.
 */
export const publisherEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ MALLOC_ARENA_MAX: '2', ...env })
