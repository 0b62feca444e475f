package io.callflow.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The nice values of a Linux process's threads, read from /proc. */
final class ThreadNice {

  /** The kernel keeps the first 15 bytes of a thread's name (TASK_COMM_LEN 16 with the NUL). */
  private static final int COMM_LENGTH = 15;
  /** proc(5): field 19 of /proc/PID/task/TID/stat; 17th after the ") " that ends the name. */
  private static final int NICE_AFTER_NAME = 16;

  private ThreadNice() {}

  /** The nice value of every thread of {@code pid} whose name starts like {@code threadName}. */
  static List<Integer> of(long pid, String threadName) throws IOException {
    String prefix = threadName.length() > COMM_LENGTH ? threadName.substring(0, COMM_LENGTH) : threadName;
    List<Integer> nice = new ArrayList<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String comm = Files.readString(task.resolve("comm")).strip();
        if (comm.startsWith(prefix)) {
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
          nice.add(Integer.parseInt(fields[NICE_AFTER_NAME]));
        }
      }
    }
    return nice;
  }
}
