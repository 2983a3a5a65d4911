package dev.sightline.schemas.serde;

import net.jpountz.lz4.LZ4Factory;

/**
 * Makes Kafka's LZ4 codec use lz4-java's JNI implementation. lz4-java only picks the native one
 * when its library is already loaded, which under Quarkus' class loaders it is not; the pure-Java
 * fallback took half of ingest's CPU (compressing) and 2.4 % of enrich's stream threads
 * (decompressing the ingest topic) in the bench profiles.
 */
public final class NativeLz4 {

  private NativeLz4() {}

  /** Loads the native codec; true when it is available (else Kafka falls back to Java LZ4). */
  public static boolean prefer() {
    try {
      LZ4Factory.nativeInstance();
      return true;
    } catch (Throwable e) {
      return false;
    }
  }
}
