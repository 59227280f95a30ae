/**
 * Support for tests/integration/schema-drift.test.ts: reads the schema folder prisma/schema/ into
 * Prisma's DMMF (offline), introspects a PostgreSQL database through the catalogs, and compares the two.
 *
 * DMMF: `@prisma/internals` / `@prisma/prisma-schema-wasm` are not installed; the only copy of
 * Prisma's schema parser in node_modules is the WebAssembly module the `prisma` CLI ships
 * (prisma/build/prisma_schema_build_bg.wasm, the same build as @prisma/prisma-schema-wasm). Its
 * JavaScript glue is bundled inside the CLI and not importable, so `getDmmf` below instantiates the
 * module itself with the four imports wasm-bindgen asks for and calls the exported `get_dmmf`,
 * exactly as the CLI does. It needs no network and no schema engine.
 *
 * The comparison mirrors what Prisma Migrate would create for the schema on PostgreSQL:
 * tables, columns (type, nullability, database default), primary keys, unique and plain indexes
 * (columns, order, method, names), foreign keys (columns, referenced table/columns, ON DELETE /
 * ON UPDATE), enums (values in order) — both ways, so objects that exist only in the SQL are
 * reported too, unless allow-listed as SQL-only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type pg from "pg";

// ───────────────────────────── DMMF (prisma_schema_build wasm) ─────────────────────────────

export type DmmfFunctionDefault = { name: string; args: unknown[] };
export type DmmfDefault = DmmfFunctionDefault | string | number | boolean | DmmfDefault[];

export type DmmfField = {
  name: string;
  /** Present only when the field has @map. */
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  hasDefaultValue: boolean;
  type: string;
  /** e.g. ["Timestamptz", ["3"]] for @db.Timestamptz(3). */
  nativeType?: [string, string[]] | null;
  default?: DmmfDefault;
  isUpdatedAt?: boolean;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  /** Present only when written in @relation(onDelete: ...). */
  relationOnDelete?: string;
  /** Present only when written in @relation(onUpdate: ...). */
  relationOnUpdate?: string;
};

export type DmmfModel = { name: string; dbName: string | null; schema?: string | null; fields: DmmfField[] };
export type DmmfEnum = { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] };
export type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  isDefinedOnField: boolean;
  /** Present only when the attribute has `map:`. */
  dbName?: string;
  /** BTree | Hash | Gist | Gin | SpGist | Brin; absent means BTree. */
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc"; length?: number; operatorClass?: string }[];
};
export type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

type GetDmmfResult = [ptr: number, len: number, errorRef: number, isError: number];
interface SchemaWasmExports {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
  get_dmmf(ptr: number, len: number): GetDmmfResult;
}

let wasmModule: WebAssembly.Module | undefined;

function schemaWasmModule(): WebAssembly.Module {
  if (!wasmModule) {
    const require = createRequire(import.meta.url);
    const file = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "prisma_schema_build_bg.wasm");
    wasmModule = new WebAssembly.Module(readFileSync(file));
  }
  return wasmModule;
}

/** A schema's files as [file name, content] pairs: Prisma reads a folder of .prisma files as one schema. */
export type SchemaFiles = readonly (readonly [fileName: string, content: string])[];

/** The .prisma files of a schema folder (prisma.config.ts `schema`), sorted by name. */
export function readSchemaFolder(dir: string): SchemaFiles {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".prisma"))
    .sort()
    .map((name) => [name, readFileSync(path.join(dir, name), "utf8")] as const);
}

