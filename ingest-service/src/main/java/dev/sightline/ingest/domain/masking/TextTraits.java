package dev.sightline.ingest.domain.masking;

/**
 * What one pass over a value found: the cheap signs the built-in rules look for before running
 * their regex. Most values (prose, ids, JSON without secrets) show none, so they cost one scan
 * instead of one scan per rule — masking was the largest cost of ingest in the bench profile.
 */
public final class TextTraits {

  static final int AT = 1;
  static final int BEARER = 1 << 1;
  static final int SK = 1 << 2;
  static final int SK_ANT = 1 << 3;
  static final int AWS = 1 << 4;
  static final int GITHUB = 1 << 5;
  static final int GOOGLE = 1 << 6;
  static final int SLACK = 1 << 7;
  static final int JWT = 1 << 8;
  static final int IBAN_START = 1 << 9;
  static final int PLUS_DIGIT = 1 << 10;

  /** Longest gap of separators ({@code " .-()+"}) a phone or card number has between digits. */
  private static final int MAX_GAP = 3;

  private final int flags;
  private final int digits;
  private final int cluster;

  private TextTraits(int flags, int digits, int cluster) {
    this.flags = flags;
    this.digits = digits;
    this.cluster = cluster;
  }

  /** Per ASCII char: nothing to see, a digit, or a char some rule's sign starts with. */
  private static final byte[] KIND = new byte[128];

  private static final byte DIGIT = 1;
  private static final byte CLOSER = 2;

  static {
    for (char c = '0'; c <= '9'; c++) {
      KIND[c] = DIGIT;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      KIND[c] = CLOSER; // IBAN country codes, and the A of AKIA/ASIA/AIza
    }
    // Each sign is found by its rarest char: "bearer" by b, "sk-" by -, "eyJ" by J (upper case).
    // Common letters such as e and s would send a third of prose down the slow path.
    for (char c : "@_bgx+-".toCharArray()) {
      KIND[c] = CLOSER;
    }
  }

  /**
   * Scans {@code text} once. Most chars of prose (lower-case letters, spaces) are passed over by
   * one table look-up; the scan was 15 % of ingest's bench profile when every 'e' and 's' called
   * {@code startsWith}.
   */
  static TextTraits of(String text) {
    int flags = 0;
    int digits = 0;
    boolean gh = false;
    boolean underscore = false;
    int run = 0;
    int cluster = 0;
    int lastDigit = -1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      byte kind = c < 128 ? KIND[c] : 0;
      if (kind == 0) {
        continue;
      }
      if (kind == DIGIT) {
        digits++;
        run = lastDigit >= 0 && separatorsOnly(text, lastDigit + 1, i) ? run + 1 : 1;
        cluster = Math.max(cluster, run);
        lastDigit = i;
        continue;
      }
      char next = i + 1 < n ? text.charAt(i + 1) : 0;
      switch (c) {
        case '@' -> flags |= AT;
        case '+' -> flags |= next >= '0' && next <= '9' ? PLUS_DIGIT : 0;
        case '_' -> underscore = true;
        case 'b', 'B' -> flags |= text.regionMatches(true, i, "bearer", 0, 6) ? BEARER : 0;
        case '-' ->
            flags |=
                i >= 2 && text.startsWith("sk", i - 2)
                    ? (text.startsWith("ant-", i + 1) ? SK | SK_ANT : SK)
                    : 0;
        case 'J' -> flags |= i >= 2 && text.startsWith("ey", i - 2) ? JWT : 0;
        case 'A' ->
            flags |=
                text.startsWith("AKIA", i) || text.startsWith("ASIA", i)
                    ? AWS
                    : text.startsWith("AIza", i) ? GOOGLE : 0;
        case 'g' -> gh |= next == 'h';
        case 'x' -> flags |= next == 'o' && text.startsWith("xox", i) ? SLACK : 0;
        default -> {}
      }
      if (c >= 'A' && c <= 'Z' && i + 3 < n && ibanStart(text, i)) {
        flags |= IBAN_START;
      }
    }
    if (gh && underscore) {
      flags |= GITHUB;
    }
    return new TextTraits(flags, digits, cluster);
  }

  /** Whether {@code t[from, to)} is at most {@link #MAX_GAP} phone/card separators. */
  private static boolean separatorsOnly(String t, int from, int to) {
    if (to - from > MAX_GAP) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')' && c != '+') {
        return false;
      }
    }
    return true;
  }

  private static boolean ibanStart(String t, int i) {
    char b = t.charAt(i + 1);
    char c = t.charAt(i + 2);
    char d = t.charAt(i + 3);
    return b >= 'A' && b <= 'Z' && c >= '0' && c <= '9' && d >= '0' && d <= '9';
  }

  /** Whether the scan saw the sign {@code flag} (one of the constants). */
  boolean has(int flag) {
    return (flags & flag) != 0;
  }

  /** ASCII digits in the value (cards need 13, phones 7). */
  int digits() {
    return digits;
  }

  /**
   * Digits of the longest cluster: digits separated by at most {@link #MAX_GAP} of {@code "
   * .-()+"}. Every card or phone match lies inside one cluster (their separators are at most two
   * chars), so a value whose digits are scattered (ids, hex, prose) needs neither regex.
   */
  int digitCluster() {
    return cluster;
  }

  /** Whether no built-in rule can match, so none needs to run. */
  boolean none() {
    return flags == 0 && digits < 7;
  }
}
