package no.rusplan.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups of words and phrases that mean the same, for query-time expansion: every glossary
 * abbreviation with its expansion ("ARP" ↔ "avdeling for rusrelatert psykiatri") and the
 * hand-kept {@code synonyms.txt} (bokmål ↔ nynorsk forms the stemmer cannot join, everyday
 * words ↔ the plans' words). One group per line, phrases separated by commas. Phrases are
 * compared as analysed terms ({@link NorwegianAnalysis#terms}: stems without stop words), so
 * "jobben" matches an entry "jobb" and "avdeling for rusrelatert psykiatri" matches however
 * its words are inflected.
 */
public final class SynonymTable {
    /** A phrase of the query at some position, and what else it may be read as. */
    public record Match(int length, List<List<String>> alternatives) {
    }

    private final List<List<String>> groups;
    /** Each phrase (as words) → the other phrases of its groups. */
    private final Map<List<String>, Set<List<String>>> alternatives = new HashMap<>();
    private final int longest;

    public SynonymTable(Collection<List<String>> groups) {
        this.groups = List.copyOf(groups);
        int max = 0;
        for (List<String> group : groups) {
            List<List<String>> phrases = group.stream().map(NorwegianAnalysis::terms).filter(p -> !p.isEmpty()).distinct().toList();
            for (List<String> phrase : phrases) {
                max = Math.max(max, phrase.size());
                Set<List<String>> others = alternatives.computeIfAbsent(phrase, p -> new LinkedHashSet<>());
                phrases.stream().filter(o -> !o.equals(phrase)).forEach(others::add);
            }
        }
        this.longest = max;
    }

    /** The hand-kept groups only. */
    public static SynonymTable handKept() {
        return parse(String.join("\n", AnalysisData.lines("synonyms.txt")));
    }

    /** The hand-kept groups plus one group per abbreviation and its expansion. */
    public static SynonymTable withGlossary(Map<String, String> expansions) {
        List<List<String>> groups = new ArrayList<>(handKept().groups);
        expansions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> groups.add(List.of(asPhrase(e.getKey()), asPhrase(e.getValue()))));
        return new SynonymTable(groups);
    }

    /** Commas separate phrases in the file: inside a phrase ("Respekt, Omsorg, Ansvar") they are only punctuation. */
    private static String asPhrase(String text) {
        return text.replace(',', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Reads the file format: one group per line, phrases separated by commas, {@code #} comments. */
    public static SynonymTable parse(String text) {
        List<List<String>> groups = new ArrayList<>();
        for (String line : AnalysisData.parse(text)) {
            List<String> group = java.util.Arrays.stream(line.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (group.size() > 1) {
                groups.add(group);
            }
        }
        return new SynonymTable(groups);
    }

    /** The file format of {@link #parse}. */
    public String format() {
        return groups.stream().map(g -> String.join(", ", g)).collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * The longest phrase of the table that {@code terms} (analysed, as from
     * {@link NorwegianAnalysis#terms}) has at {@code start}, with its alternatives (also
     * analysed terms); null if none begins there.
     */
    public Match matchAt(List<String> terms, int start) {
        for (int length = Math.min(longest, terms.size() - start); length >= 1; length--) {
            Set<List<String>> others = alternatives.get(terms.subList(start, start + length));
            if (others != null && !others.isEmpty()) {
                return new Match(length, List.copyOf(others));
            }
        }
        return null;
    }
}
