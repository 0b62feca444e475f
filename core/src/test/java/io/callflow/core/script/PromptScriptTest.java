package io.callflow.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptScriptTest {

  @TempDir
  Path dir;

  @Test
  void theEnglishScriptDefinesEveryKey() {
    PromptScript script = PromptScript.load(new PromptSettings("en", null));
    for (PromptKey key : PromptKey.values()) {
      assertThat(script.render(key)).as(key.key()).isNotBlank();
    }
  }

  @Test
  void theChineseScriptDefinesEveryKeyInChinese() {
    PromptScript script = PromptScript.load(new PromptSettings("zh-CN", null));
    assertThat(script.render(PromptKey.STEP_GREETING)).isEqualTo("向客户问好，然后报出您的姓名和职位。");
  }

  @Test
  void placeholdersAreFilled() {
    PromptScript script = PromptScript.load(PromptSettings.defaults());
    assertThat(script.render(PromptKey.RECONNECT_ATTEMPT, "attempt", "2", "attempts", "3"))
        .isEqualTo("Reconnecting: attempt 2 of 3.");
  }

  @Test
  void anOverrideFileReplacesTheTextsItNamesAndKeepsTheRest() throws IOException {
    Path file = dir.resolve("prompts.properties");
    Files.writeString(file, "step.GREETING=Good morning, this is Acme support.\n",
        StandardCharsets.UTF_8);
    PromptScript script = PromptScript.load(new PromptSettings("en", file));
    assertThat(script.render(PromptKey.STEP_GREETING)).isEqualTo("Good morning, this is Acme support.");
    assertThat(script.render(PromptKey.STEP_CLOSING)).startsWith("Thank the customer");
  }

  @Test
  void anUnknownKeyInTheOverrideFileFailsTheLoadNamingTheKey() throws IOException {
    Path file = dir.resolve("prompts.properties");
    Files.writeString(file, "step.GREETNG=typo\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PromptScript.load(new PromptSettings("en", file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown key(s) [step.GREETNG]");
  }

  @Test
  void aMissingKeyFailsTheLoadNamingTheKey() {
    Properties properties = new Properties();
    for (PromptKey key : PromptKey.values()) {
      properties.setProperty(key.key(), "text");
    }
    properties.remove("procedure.EMERGENCY");
    assertThatThrownBy(() -> PromptScript.of(properties, "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing or empty key(s) [procedure.EMERGENCY]");
  }

  @Test
  void anUnreadableOverrideFileFailsTheLoadNamingTheSetting() {
    assertThatThrownBy(() -> PromptScript.load(new PromptSettings("en", dir.resolve("absent"))))
        .hasMessageStartingWith("prompts.override-file: cannot read");
  }
}
