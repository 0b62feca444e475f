package io.callflow.ops.wiring;

import io.callflow.ops.config.ConfigException;
import io.callflow.ops.config.ConfigProblem;
import io.callflow.ops.config.StoreConfig;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import io.micrometer.core.instrument.MeterRegistry;

/** Maps the {@code store} section onto the SQLite store and opens it. */
public final class StoreWiring {

  private StoreWiring() {}

  /**
   * The store's settings; the offer time-out is the store's default.
   *
   * @throws ConfigException naming the key the store refused
   */
  public static StoreSettings settings(StoreConfig c) {
    try {
      return new StoreSettings(c.queueCapacity(), c.batchSize(), c.batchDelay(),
          StoreSettings.defaults().offerTimeout());
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      String key = CoreKeys.yamlKey(message, "store");
      Object value = switch (key) {
        case "store.queueCapacity" -> c.queueCapacity();
        case "store.batchSize" -> c.batchSize();
        case "store.batchDelay" -> c.batchDelay();
        default -> c;
      };
      throw new ConfigException(new ConfigProblem(key, String.valueOf(value), CoreKeys.withoutKey(message)));
    }
  }

  /** Opens the store file named by {@code store.path}; the store creates its directory. */
  public static SqliteCallRecordStore open(StoreConfig c, MeterRegistry registry) {
    return SqliteCallRecordStore.open(c.path(), settings(c), registry);
  }
}
