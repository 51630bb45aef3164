package no.rusplan.model;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The site's unambiguous abbreviations and their expansions, with the one rule for finding
 * an abbreviation in text: as written (case-sensitive), not inside a longer word.
 */
public final class Glossary {
    private final Map<String, String> expansions;
    private final Pattern pattern;

    public Glossary(Map<String, String> expansions) {
        this.expansions = Map.copyOf(expansions);
        String alternatives = expansions.keySet().stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        this.pattern = alternatives.isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    public Map<String, String> expansions() {
        return expansions;
    }

    public String expansion(String abbreviation) {
        return expansions.get(abbreviation);
    }

    /** A matcher over {@code text} whose group 1 is each abbreviation found, if there are any. */
    public Optional<Matcher> matcher(String text) {
        return pattern == null ? Optional.empty() : Optional.of(pattern.matcher(text));
    }
}