/** Parses and validates a Prisma schema and returns its DMMF datamodel (Prisma's getDMMF, offline). */
export function getDmmf(files: SchemaFiles): Datamodel {
  const schemaModule = schemaWasmModule();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
  let exports: SchemaWasmExports | undefined;
  let panicMessage: string | undefined;
  const wasm = (): SchemaWasmExports => {
    if (!exports) throw new Error("prisma_schema_build wasm called before instantiation");
    return exports;
  };
  const readString = (ptr: number, len: number) => decoder.decode(new Uint8Array(wasm().memory.buffer, ptr >>> 0, len >>> 0));

  // A fresh instance per call: after a Rust panic an instance must not be reused.
  const placeholder: Record<string, (...args: number[]) => unknown> = {};
  for (const { module: from, name } of WebAssembly.Module.imports(schemaModule)) {
    if (from !== "__wbindgen_placeholder__") throw new Error(`prisma_schema_build wasm: unexpected import module ${from}`);
    if (name.startsWith("__wbg_Error_")) placeholder[name] = (ptr, len) => new Error(readString(ptr, len));
    else if (name.startsWith("__wbg___wbindgen_throw_"))
      placeholder[name] = (ptr, len) => {
        throw new Error(readString(ptr, len));
      };
    else if (name.startsWith("__wbg_set_message_"))
      placeholder[name] = (ptr, len) => {
        panicMessage = readString(ptr, len);
      };
    else if (name === "__wbindgen_init_externref_table") {
      placeholder[name] = () => {
        const table = wasm().__wbindgen_externrefs;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset + 0, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      };
    } else {
      throw new Error(`prisma_schema_build wasm: unknown import ${name} (the prisma package changed its wasm-bindgen glue; update getDmmf)`);
    }
  }
  exports = new WebAssembly.Instance(schemaModule, { __wbindgen_placeholder__: placeholder }).exports as unknown as SchemaWasmExports;
  const ex = wasm();
  ex.__wbindgen_start();

  const input = new TextEncoder().encode(JSON.stringify({ prismaSchema: files, noColor: true }));
  const inputPtr = ex.__wbindgen_malloc(input.length, 1) >>> 0;
  new Uint8Array(ex.memory.buffer, inputPtr, input.length).set(input);
  let result: GetDmmfResult;
  try {
    result = ex.get_dmmf(inputPtr, input.length);
  } catch (error) {
    throw new Error(`getDmmf panicked: ${panicMessage ?? (error as Error).message}`, { cause: error });
  }
  const [ptr, len, errorRef, isError] = result;
  if (isError) {
    const error = ex.__wbindgen_externrefs.get(errorRef) as Error;
    ex.__externref_table_dealloc(errorRef);
    let message = error.message;
    try {
      message = (JSON.parse(message) as { message?: string }).message ?? message;
    } catch {
      // not JSON: keep as is
    }
    throw new Error(`The Prisma schema is invalid:\n${message}`);
  }
  try {
    return (JSON.parse(readString(ptr, len)) as { datamodel: Datamodel }).datamodel;
  } finally {
    ex.__wbindgen_free(ptr, len, 1);
  }
}

// ───────────────────────────── Database introspection ─────────────────────────────

export type DbColumn = {
  name: string;
  attnum: number;
  nullable: boolean;
  /** Canonical type: format_type() output, except enums as "EnumName" (quoted), arrays end in []. */
  type: string;
  /** pg_get_expr of the default, or "GENERATED ALWAYS AS (…) STORED|VIRTUAL" / "GENERATED … AS IDENTITY"; null if none. */
  defaultExpr: string | null;
};
export type DbIndex = {
  name: string;
  unique: boolean;
  method: string;
  /** Key columns: "col", "col DESC", "col jsonb_path_ops", or "(expression)". */
  columns: string[];
  /** What Prisma cannot express: " INCLUDE (…)" and/or " WHERE …"; "" for none. */
  extra: string;
};
export type DbForeignKey = {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};
export type DbTable = {
  name: string;
  columns: DbColumn[];
  primaryKey: { name: string; columns: string[] } | null;
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
};
/** Something Prisma's schema cannot describe (extension, CHECK/EXCLUDE constraint, trigger, view …). */
export type SqlOnlyObject = { kind: string; name: string; table?: string; definition?: string };
export type DbSchema = { tables: Map<string, DbTable>; enums: Map<string, string[]>; sqlOnly: SqlOnlyObject[] };

export const IGNORED_TABLES = new Set(["_prisma_migrations"]);
const REFERENTIAL_ACTIONS: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
const EXTENSION_MEMBER = (classId: string, objId: string) => `EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classId}'::regclass AND d.objid = ${objId} AND d.deptype = 'e')`;

