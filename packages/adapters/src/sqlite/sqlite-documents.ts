import type Database from 'better-sqlite3';
import {
  type CompanionInsert,
  ConflictError,
  type DocumentCollection,
  type DocumentQuery,
  type DocumentWhere,
  type StoredDocument,
} from '@swigs/automation-core';
import { decodeJson, encodeJson } from './codec';
import type { WriteQueue } from './write-queue';

/**
 * A collection as rows of `documents` keyed by (collection, userId, id). Filters and sorts read top-level
 * fields with `json_extract`, within one tenant's rows (the primary key prefix). `changed` is called inside
 * each write, for the store's change mark.
 */
export function createSqliteCollection<T extends StoredDocument>(
  db: Database.Database,
  writes: WriteQueue,
  name: string,
  changed: () => void,
): DocumentCollection<T> {
  const insert = db.prepare('INSERT INTO documents (collection, user_id, id, doc) VALUES (?, ?, ?, ?)');
  const select = db.prepare<[string, string, string], { doc: string }>(
    'SELECT doc FROM documents WHERE collection = ? AND user_id = ? AND id = ?',
  );
  const replace = db.prepare('UPDATE documents SET doc = ? WHERE collection = ? AND user_id = ? AND id = ?');
  const remove = db.prepare('DELETE FROM documents WHERE collection = ? AND user_id = ? AND id = ?');
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const insertRow = (collection: string, doc: StoredDocument, text: string): void => {
    try {
      insert.run(collection, doc.userId, doc.id, text);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new ConflictError(`collection "${collection}": document "${doc.id}" already exists`, { cause: error });
      }
      throw error;
    }
  };
  // Companions share the write's savepoint: a conflict on any of them undoes the record change too.
  const withCompanions = <R>(also: readonly CompanionInsert[] | undefined, write: () => R): (() => R) => {
    if (!also?.length) return write;
    const texts = also.map((companion) => encodeJson(companion.doc));
    return db.transaction(() => {
      const result = write();
      if (result === null) return result;
      for (const [i, companion] of also.entries()) insertRow(companion.collection, companion.doc, texts[i]!);
      return result;
    });
  };

  return {
    insert(doc, options) {
      const text = encodeJson(doc);
      return writes.run(
        withCompanions(options?.also, () => {
          changed();
          insertRow(name, doc, text);
          return decodeJson<T>(text);
        }),
      );
    },
    async get(userId, id) {
      const row = select.get(name, userId, id);
      return row ? decodeJson<T>(row.doc) : null;
    },
    async find(userId, query = {}) {
      const filter = whereSql(query.where);
      const order = orderSql(query);
      const rows = prepared(
        `SELECT doc FROM documents WHERE collection = ? AND user_id = ?${filter.sql} ${order.sql} LIMIT ? OFFSET ?`,
      ).all(name, userId, ...filter.params, ...order.params, query.limit ?? -1, query.offset ?? 0) as { doc: string }[];
      const { total } = prepared(
        `SELECT COUNT(*) AS total FROM documents WHERE collection = ? AND user_id = ?${filter.sql}`,
      ).get(name, userId, ...filter.params) as { total: number };
      return { items: rows.map((row) => decodeJson<T>(row.doc)), total };
    },
    update(userId, id, patch, options) {
      const filter = whereSql(options?.where);
      const guarded = prepared(
        `SELECT doc FROM documents WHERE collection = ? AND user_id = ? AND id = ?${filter.sql}`,
      );
      const changes = encodeJson(cleanPatch(patch));
      return writes.run(
        withCompanions(options?.also, () => {
          const row = guarded.get(name, userId, id, ...filter.params) as { doc: string } | undefined;
          if (!row) return null;
          changed();
          const current = decodeJson<T>(row.doc);
          const next = { ...current, ...decodeJson<Partial<T>>(changes), id: current.id, userId: current.userId };
          const text = encodeJson(next);
          replace.run(text, name, userId, id);
          return decodeJson<T>(text);
        }),
      );
    },
    delete(userId, id) {
      return writes.run(() => {
        changed();
        return remove.run(name, userId, id).changes === 1;
      });
    },
  };
}

function cleanPatch(patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && key !== 'id' && key !== 'userId') out[key] = value;
  }
  return out;
}

/** JSON path of a top-level field, quoted so any field name is safe. */
const pathOf = (field: string): string => `$."${field.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Strict equality per JSON type (a string never equals a number, `true` never equals 1; null matches missing). */
function whereSql(where: DocumentWhere | undefined): { sql: string; params: unknown[] } {
  if (!where) return { sql: '', params: [] };
  let sql = '';
  const params: unknown[] = [];
  for (const [field, expected] of Object.entries(where)) {
    const values = Array.isArray(expected) ? expected : [expected];
    const parts: string[] = [];
    const path = pathOf(field);
    for (const value of values) {
      if (value === null) {
        parts.push(`json_type(doc, ?) IS NULL OR json_type(doc, ?) = 'null'`);
        params.push(path, path);
      } else if (typeof value === 'boolean') {
        parts.push(`json_type(doc, ?) = '${value ? 'true' : 'false'}'`);
        params.push(path);
      } else if (typeof value === 'number') {
        parts.push(`(json_type(doc, ?) IN ('integer', 'real') AND json_extract(doc, ?) = ?)`);
        params.push(path, path, value);
      } else {
        parts.push(`(json_type(doc, ?) = 'text' AND json_extract(doc, ?) = ?)`);
        params.push(path, path, value);
      }
    }
    sql += parts.length === 0 ? ' AND 0' : ` AND (${parts.join(' OR ')})`;
  }
  return { sql, params };
}

/** Missing and null sort first ascending; ties by id. */
function orderSql(query: DocumentQuery): { sql: string; params: unknown[] } {
  if (!query.sort) return { sql: 'ORDER BY id', params: [] };
  const direction = query.sort.direction === 'desc' ? 'DESC' : 'ASC';
  return { sql: `ORDER BY json_extract(doc, ?) ${direction}, id`, params: [pathOf(query.sort.field)] };
}
