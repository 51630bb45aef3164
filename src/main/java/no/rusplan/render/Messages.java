package no.rusplan.render;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The UI strings of one language, from {@code templates/i18n/messages_<lang>.properties}
 * (UTF-8). Bokmål ({@code nb}) is complete; another language's file only needs the keys it
 * translates, the rest fall back to bokmål.
 */
public final class Messages {
    public static final String FALLBACK_LANG = "nb";

    private final Map<String, String> strings;

    private Messages(Map<String, String> strings) {
        this.strings = Map.copyOf(strings);
    }

    public static Messages load(Path templatesDir, String lang) {
        Map<String, String> strings = new HashMap<>(read(templatesDir, FALLBACK_LANG));
        if (!FALLBACK_LANG.equals(lang)) {
            strings.putAll(read(templatesDir, lang));
        }
        return new Messages(strings);
    }

    private static Map<String, String> read(Path templatesDir, String lang) {
        Path file = templatesDir.resolve("i18n").resolve("messages_" + lang + ".properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read UI strings " + file, e);
        }
        Map<String, String> map = new HashMap<>();
        properties.forEach((k, v) -> map.put((String) k, (String) v));
        return map;
    }

    /** The string for {@code key}; a missing key shows as itself so it is noticed, not hidden. */
    public String get(String key) {
        return strings.getOrDefault(key, key);
    }

    /** For templates: {@code msg["nav.help"]}. */
    public Map<String, String> asMap() {
        return strings;
    }
}
