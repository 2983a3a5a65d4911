package dev.sightline.enrich.storage;

/**
 * One row for one ClickHouse table, already serialized: the sink appends it to the table's
 * JSONEachRow body as is (see {@link JsonRow} for why rows are not kept as trees).
 *
 * @param table the table name
 * @param json one UTF-8 JSON object without a trailing newline, its columns named exactly as in the
 *     migration
 */
record TableRow(String table, byte[] json) {}
