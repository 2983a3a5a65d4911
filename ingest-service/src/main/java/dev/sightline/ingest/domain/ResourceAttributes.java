package dev.sightline.ingest.domain;

import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a span takes from its resource, worked out once per {@code ResourceSpans} instead of once
 * per span (re-reading and re-prefixing the same attributes for every span of a request showed in
 * ingest's bench profile): the deployment environment, and the rest as {@code resource.*}
 * attributes, with or without the environment key the span took.
 */
final class ResourceAttributes {

  private static final String[] ENVIRONMENT_KEYS = {
    "deployment.environment.name", "deployment.environment"
  };

  private final String environment;
  private final Map<String, String> all;
  private final Map<String, String> withoutEnvironment;

  ResourceAttributes(List<KeyValue> attributes) {
    AttributeBag bag = new AttributeBag(attributes);
    this.all = Collections.unmodifiableMap(bag.remaining("resource."));
    this.environment = bag.text(ENVIRONMENT_KEYS).orElse(null);
    this.withoutEnvironment = Collections.unmodifiableMap(bag.remaining("resource."));
  }

  /** The deployment environment the resource names, or null. */
  String environment() {
    return environment;
  }

  /**
   * The attributes left for {@code resource.*}.
   *
   * @param environmentTaken whether the span's environment came from the resource, which then keeps
   *     its environment key out of the attributes
   */
  Map<String, String> remaining(boolean environmentTaken) {
    return environmentTaken ? withoutEnvironment : all;
  }
}
