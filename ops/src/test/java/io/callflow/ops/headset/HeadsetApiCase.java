package io.callflow.ops.headset;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link HeadsetApi} with its own store file for each test, stopped after it. */
abstract class HeadsetApiCase {

  @TempDir
  Path dir;

  HeadsetApi api;

  @BeforeEach
  void startApi() {
    api = new HeadsetApi(dir);
  }

  @AfterEach
  void stopApi() {
    api.close();
  }
}
