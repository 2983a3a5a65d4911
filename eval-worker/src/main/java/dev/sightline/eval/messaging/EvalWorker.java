package dev.sightline.eval.messaging;

import dev.sightline.eval.config.EvalConfig;
import dev.sightline.eval.domain.Evaluator;
import dev.sightline.schemas.topics.TopicProvisioner;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/** Starts the eval loop in its own thread when the application starts and stops it cleanly. */
@ApplicationScoped
public class EvalWorker {

  private static final Logger LOG = Logger.getLogger(EvalWorker.class);
  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private final EvalConfig config;
  private final List<Evaluator> evaluators;
  private volatile EvalLoop loop;
  private Thread thread;

  EvalWorker(EvalConfig config, @All List<Evaluator> evaluators) {
    this.config = config;
    this.evaluators = evaluators;
  }

  void start(@Observes StartupEvent event) {
    // Auto topic creation is off; the consumer and producer need the topics to exist.
    TopicProvisioner.ensureAll(config.kafka().bootstrapServers(), TOPIC_TIMEOUT);
    Predicate<String> inScope =
        config
            .eval()
            .projectIdPrefix()
            .<Predicate<String>>map(p -> id -> id.startsWith(p))
            .orElse(id -> true);
    loop =
        new EvalLoop(
            KafkaClients.consumer(config),
            KafkaClients.producer(config),
            evaluators,
            inScope,
            Clock.systemUTC());
    thread = new Thread(loop, "sightline-eval-loop");
    thread.start();
    LOG.infof(
        "eval loop started: group %s, evaluators %s",
        config.eval().groupId(), evaluators.stream().map(Evaluator::name).toList());
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (loop == null) {
      return;
    }
    loop.stop();
    thread.join(STOP_TIMEOUT.toMillis());
    if (thread.isAlive()) {
      LOG.warnf("eval loop did not stop within %s", STOP_TIMEOUT);
    }
  }

  /** The running loop, or empty before start-up finished. */
  public Optional<EvalLoop> loop() {
    return Optional.ofNullable(loop);
  }
}
