package no.rusplan.model;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The other half of every pair found in {@code text}: the expansion of each abbreviation in
     * it, and the abbreviation of each expansion in it (ignoring case).
     */
    public Set<String> synonymsIn(String text) {
        Set<String> synonyms = new LinkedHashSet<>();
        matcher(text).ifPresent(m -> {
            while (m.find()) {
                synonyms.add(expansions.get(m.group(1)));
            }
        });
        String lower = text.toLowerCase(Locale.ROOT);
        expansions.forEach((abbreviation, expansion) -> {
            if (lower.contains(expansion.toLowerCase(Locale.ROOT))) {
                synonyms.add(abbreviation);
            }
        });
        return synonyms;
    }
}
