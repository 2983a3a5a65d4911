package dev.sightline.query.api;

import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.search.TraceCursor;
import dev.sightline.query.domain.search.TraceSearch;
import dev.sightline.query.domain.search.TraceSort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns the raw query parameters of a trace search into a {@link TraceSearch}, or a 400. */
final class TraceSearchParams {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  private static final Set<String> LEVELS = Set.of("DEBUG", "DEFAULT", "WARNING", "ERROR");

  private TraceSearchParams() {}

  static TraceSearch parse(RawTraceSearch raw, Duration maxRange) {
    return parse(raw, maxRange, true);
  }

  /** The filters, sort and order of an export, which has neither pages nor a page size. */
  static TraceSearch parseExport(RawTraceSearch raw, Duration maxRange) {
    if (raw.cursor != null && !raw.cursor.isBlank()) {
      throw new InvalidRequestException("cursor: an export is not paged; drop the cursor");
    }
    if (raw.limit != null && !raw.limit.isBlank()) {
      throw new InvalidRequestException(
          "limit: an export returns every match up to sightline.query.max-export-rows; drop it");
    }
    return parse(raw, maxRange, false);
  }

  private static TraceSearch parse(RawTraceSearch raw, Duration maxRange, boolean paged) {
    Instant[] range = RangeParams.range(raw.from, raw.to, maxRange);
    Instant from = range[0];
    Instant to = range[1];
    TraceSort sort = TraceSort.parse(raw.sort);
    boolean descending = descending(raw.order);
    int limit = paged ? limit(raw.limit) : MAX_LIMIT;
    List<String> tags =
        raw.tag == null
            ? List.of()
            : raw.tag.stream().map(t -> text("tag", t)).filter(t -> t != null).toList();
    return new TraceSearch(
        from,
        to,
        text("name", raw.name),
        text("userId", raw.userId),
        text("sessionId", raw.sessionId),
        tags,
        text("environment", raw.environment),
        text("release", raw.release),
        text("model", raw.model),
        level(raw.level),
        bool("hasError", raw.hasError),
        amount("minCost", raw.minCost),
        amount("maxCost", raw.maxCost),
        amount("minLatencyMs", raw.minLatencyMs),
        amount("maxLatencyMs", raw.maxLatencyMs),
        text("q", raw.q),
        sort,
        descending,
        limit,
        !paged || raw.cursor == null || raw.cursor.isBlank()
            ? null
            : TraceCursor.decode(raw.cursor, sort, descending));
  }

  private static boolean descending(String order) {
    if (order == null || order.isBlank() || order.strip().equalsIgnoreCase("desc")) {
      return true;
    }
    if (order.strip().equalsIgnoreCase("asc")) {
      return false;
    }
    throw new InvalidRequestException("order: must be desc or asc");
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException("limit: must be an integer from 1 to " + MAX_LIMIT);
  }

  private static String text(String name, String value) {
    return RangeParams.text(name, value);
  }

  private static String level(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String level = value.strip().toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new InvalidRequestException("level: must be one of DEBUG, DEFAULT, WARNING, ERROR");
    }
    return level;
  }

  private static Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidRequestException(name + ": must be true or false");
    };
  }

  private static Double amount(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double amount = Double.parseDouble(value.strip());
      if (Double.isFinite(amount) && amount >= 0 && amount < 1e9) {
        return amount;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(name + ": must be a number from 0 to 1e9");
  }
}
