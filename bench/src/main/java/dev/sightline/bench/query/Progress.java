package dev.sightline.bench.query;

/** Progress lines for people, on stdout before the table. */
final class Progress {

  void line(String format, Object... args) {
    System.out.println("  ... " + String.format(format, args));
    System.out.flush();
  }
}
