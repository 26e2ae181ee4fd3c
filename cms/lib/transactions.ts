/**
 * Work that must wait until a request's writes are visible to other connections and processes: the
 * anonymous REST cache is cleared again, and the publisher (another process) is woken, only once the
 * transaction that made a change has ended. Without a transaction (SQLite with transactions off) the
 * writes are already visible and the work runs at once.
 */
import type { DatabaseAdapter, PayloadRequest } from 'payload'

type Ended = (committed: boolean, id: unknown) => void

const pending = new Map<unknown, Ended[]>()

const transactionOf = async (req?: Pick<PayloadRequest, 'transactionID'>) => {
  const id = req?.transactionID instanceof Promise ? await req.transactionID : req?.transactionID
  return id === undefined || id === null ? null : id
}

/** Runs `fn` when the request's transaction ends (at once when it has none); returns the transaction's id, if any. */
export const onTransactionEnd = async (req: Pick<PayloadRequest, 'transactionID'> | undefined, fn: Ended): Promise<unknown> => {
  const id = await transactionOf(req)
  if (id === null) {
    fn(true, null)
    return null
  }
  pending.set(id, [...(pending.get(id) ?? []), fn])
  return id
}

/** Makes a database adapter report the end of each transaction (set up once in onInit). */
export const watchTransactions = (db: Pick<DatabaseAdapter, 'commitTransaction' | 'rollbackTransaction'>) => {
  const ended = (id: unknown, committed: boolean) => {
    const waiting = pending.get(id)
    pending.delete(id)
    for (const fn of waiting ?? []) fn(committed, id)
  }
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (id) => {
    let committed = false
    try {
      await commit(id)
      committed = true
    } finally {
      ended(id instanceof Promise ? await id : id, committed)
    }
  }
  db.rollbackTransaction = async (id) => {
    try {
      await rollback(id)
    } finally {
      ended(id instanceof Promise ? await id : id, false)
    }
  }
}
