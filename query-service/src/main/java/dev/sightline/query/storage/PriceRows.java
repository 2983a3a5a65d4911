package dev.sightline.query.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.query.domain.price.ModelPriceVersion;
import dev.sightline.query.domain.price.UsagePrice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on {@code model_prices}: the prices are one jsonb document, which JPA maps poorly. */
final class PriceRows {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "price_id, project_id, model_pattern, provider, effective_from, prices::text, deleted,"
          + " updated_at";

  private PriceRows() {}

  /** Inserts the version; with {@code ifAbsent}, an existing id is left alone (returns false). */
  static boolean insert(Connection c, ModelPriceVersion v, String source, boolean ifAbsent)
      throws SQLException {
    String sql =
        "INSERT INTO model_prices (price_id, project_id, model_pattern, provider, effective_from,"
            + " prices, source, deleted, updated_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
            + (ifAbsent ? " ON CONFLICT (price_id) DO NOTHING" : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, v.priceId());
      ps.setString(2, v.projectId());
      ps.setString(3, v.modelPattern());
      ps.setString(4, v.provider());
      ps.setTimestamp(5, Timestamp.from(v.effectiveFrom()));
      ps.setString(6, json(v.prices()));
      ps.setString(7, source);
      ps.setBoolean(8, v.deleted());
      ps.setTimestamp(9, Timestamp.from(v.updatedAt()));
      return ps.executeUpdate() == 1;
    }
  }

  /** Marks the version deleted; false if there is no such id. */
  static boolean markDeleted(Connection c, String priceId, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE model_prices SET deleted = true, updated_at = ? WHERE price_id = ?")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setString(2, priceId);
      return ps.executeUpdate() == 1;
    }
  }

  /** Rows matching the condition (with its parameters), oldest effective first. */
  static List<ModelPriceVersion> select(Connection c, String where, String... params)
      throws SQLException {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM model_prices"
            + (where.isEmpty() ? "" : " WHERE " + where)
            + " ORDER BY effective_from, model_pattern, price_id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      List<ModelPriceVersion> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ModelPriceVersion(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant(),
                  prices(rs.getString(6)),
                  rs.getBoolean(7),
                  rs.getTimestamp(8).toInstant()));
        }
      }
      return out;
    }
  }

  private static String json(List<UsagePrice> prices) {
    try {
      return JSON.writeValueAsString(prices);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<UsagePrice> prices(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<UsagePrice>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable prices in model_prices: " + json, e);
    }
  }
}
