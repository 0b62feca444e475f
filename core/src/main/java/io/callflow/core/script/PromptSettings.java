package io.callflow.core.script;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Which shipped script to use ({@code prompts.language}: {@code en} or {@code zh-CN}) and an
 * optional file whose texts replace the shipped ones key by key ({@code prompts.override-file}).
 */
public record PromptSettings(String language, Path overrideFile) {

  /** The languages shipped as resources. */
  public static final Set<String> LANGUAGES = Set.of("en", "zh-CN");

  public PromptSettings {
    Objects.requireNonNull(language, "prompts.language");
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("prompts.language: must be one of " + LANGUAGES
          + ", was '" + language + "'");
    }
  }

  public static PromptSettings defaults() {
    return new PromptSettings("en", null);
  }
}
