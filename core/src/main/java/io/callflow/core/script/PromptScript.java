package io.callflow.core.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The texts shown to agents, one per {@link PromptKey}. Loaded once at start-up from a
 * {@code .properties} file read as UTF-8; a missing, empty or unknown key fails the load
 * with its name, so a broken script is found before the first call, not during one.
 */
public final class PromptScript {

  private static final String RESOURCE = "/io/callflow/core/script/prompts_%s.properties";

  private final Map<PromptKey, String> texts;

  private PromptScript(Map<PromptKey, String> texts) {
    this.texts = texts;
  }

  /** The shipped script for the configured language, with the override file laid over it. */
  public static PromptScript load(PromptSettings settings) {
    Properties merged = shipped(settings.language());
    if (settings.overrideFile() != null) {
      Properties override = new Properties();
      try (Reader reader = Files.newBufferedReader(settings.overrideFile(), StandardCharsets.UTF_8)) {
        override.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("prompts.override-file: cannot read "
            + settings.overrideFile() + ": " + e.getMessage(), e);
      }
      rejectUnknownKeys(override, "prompts.override-file " + settings.overrideFile());
      merged.putAll(override);
    }
    return of(merged, "prompts_" + settings.language());
  }

  /** A script from {@code properties}; every key must be present and non-empty. */
  public static PromptScript of(Properties properties, String source) {
    rejectUnknownKeys(properties, source);
    Map<PromptKey, String> texts = new EnumMap<>(PromptKey.class);
    List<String> missing = new ArrayList<>();
    for (PromptKey key : PromptKey.values()) {
      String text = properties.getProperty(key.key());
      if (text == null || text.isBlank()) {
        missing.add(key.key());
      } else {
        texts.put(key, text.strip());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("prompt script " + source
          + ": missing or empty key(s) " + missing + "; add a text for each");
    }
    return new PromptScript(texts);
  }

  /** The text for {@code key} with each {@code {name}} replaced by the value after it. */
  public String render(PromptKey key, String... namesAndValues) {
    String text = texts.get(key);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      text = text.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
    }
    return text;
  }

  private static Properties shipped(String language) {
    String resource = String.format(RESOURCE, language.replace('-', '_'));
    Properties properties = new Properties();
    try (InputStream in = PromptScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("prompts.language: no shipped script " + resource);
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shipped script " + resource, e);
    }
    return properties;
  }

  private static void rejectUnknownKeys(Properties properties, String source) {
    List<String> unknown = new ArrayList<>();
    for (String name : properties.stringPropertyNames()) {
      boolean known = false;
      for (PromptKey key : PromptKey.values()) {
        known |= key.key().equals(name);
      }
      if (!known) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      unknown.sort(null);
      throw new IllegalArgumentException("prompt script " + source + ": unknown key(s) "
          + unknown + "; valid keys are the names of PromptKey, e.g. step.GREETING");
    }
  }
}