/** Reads the `public` schema of the database the client is connected to. */
export async function introspectDatabase(client: pg.Client): Promise<DbSchema> {
  const tables = new Map<string, DbTable>();
  const sqlOnly: SqlOnlyObject[] = [];

  const relations = await client.query<{ relname: string; relkind: string; relrowsecurity: boolean }>(`
    SELECT c.relname, c.relkind, c.relrowsecurity
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT ${EXTENSION_MEMBER("pg_class", "c.oid")}
    ORDER BY c.relname`);
  const relationKinds: Record<string, string> = { v: "view", m: "materialized view", f: "foreign table" };
  for (const r of relations.rows) {
    if (IGNORED_TABLES.has(r.relname)) continue;
    const kind = relationKinds[r.relkind];
    if (kind) {
      sqlOnly.push({ kind, name: r.relname });
      continue;
    }
    tables.set(r.relname, { name: r.relname, columns: [], primaryKey: null, indexes: [], foreignKeys: [] });
    if (r.relrowsecurity) sqlOnly.push({ kind: "row level security", table: r.relname, name: "enabled" });
  }
  const table = (name: string) => tables.get(name);

  const columns = await client.query<{
    table_name: string;
    name: string;
    attnum: number;
    nullable: boolean;
    formatted: string;
    is_enum: boolean;
    enum_name: string | null;
    is_array: boolean;
    default_expr: string | null;
    identity: string;
    generated: string;
  }>(`
    SELECT c.relname AS table_name, a.attname AS name, a.attnum, NOT a.attnotnull AS nullable,
           format_type(a.atttypid, a.atttypmod) AS formatted,
           COALESCE(et.typtype, t.typtype) = 'e' AS is_enum, COALESCE(et.typname, t.typname) AS enum_name,
           et.oid IS NOT NULL AS is_array,
           pg_get_expr(ad.adbin, ad.adrelid) AS default_expr, a.attidentity AS identity, a.attgenerated AS generated
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type et ON t.typcategory = 'A' AND et.oid = t.typelem
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`);
  for (const c of columns.rows) {
    let defaultExpr = c.default_expr;
    if (c.generated) {
      defaultExpr = `GENERATED ALWAYS AS (${c.default_expr}) ${c.generated === "s" ? "STORED" : "VIRTUAL"}`;
      // Prisma's DMMF leaves Unsupported("…") fields out, so a generated column is SQL-only.
      sqlOnly.push({ kind: "generated column", table: c.table_name, name: c.name, definition: `${c.formatted} ${defaultExpr}` });
    } else if (c.identity) defaultExpr = `GENERATED ${c.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`;
    table(c.table_name)?.columns.push({
      name: c.name,
      attnum: c.attnum,
      nullable: c.nullable,
      type: c.is_enum ? `"${c.enum_name}"${c.is_array ? "[]" : ""}` : c.formatted,
      defaultExpr,
    });
  }
  const columnName = (tableName: string, attnum: number) => table(tableName)?.columns.find((c) => c.attnum === attnum)?.name ?? `#${attnum}`;

  const indexColumns = await client.query<{
    table_name: string;
    name: string;
    unique: boolean;
    primary: boolean;
    exclusion: boolean;
    method: string;
    predicate: string | null;
    key_count: number;
    ord: number;
    attnum: number;
    option: number | null;
    opclass: string | null;
    opclass_default: boolean | null;
    expression: string;
  }>(`
    SELECT tc.relname AS table_name, ic.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
           x.indisexclusion AS exclusion, am.amname AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate,
           x.indnkeyatts AS key_count, k.ord::int AS ord, k.attnum, k.option, opc.opcname AS opclass, opc.opcdefault AS opclass_default,
           pg_get_indexdef(x.indexrelid, k.ord::int, true) AS expression
    FROM pg_index x
    JOIN pg_class ic ON ic.oid = x.indexrelid JOIN pg_class tc ON tc.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = tc.relnamespace JOIN pg_am am ON am.oid = ic.relam
    CROSS JOIN LATERAL unnest(x.indkey::int2[], x.indoption::int2[], x.indclass::oid[]) WITH ORDINALITY AS k(attnum, option, opclass_oid, ord)
    LEFT JOIN pg_opclass opc ON opc.oid = k.opclass_oid
    WHERE n.nspname = 'public' AND tc.relkind IN ('r', 'p')
    ORDER BY tc.relname, ic.relname, k.ord`);
  const indexes = new Map<string, DbIndex & { tableName: string; include: string[]; predicate: string | null; skip: boolean }>();
  for (const row of indexColumns.rows) {
    const key = `${row.table_name}.${row.name}`;
    let index = indexes.get(key);
    if (!index) {
      // Primary keys are read from pg_constraint; exclusion constraints are SQL-only objects.
      index = { tableName: row.table_name, name: row.name, unique: row.unique, method: row.method, columns: [], extra: "", include: [], predicate: row.predicate, skip: row.primary || row.exclusion };
      indexes.set(key, index);
    }
    let column = row.attnum === 0 ? `(${row.expression})` : columnName(row.table_name, row.attnum);
    if (row.ord > row.key_count) {
      index.include.push(column);
      continue;
    }
    const descending = ((row.option ?? 0) & 1) !== 0;
    const nullsFirst = ((row.option ?? 0) & 2) !== 0;
    if (row.opclass && row.opclass_default === false) column += ` ${row.opclass}`;
    if (descending) column += " DESC";
    if (nullsFirst !== descending) column += nullsFirst ? " NULLS FIRST" : " NULLS LAST";
    index.columns.push(column);
  }
  for (const index of indexes.values()) {
    if (index.skip) continue;
    // Prisma cannot index an expression (e.g. a full-text to_tsvector(...)): such an index is a
    // SQL-only object that must be allow-listed, not a model index.
    if (index.columns.some((column) => column.startsWith("("))) {
      sqlOnly.push({ kind: "expression index", table: index.tableName, name: index.name, definition: `USING ${index.method} ${index.columns.join(", ")}` });
      continue;
    }
    // Nor can it express a partial index (WHERE …): likewise SQL-only, to be allow-listed.
    if (index.predicate) {
      sqlOnly.push({
        kind: "partial index",
        table: index.tableName,
        name: index.name,
        definition: `${index.unique ? "UNIQUE " : ""}USING ${index.method} (${index.columns.join(", ")}) WHERE ${index.predicate}`,
      });
      continue;
    }
    const extra = index.include.length ? ` INCLUDE (${index.include.join(", ")})` : "";
    table(index.tableName)?.indexes.push({ name: index.name, unique: index.unique, method: index.method, columns: index.columns, extra });
  }

  const constraints = await client.query<{
    table_name: string;
    name: string;
    type: string;
    definition: string;
    columns: number[] | null;
    referenced_table: string | null;
    referenced_columns: string[] | null;
    on_delete: string;
    on_update: string;
  }>(`
    SELECT t.relname AS table_name, c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid, true) AS definition,
           c.conkey AS columns, rt.relname AS referenced_table,
           ARRAY(SELECT ra.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
           c.confdeltype AS on_delete, c.confupdtype AS on_update
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_class rt ON rt.oid = c.confrelid
    WHERE n.nspname = 'public'
    ORDER BY t.relname, c.conname`);
  for (const c of constraints.rows) {
    if (IGNORED_TABLES.has(c.table_name)) continue;
    const columnsOf = () => (c.columns ?? []).map((attnum) => columnName(c.table_name, attnum));
    const t = table(c.table_name);
    if (c.type === "p" && t) t.primaryKey = { name: c.name, columns: columnsOf() };
    else if (c.type === "f" && t) {
      t.foreignKeys.push({
        name: c.name,
        columns: columnsOf(),
        referencedTable: c.referenced_table ?? "?",
        referencedColumns: c.referenced_columns ?? [],
        onDelete: REFERENTIAL_ACTIONS[c.on_delete] ?? c.on_delete,
        onUpdate: REFERENTIAL_ACTIONS[c.on_update] ?? c.on_update,
      });
    } else if (c.type === "c") sqlOnly.push({ kind: "check constraint", table: c.table_name, name: c.name, definition: c.definition });
    else if (c.type === "x") sqlOnly.push({ kind: "exclusion constraint", table: c.table_name, name: c.name, definition: c.definition });
    else if (c.type === "t") sqlOnly.push({ kind: "constraint trigger", table: c.table_name, name: c.name, definition: c.definition });
    // "u" (unique constraint) is covered by its index; "n" (NOT NULL, PostgreSQL 18+) by column nullability.
  }

  const enumRows = await client.query<{ name: string; label: string | null }>(`
    SELECT t.typname AS name, e.enumlabel AS label
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE n.nspname = 'public' AND t.typtype = 'e' AND NOT ${EXTENSION_MEMBER("pg_type", "t.oid")}
    ORDER BY t.typname, e.enumsortorder`);
  const enums = new Map<string, string[]>();
  for (const row of enumRows.rows) {
    const values = enums.get(row.name) ?? [];
    if (row.label !== null) values.push(row.label);
    enums.set(row.name, values);
  }

  // Everything else a migration could create that Prisma's schema has no words for.
  const others = await client.query<SqlOnlyObject>(`
    SELECT 'extension'::text AS kind, extname::text AS name, NULL::text AS "table", NULL::text AS definition FROM pg_extension WHERE extname <> 'plpgsql'
    UNION ALL
    SELECT 'schema', nspname, NULL, NULL FROM pg_namespace
      WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
    UNION ALL
    SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
           p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL, NULL
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND NOT ${EXTENSION_MEMBER("pg_proc", "p.oid")}
    UNION ALL
    SELECT 'trigger', tg.tgname, c.relname, pg_get_triggerdef(tg.oid, true)
      FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT tg.tgisinternal
    UNION ALL
    SELECT 'rule', r.rulename, c.relname, pg_get_ruledef(r.oid, true)
      FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND r.rulename <> '_RETURN'
    UNION ALL
    SELECT 'policy', p.polname, c.relname, NULL
      FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public'
    UNION ALL
    SELECT 'sequence', c.relname, NULL, NULL
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' AND NOT ${EXTENSION_MEMBER("pg_class", "c.oid")}
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
    UNION ALL
    SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'c' THEN 'composite type' WHEN 'r' THEN 'range type' ELSE 'type' END,
           t.typname, NULL, NULL
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype IN ('d', 'c', 'r', 'b', 'p') AND t.typcategory <> 'A'
        AND (t.typtype <> 'c' OR EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
        AND NOT ${EXTENSION_MEMBER("pg_type", "t.oid")}`);
  sqlOnly.push(...others.rows.map((o) => ({ ...o, table: o.table ?? undefined, definition: o.definition ?? undefined })));

  return { tables, enums, sqlOnly };
}

