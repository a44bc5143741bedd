import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { prepared } from './prepared';

interface Reader {
  /** `alias.column AS "c0", …`: every column of the entity, for a query's select list. */
  select: (alias: string) => string;
  hydrate: (row: Record<string, unknown>) => ObjectLiteral;
}

const readers = new Map<unknown, Reader>();

/**
 * Entity rows read with a prepared statement and hydrated exactly as TypeORM hydrates them (the
 * driver's own value conversion: money transformers, dates), without TypeORM's query building and
 * result transformation — ~13% of the API's busy time on the edit path, and most of a 450-line plan
 * read. `where` is the rest of the statement after `FROM table alias` (joins, WHERE, ORDER BY),
 * with `$n` placeholders for `values`.
 */
export async function readRows<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  where: string,
  values: unknown[],
): Promise<T[]> {
  const reader = readerOf(em, entity);
  const table = em.dataSource.getMetadata(entity).tablePath;
  const rows = await prepared<Record<string, unknown>>(
    em,
    `SELECT ${reader.select(alias)} FROM ${table} ${alias} ${where}`,
    values,
  );
  return rows.map((r) => reader.hydrate(r) as T);
}

function readerOf(em: EntityManager, entity: EntityTarget<ObjectLiteral>): Reader {
  const metadata = em.dataSource.getMetadata(entity);
  let reader = readers.get(metadata.target);
  if (reader) return reader;
  const columns = metadata.columns;
  const driver = em.dataSource.driver;
  reader = {
    select: (alias) => columns.map((c, i) => `${alias}.${c.databaseName} AS "c${i}"`).join(', '),
    hydrate: (row) => {
      const out: ObjectLiteral = {};
      columns.forEach((c, i) => {
        out[c.propertyName] = driver.prepareHydratedValue(row[`c${i}`], c);
      });
      return out;
    },
  };
  readers.set(metadata.target, reader);
  return reader;
}

/**
 * One row inserted with a prepared statement, its values converted as TypeORM converts them (the
 * money transformers); a property left undefined takes the column's database default. `counted`
 * sets a column to the number of rows already sharing another column's value, inside the INSERT
 * (a new budget line's position among its activity's lines). Returns the new row's id.
 */
export async function insertRow<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  values: Partial<T>,
  counted?: { column: keyof T & string; within: keyof T & string },
): Promise<string> {
  const metadata = em.dataSource.getMetadata(entity);
  const driver = em.dataSource.driver;
  const columns: string[] = [];
  const exprs: string[] = [];
  const params: unknown[] = [];
  for (const c of metadata.columns) {
    const v = (values as ObjectLiteral)[c.propertyName];
    if (v === undefined || c.propertyName === counted?.column) continue;
    params.push(driver.preparePersistentValue(v, c));
    columns.push(c.databaseName);
    exprs.push(`$${params.length}`);
  }
  if (counted) {
    const target = metadata.findColumnWithPropertyName(counted.column)!.databaseName;
    const within = metadata.findColumnWithPropertyName(counted.within)!.databaseName;
    const at = columns.indexOf(within);
    if (at < 0) throw new Error(`insertRow: ${counted.within} has no value to count within`);
    columns.push(target);
    exprs.push(`(SELECT count(*) FROM ${metadata.tablePath} WHERE ${within} = ${exprs[at]})`);
  }
  const [row] = await prepared<{ id: string }>(
    em,
    `INSERT INTO ${metadata.tablePath} (${columns.join(', ')}) VALUES (${exprs.join(', ')}) RETURNING id`,
    params,
  );
  return String(row.id);
}
