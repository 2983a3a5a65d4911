package dev.sightline.enrich.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row for one ClickHouse table, as a JSONEachRow object.
 *
 * @param table the table name
 * @param row the columns, named exactly as in the migration
 */
record TableRow(String table, ObjectNode row) {}
