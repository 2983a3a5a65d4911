package dev.sightline.ingest.domain.masking;

/** A string view that stops a regex after a number of character reads (catastrophic patterns). */
final class BoundedText implements CharSequence {

  /** Thrown when a regex read more characters than its budget allows. */
  static final class BudgetExhausted extends RuntimeException {
    BudgetExhausted() {
      super("masking rule exceeded its step budget", null, false, false);
    }
  }

  private final String text;
  private long budget;

  BoundedText(String text) {
    this.text = text;
    // A linear regex reads each character a few times; 100x plus slack only stops runaway ones.
    this.budget = 100L * text.length() + 100_000;
  }

  @Override
  public char charAt(int index) {
    if (--budget < 0) {
      throw new BudgetExhausted();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
