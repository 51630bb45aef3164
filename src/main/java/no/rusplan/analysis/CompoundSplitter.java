package no.rusplan.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;

/**
 * Splits Norwegian compounds into the words they are made of, with a dictionary of known words:
 * the site's own words (those that stand alone often enough in its text) plus a curated list
 * ({@code compound-parts.txt}). A split must cover the whole word with known words of at least
 * {@value #MIN_PART} letters, optionally joined by a linking "s" or "e" ("ungdomsskole" →
 * ungdom + skole); the fewest parts win, then the longest last part (the head of a Norwegian
 * compound); the last part may be an inflected form of a known word. Parts are split again ("rusmiddelavhengige" → rusmiddel, avhengige, rus, middel).
 * Words in {@code compound-keep.txt} (place names and words that only look like compounds) are
 * never split. Pure data and logic; the token filter is {@link CompoundSplitFilter}.
 */
public final class CompoundSplitter {
    /** Shortest part; shorter curated words (none today) would be ignored. */
    public static final int MIN_PART = 3;
    /** Shortest word worth splitting. */
    public static final int MIN_WORD = 2 * MIN_PART;
    /** Shortest word the corpus contributes to the dictionary (curated parts may be shorter). */
    public static final int MIN_CORPUS_WORD = 4;
    /** How often a word must stand alone in the corpus to count as a known part. */
    public static final int MIN_CORPUS_COUNT = 2;
    private static final List<String> LINKS = List.of("", "s", "e");

    private static final NorwegianLightStemmer STEMMER =
            new NorwegianLightStemmer(NorwegianLightStemmer.BOKMAAL | NorwegianLightStemmer.NYNORSK);

    private final Set<String> dictionary;
    /** Stems of the dictionary's words: the last part may be inflected ("kontoret" for "kontor"). */
    private final Set<String> stems;
    private final Set<String> keep;
    private final java.util.concurrent.ConcurrentHashMap<String, List<String>> splits = new java.util.concurrent.ConcurrentHashMap<>();

    public CompoundSplitter(Collection<String> dictionary, Collection<String> keep) {
        this.dictionary = Set.copyOf(dictionary);
        this.stems = dictionary.stream().map(CompoundSplitter::stem).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.keep = Set.copyOf(keep);
    }

    private static String stem(String word) {
        char[] letters = word.toCharArray();
        return new String(letters, 0, STEMMER.stem(letters, letters.length));
    }

    /**
     * The curated dictionary plus every word of {@code wordCounts} (lower-cased words of the
     * corpus and how often each occurs) that is long and frequent enough.
     */
    public static CompoundSplitter fromCorpus(Map<String, Integer> wordCounts) {
        Set<String> words = new HashSet<>(AnalysisData.lines("compound-parts.txt"));
        wordCounts.forEach((word, count) -> {
            if (word.length() >= MIN_CORPUS_WORD && count >= MIN_CORPUS_COUNT && word.chars().allMatch(Character::isLetter)) {
                words.add(word);
            }
        });
        return new CompoundSplitter(words, AnalysisData.lines("compound-keep.txt"));
    }

    /** The splitter a build used, from the dictionary it wrote ({@link #dictionary()}). */
    public static CompoundSplitter fromDictionary(List<String> dictionary) {
        return new CompoundSplitter(dictionary, AnalysisData.lines("compound-keep.txt"));
    }

    /** The dictionary, sorted: what a build writes beside the index. */
    public List<String> dictionary() {
        return dictionary.stream().sorted().toList();
    }

    /** Every part of {@code word} (lower case), outer split first; empty if it is no known compound. */
    public List<String> split(String word) {
        // words repeat (a site has thousands of tokens per distinct word): split each once
        return splits.computeIfAbsent(word, w -> {
            Set<String> parts = new LinkedHashSet<>();
            collect(w, parts, 0);
            return List.copyOf(parts);
        });
    }

    private void collect(String word, Set<String> parts, int depth) {
        List<String> split = bestSplit(word);
        if (split.isEmpty() || depth > 3) {
            return;
        }
        parts.addAll(split);
        for (String part : split) {
            collect(part, parts, depth + 1);
        }
    }

    /**
     * The fewest known parts covering {@code word}, at least two; ties go to the longer last
     * part. Dynamic programming over end positions: {@code best[i]} is the best split of the
     * first {@code i} letters.
     */
    List<String> bestSplit(String word) {
        int n = word.length();
        if (n < MIN_WORD || keep.contains(word) || !word.chars().allMatch(Character::isLetter)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String>[] best = new List[n + 1];
        best[0] = List.of();
        for (int end = MIN_PART; end <= n; end++) {
            for (int start = 0; start <= end - MIN_PART; start++) {
                if (best[start] == null) {
                    continue;
                }
                for (String link : LINKS) {
                    int partEnd = end - link.length();
                    if (partEnd - start < MIN_PART || !word.startsWith(link, partEnd)) {
                        continue;
                    }
                    String part = word.substring(start, partEnd);
                    if (partEnd == n && start == 0) {
                        continue; // the whole word is not a split of itself
                    }
                    boolean known = dictionary.contains(part) || partEnd == n && stems.contains(stem(part));
                    if (!known || (!link.isEmpty() && end == n)) {
                        continue; // a linking letter only joins two parts
                    }
                    List<String> candidate = new ArrayList<>(best[start]);
                    candidate.add(part);
                    if (better(candidate, best[end])) {
                        best[end] = candidate;
                    }
                }
            }
        }
        return best[n] == null ? List.of() : best[n];
    }

    private static boolean better(List<String> candidate, List<String> current) {
        if (current == null) {
            return true;
        }
        if (candidate.size() != current.size()) {
            return candidate.size() < current.size();
        }
        return candidate.get(candidate.size() - 1).length() > current.get(current.size() - 1).length();
    }
}
