/**
 * Work that must wait until a request's writes are visible to other connections and processes: the
 * anonymous REST cache is cleared again, and the publisher (another process) is woken, only once the
 * transaction that made a change has ended. Without a transaction (SQLite with transactions off) the
 * writes are already visible and the work runs at once.
 */
import type { DatabaseAdapter, PayloadRequest } from 'payload'

type Ended = (committed: boolean, id: unknown) => void

const pending = new Map<unknown, Ended[]>()
/**
 * Transactions the adapter began and has not ended. A request's `transactionID` that is not one of them
 * (one that ended while a hook awaited it, or a placeholder the adapter never began — SQLite here runs
 * without transactions) has nothing to wait for: waiting for it left the anonymous REST cache believing a
 * write was still open, and storing nothing, for the rest of the process's life.
 */
const open = new Set<unknown>()

/**
 * A transaction's id, awaited when it is a promise. Tested as a thenable, not with `instanceof Promise`: a
 * promise made in another realm (the test runner's, a bundle's) is not an instance of this one's, and its
 * end was then awaited under the promise itself while the adapter reported it under its value.
 */
const settled = async (id: unknown) => (typeof (id as PromiseLike<unknown> | null)?.then === 'function' ? await (id as PromiseLike<unknown>) : id)

const transactionOf = async (req?: Pick<PayloadRequest, 'transactionID'>) => {
  const id = await settled(req?.transactionID)
  return id === undefined || id === null ? null : id
}

/** Runs `fn` when the request's transaction ends (at once when it has none); returns the transaction's id, if any. */
export const onTransactionEnd = async (req: Pick<PayloadRequest, 'transactionID'> | undefined, fn: Ended): Promise<unknown> => {
  const id = await transactionOf(req)
  if (id === null || !open.has(id)) {
    fn(true, id)
    return null
  }
  pending.set(id, [...(pending.get(id) ?? []), fn])
  return id
}

/** Makes a database adapter report the end of each transaction (set up once in onInit). */
export const watchTransactions = (db: Pick<DatabaseAdapter, 'beginTransaction' | 'commitTransaction' | 'rollbackTransaction'>) => {
  const ended = (id: unknown, committed: boolean) => {
    const waiting = pending.get(id)
    pending.delete(id)
    open.delete(id)
    for (const fn of waiting ?? []) fn(committed, id)
  }
  const begin = db.beginTransaction.bind(db)
  db.beginTransaction = async (...args) => {
    const id = await settled(await begin(...args))
    if (id !== null && id !== undefined) open.add(id)
    return id as Awaited<ReturnType<typeof begin>>
  }
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (id) => {
    let committed = false
    try {
      await commit(id)
      committed = true
    } finally {
      ended(await settled(id), committed)
    }
  }
  db.rollbackTransaction = async (id) => {
    try {
      await rollback(id)
    } finally {
      ended(await settled(id), false)
    }
  }
}