// ───────────────────────────── Expected database, from the DMMF ─────────────────────────────

type ValueKind = "number" | "boolean" | "string" | "json" | "datetime" | "other";
export type ExpectedColumn = {
  name: string;
  field: string;
  type: string | { error: string };
  nullable: boolean;
  /** Canonical default (see canonicalDefault); null = no database default; "*" = any (dbgenerated()). */
  default: string | null;
  /** How the schema expresses the default, for messages. */
  defaultSource: string;
  valueKind: ValueKind;
};
export type ExpectedTable = {
  model: string;
  name: string;
  columns: ExpectedColumn[];
  primaryKey: { name: string; columns: string[] } | null;
  indexes: DbIndex[];
  foreignKeys: (Omit<DbForeignKey, "name"> & { field: string })[];
};
export type ExpectedSchema = { tables: ExpectedTable[]; enums: Map<string, string[]>; unsupported: string[] };

/** Prisma's default constraint/index names on PostgreSQL (63-byte identifiers). */
export function prismaDefaultName(table: string, columns: string[], suffix: "pkey" | "key" | "idx" | "fkey"): string {
  const base = suffix === "pkey" ? table : [table, ...columns].join("_");
  return `${base.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}

const quoted = (name: string) => `"${name}"`;

/** Prisma scalar + native type → PostgreSQL format_type() text, as Prisma Migrate creates it. */
function expectedType(field: DmmfField, enumDbNames: Map<string, string>): string {
  const list = field.isList ? "[]" : "";
  if (field.kind === "enum") return `${quoted(enumDbNames.get(field.type) ?? field.type)}${list}`;
  const [native, args = []] = field.nativeType ?? [undefined, []];
  const withArgs = (base: string, suffix = "") => (args.length ? `${base}(${args.join(",")})${suffix}` : `${base}${suffix}`);
  const defaults: Record<string, string> = {
    String: "text",
    Boolean: "boolean",
    Int: "integer",
    BigInt: "bigint",
    Float: "double precision",
    Decimal: "numeric(65,30)",
    DateTime: "timestamp(3) without time zone",
    Json: "jsonb",
    Bytes: "bytea",
  };
  const natives: Record<string, () => string> = {
    Text: () => "text",
    Uuid: () => "uuid",
    Xml: () => "xml",
    Inet: () => "inet",
    Citext: () => "citext",
    VarChar: () => withArgs("character varying"),
    Char: () => (args.length ? withArgs("character") : "character(1)"),
    Bit: () => (args.length ? withArgs("bit") : "bit(1)"),
    VarBit: () => withArgs("bit varying"),
    Boolean: () => "boolean",
    SmallInt: () => "smallint",
    Integer: () => "integer",
    Oid: () => "oid",
    BigInt: () => "bigint",
    Real: () => "real",
    DoublePrecision: () => "double precision",
    Decimal: () => withArgs("numeric"),
    Money: () => "money",
    Timestamp: () => withArgs("timestamp", " without time zone"),
    Timestamptz: () => withArgs("timestamp", " with time zone"),
    Date: () => "date",
    Time: () => withArgs("time", " without time zone"),
    Timetz: () => withArgs("time", " with time zone"),
    Json: () => "json",
    JsonB: () => "jsonb",
    ByteA: () => "bytea",
  };
  const base = native ? natives[native]?.() : defaults[field.type];
  if (!base) throw new Error(`no PostgreSQL type mapping for ${field.type}${native ? ` @db.${native}` : ""} (extend expectedType)`);
  return `${base}${list}`;
}

function valueKindOf(field: DmmfField): ValueKind {
  if (field.kind === "enum") return "string";
  if (["Int", "BigInt", "Float", "Decimal"].includes(field.type)) return "number";
  if (field.type === "Boolean") return "boolean";
  if (field.type === "Json") return "json";
  if (field.type === "DateTime") return "datetime";
  if (field.type === "String") return "string";
  return "other";
}

/** Normalises a literal to the canonical default text used on both sides. */
function canonicalLiteral(value: string, kind: ValueKind): string {
  switch (kind) {
    case "number":
      return Number.isNaN(Number(value)) ? value : String(Number(value));
    case "boolean":
      return value.toLowerCase();
    case "json":
      try {
        return `'${JSON.stringify(JSON.parse(value))}'`;
      } catch {
        return `'${value}'`;
      }
    case "datetime": {
      const time = Date.parse(value);
      return Number.isNaN(time) ? `'${value}'` : `'${new Date(time).toISOString()}'`;
    }
    default:
      return `'${value}'`;
  }
}

function canonicalSchemaDefault(field: DmmfField, enumValueDbNames: Map<string, Map<string, string>>): { value: string | null; source: string } {
  const value = field.default;
  if (value === undefined) return { value: null, source: field.isUpdatedAt ? "@updatedAt (set by Prisma Client)" : "no @default" };
  const kind = valueKindOf(field);
  const literal = (v: DmmfDefault): string => {
    if (Array.isArray(v)) return `[${v.map(literal).join(", ")}]`;
    if (typeof v === "object") return `${v.name}(${v.args.map((a) => JSON.stringify(a)).join(", ")})`;
    if (field.kind === "enum") return canonicalLiteral(enumValueDbNames.get(field.type)?.get(String(v)) ?? String(v), kind);
    return canonicalLiteral(String(v), kind);
  };
  if (Array.isArray(value) || typeof value !== "object") return { value: literal(value), source: `@default(${JSON.stringify(value)})` };
  const source = `@default(${value.name}(${value.args.map((a) => JSON.stringify(a)).join(", ")}))`;
  switch (value.name) {
    case "now":
      return { value: "now()", source };
    case "autoincrement":
      return { value: "autoincrement()", source };
    case "dbgenerated":
      return { value: typeof value.args[0] === "string" ? normaliseExpression(value.args[0]) : "*", source };
    case "uuid":
    case "cuid":
    case "nanoid":
    case "ulid":
      // Generated by Prisma Client: Prisma Migrate creates no database default.
      return { value: null, source: `${source} (generated by Prisma Client)` };
    default:
      return { value: `${value.name}()`, source };
  }
}

const normaliseExpression = (expression: string) => expression.replace(/\s+/g, " ").trim();

/** Splits on commas outside quotes and brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === "'") {
        if (text[i + 1] === "'") i++;
        else inQuote = false;
      }
    } else if (ch === "'") inQuote = true;
    else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

/** pg_get_expr() of a column default → the canonical form canonicalSchemaDefault produces. */
export function canonicalDatabaseDefault(expression: string | null, kind: ValueKind): string | null {
  if (expression === null) return null;
  let expr = expression.trim();
  if (/^nextval\('[^']+'::regclass\)$/.test(expr)) return "autoincrement()";
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(expr)) return "now()";
  // Drop trailing casts: 'x'::text, '-1'::integer, '[]'::jsonb, 'A'::"Enum", ARRAY[…]::text[]
  const withoutCasts = (e: string) => e.replace(/(::(?:"[^"]+"|[a-z_][\w ]*(?:\([\d,]+\))?[\w ]*)(?:\[\])*)+$/i, "");
  expr = withoutCasts(expr);
  const stringLiteral = /^'((?:[^']|'')*)'$/.exec(expr);
  if (stringLiteral) return canonicalLiteral(stringLiteral[1]!.replace(/''/g, "'"), kind);
  if (/^\(?-?\d+(\.\d+)?\)?$/.test(expr)) return canonicalLiteral(expr.replace(/[()]/g, ""), kind);
  if (/^(true|false)$/i.test(expr)) return canonicalLiteral(expr, "boolean");
  const array = /^ARRAY\[(.*)\]$/s.exec(expr);
  if (array)
    return `[${splitTopLevel(array[1]!)
      .map((item) => canonicalDatabaseDefault(item, kind))
      .join(", ")}]`;
  return normaliseExpression(expression);
}

/** What Prisma Migrate would create on PostgreSQL for this datamodel. */
export function expectedSchema(datamodel: Datamodel): ExpectedSchema {
  const unsupported: string[] = [];
  const modelByName = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableName = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  const enumDbNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enumValueDbNames = new Map(datamodel.enums.map((e) => [e.name, new Map(e.values.map((v) => [v.name, v.dbName ?? v.name]))]));

  const tables = datamodel.models.map((model): ExpectedTable => {
    const name = tableName(model);
    if (model.schema && model.schema !== "public") unsupported.push(`model ${model.name}: @@schema("${model.schema}") is not supported by the drift check (it reads only "public")`);
    const columns = model.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum")
      .map((field): ExpectedColumn => {
        let type: ExpectedColumn["type"];
        try {
          type = expectedType(field, enumDbNames);
        } catch (error) {
          type = { error: (error as Error).message };
        }
        const { value, source } = canonicalSchemaDefault(field, enumValueDbNames);
        return {
          name: field.dbName ?? field.name,
          field: field.name,
          type,
          // Prisma Migrate never puts NOT NULL on scalar lists (TEXT[]) on PostgreSQL.
          nullable: field.isList ? true : !field.isRequired,
          default: value,
          defaultSource: source,
          valueKind: valueKindOf(field),
        };
      });
    for (const field of model.fields.filter((f) => f.kind === "unsupported")) {
      unsupported.push(`model ${model.name}: field ${field.name} has an Unsupported type; extend the drift check`);
    }

    let primaryKey: ExpectedTable["primaryKey"] = null;
    const indexes: DbIndex[] = [];
    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const cols = index.fields.map((f) => columnOf(model, f.name));
      if (index.type === "id") {
        primaryKey = { name: index.dbName ?? prismaDefaultName(name, cols, "pkey"), columns: cols };
        continue;
      }
      if (index.type === "fulltext") {
        unsupported.push(`model ${model.name}: @@fulltext is MySQL/MongoDB only`);
        continue;
      }
      indexes.push({
        name: index.dbName ?? prismaDefaultName(name, cols, index.type === "unique" ? "key" : "idx"),
        unique: index.type === "unique",
        method: (index.algorithm ?? "BTree").toLowerCase(),
        extra: "",
        columns: index.fields.map((f, i) => {
          let column = cols[i]!;
          // Prisma names operator classes in PascalCase (JsonbPathOps); PostgreSQL in snake_case.
          if (f.operatorClass) column += ` ${f.operatorClass.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()}`;
          if (f.sortOrder === "desc") column += " DESC";
          return column;
        }),
      });
    }

    const foreignKeys: ExpectedTable["foreignKeys"] = [];
    for (const field of model.fields.filter((f) => f.kind === "object")) {
      const related = modelByName.get(field.type);
      const from = field.relationFromFields ?? [];
      if (!related) continue;
      if (from.length === 0) {
        const back = related.fields.find((f) => f.kind === "object" && f.relationName === field.relationName && f !== field);
        if (field.isList && back?.isList && model.name <= related.name) {
          unsupported.push(
            `implicit many-to-many relation ${field.relationName} (${model.name}.${field.name}): its join table is not modelled by the drift check; extend it or use an explicit join model`,
          );
        }
        continue;
      }
      foreignKeys.push({
        field: field.name,
        columns: from.map((f) => columnOf(model, f)),
        referencedTable: tableName(related),
        referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(related, f)),
        // Prisma's defaults: Restrict for required relations, SetNull for optional ones; onUpdate Cascade.
        onDelete: field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull"),
        onUpdate: field.relationOnUpdate ?? "Cascade",
      });
    }
    return { model: model.name, name, columns, primaryKey, indexes, foreignKeys };
  });

  const enums = new Map(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  return { tables, enums, unsupported };
}

// ───────────────────────────── Comparison ─────────────────────────────

/** Objects only SQL can express, each with the reason it exists. */
export type SqlOnlyAllowList = { kind: string; name: string; table?: string; reason: string }[];

const sqlOnlyKey = (o: { kind: string; name: string; table?: string }) => `${o.kind} ${o.table ? `${quoted(o.table)}.` : ""}${quoted(o.name)}`;
const list = (items: string[]) => `(${items.join(", ")})`;

/**
 * Every difference between what the schema describes and what the database holds, one readable
 * line each. An empty array means no drift.
 */
export function diffSchema(expected: ExpectedSchema, actual: DbSchema, allowList: SqlOnlyAllowList): string[] {
  const differences: string[] = [...expected.unsupported];

  // Enums
  for (const [name, values] of expected.enums) {
    const dbValues = actual.enums.get(name);
    if (!dbValues) differences.push(`enum ${quoted(name)}: missing in the database`);
    else if (dbValues.join() !== values.join()) differences.push(`enum ${quoted(name)}: values differ: schema ${list(values)}, database ${list(dbValues)}`);
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) differences.push(`enum ${quoted(name)}: exists in the database but not in the schema`);
  }

  // Tables
  const expectedTables = new Map(expected.tables.map((t) => [t.name, t]));
  for (const want of expected.tables) {
    const where = `model ${want.model} (table ${quoted(want.name)})`;
    const have = actual.tables.get(want.name);
    if (!have) {
      differences.push(`${where}: table missing in the database`);
      continue;
    }

    // Columns
    const dbColumns = new Map(have.columns.map((c) => [c.name, c]));
    for (const column of want.columns) {
      const at = `${where}: column ${quoted(column.name)} (field ${column.field})`;
      const db = dbColumns.get(column.name);
      if (!db) {
        differences.push(`${at}: missing in the database`);
        continue;
      }
      if (typeof column.type === "object") differences.push(`${at}: ${column.type.error}`);
      else if (column.type !== db.type) differences.push(`${at}: type differs: schema ${column.type}, database ${db.type}`);
      if (column.nullable !== db.nullable) {
        differences.push(`${at}: nullability differs: schema ${column.nullable ? "NULL" : "NOT NULL"}, database ${db.nullable ? "NULL" : "NOT NULL"}`);
      }
      const dbDefault = canonicalDatabaseDefault(db.defaultExpr, column.valueKind);
      const defaultMatches = column.default === "*" ? dbDefault !== null : column.default === dbDefault;
      if (!defaultMatches) {
        const hint = column.defaultSource.startsWith("@default(dbgenerated(") && dbDefault !== null ? " (write dbgenerated() exactly as PostgreSQL prints the expression back)" : "";
        differences.push(`${at}: default differs: schema ${column.default ?? "none"} [${column.defaultSource}], database ${db.defaultExpr ?? "none"}${hint}`);
      }
    }
    const fieldColumns = new Set(want.columns.map((c) => c.name));
    for (const column of have.columns) {
      // Generated columns are reported with the SQL-only objects (allow-list) below.
      if (!fieldColumns.has(column.name) && !column.defaultExpr?.startsWith("GENERATED ALWAYS AS ("))
        differences.push(`${where}: column ${quoted(column.name)} (${column.type}) exists in the database but no field maps to it`);
    }

    // Primary key
    const wantPk = want.primaryKey;
    const havePk = have.primaryKey;
    if (!wantPk && havePk) differences.push(`${where}: database has primary key ${quoted(havePk.name)} ${list(havePk.columns)} but the model has no @id/@@id`);
    else if (wantPk && !havePk) differences.push(`${where}: primary key ${list(wantPk.columns)} missing in the database`);
    else if (wantPk && havePk) {
      if (wantPk.columns.join() !== havePk.columns.join()) differences.push(`${where}: primary key columns differ: schema ${list(wantPk.columns)}, database ${list(havePk.columns)}`);
      if (wantPk.name !== havePk.name) differences.push(`${where}: primary key name differs: schema ${quoted(wantPk.name)}, database ${quoted(havePk.name)}`);
    }

    // Unique and plain indexes: matched by (unique, method, columns); then names compared.
    const signature = (i: DbIndex) => `${i.unique ? "UNIQUE " : ""}${i.method === "btree" ? "" : `USING ${i.method} `}${list(i.columns)}${i.extra}`;
    const describe = (i: DbIndex) => `${i.unique ? "unique index" : "index"} ${signature(i).replace(/^UNIQUE /, "")}`;
    const unmatched = [...have.indexes];
    for (const index of want.indexes) {
      const at = unmatched.findIndex((i) => signature(i) === signature(index));
      if (at === -1) {
        differences.push(`${where}: ${describe(index)} [${index.unique ? "@unique/@@unique" : "@@index"}] missing in the database (expected name ${quoted(index.name)})`);
        continue;
      }
      const [found] = unmatched.splice(at, 1);
      if (found!.name !== index.name) differences.push(`${where}: ${describe(index)} name differs: schema ${quoted(index.name)}, database ${quoted(found!.name)}`);
    }
    for (const index of unmatched) {
      differences.push(`${where}: ${describe(index)} ${quoted(index.name)} exists in the database but not in the schema`);
    }

    // Foreign keys: matched by columns + referenced table.
    const fkKey = (fk: { columns: string[]; referencedTable: string }) => `${list(fk.columns)} -> ${quoted(fk.referencedTable)}`;
    const unmatchedFks = [...have.foreignKeys];
    for (const fk of want.foreignKeys) {
      const at = unmatchedFks.findIndex((f) => fkKey(f) === fkKey(fk));
      const label = `${where}: foreign key ${fkKey(fk)} (relation field ${fk.field})`;
      if (at === -1) {
        differences.push(`${label} missing in the database`);
        continue;
      }
      const [found] = unmatchedFks.splice(at, 1);
      if (found!.referencedColumns.join() !== fk.referencedColumns.join()) {
        differences.push(`${label}: referenced columns differ: schema ${list(fk.referencedColumns)}, database ${list(found!.referencedColumns)}`);
      }
      if (found!.onDelete !== fk.onDelete) differences.push(`${label}: ON DELETE differs: schema ${fk.onDelete}, database ${found!.onDelete}`);
      if (found!.onUpdate !== fk.onUpdate) differences.push(`${label}: ON UPDATE differs: schema ${fk.onUpdate}, database ${found!.onUpdate}`);
    }
    for (const fk of unmatchedFks) {
      differences.push(`${where}: foreign key ${quoted(fk.name)} ${fkKey(fk)} exists in the database but no relation in the schema declares it`);
    }
  }
  for (const name of actual.tables.keys()) {
    if (!expectedTables.has(name)) differences.push(`table ${quoted(name)}: exists in the database but no model maps to it`);
  }

  // SQL-only objects: each must be allow-listed, and each allow-listed one must exist.
  const allowed = new Set(allowList.map(sqlOnlyKey));
  const present = new Set(actual.sqlOnly.map(sqlOnlyKey));
  for (const object of actual.sqlOnly) {
    if (!allowed.has(sqlOnlyKey(object))) {
      differences.push(
        `${sqlOnlyKey(object)}${object.definition ? ` [${object.definition}]` : ""}: exists in the database only (not expressible in the Prisma schema) and is not in the SQL-only allow-list`,
      );
    }
  }
  for (const entry of allowList) {
    if (!present.has(sqlOnlyKey(entry))) differences.push(`${sqlOnlyKey(entry)}: allow-listed as SQL-only but missing in the database (${entry.reason})`);
  }
  return differences;
}
