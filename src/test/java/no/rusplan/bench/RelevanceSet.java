package no.rusplan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The relevance set in {@code bench/relevance/queries.tsv} and how a search engine is scored
 * on it: success@k (share of queries with an expected page among the first k results) and
 * MRR@10 (mean of 1/rank of the first expected page, 0 when it is not in the first 10).
 */
public final class RelevanceSet {
    public static final Path FILE = Path.of("bench/relevance/queries.tsv");

    /** One query and the pages that answer it. */
    public record Query(String who, String text, List<String> expected) {
        /** 1-based rank of the first expected page in {@code urls}, or 0. */
        public int rank(List<String> urls) {
            for (int i = 0; i < urls.size(); i++) {
                if (expected.contains(urls.get(i))) {
                    return i + 1;
                }
            }
            return 0;
        }
    }

    /** The rank each query got from one engine, and the first three results it gave. */
    public record Scores(String engine, List<Query> queries, List<Integer> ranks, List<List<String>> top3) {
        public double successAt(int k) {
            return ranks.stream().filter(r -> r > 0 && r <= k).count() / (double) ranks.size();
        }

        public double mrrAt10() {
            return ranks.stream().mapToDouble(r -> r > 0 && r <= 10 ? 1.0 / r : 0).sum() / ranks.size();
        }

        /** Queries whose expected pages are not in the first {@code k}, with the rank they got. */
        public List<String> missesAt(int k) {
            List<String> misses = new ArrayList<>();
            for (int i = 0; i < ranks.size(); i++) {
                if (ranks.get(i) == 0 || ranks.get(i) > k) {
                    misses.add(queries.get(i).text() + " (rank " + (ranks.get(i) == 0 ? ">10" : ranks.get(i)) + ")");
                }
            }
            return misses;
        }

        public String summary() {
            return String.format(Locale.ROOT, "%-10s success@1 %.3f  success@3 %.3f  success@10 %.3f  MRR@10 %.3f  (%d queries)",
                    engine, successAt(1), successAt(3), successAt(10), mrrAt10(), ranks.size());
        }
    }

    /** Something that answers a query with result urls, best first. */
    @FunctionalInterface
    public interface Engine {
        List<String> top10(String query) throws Exception;
    }

    private RelevanceSet() {
    }

    public static List<Query> load() {
        return load(FILE);
    }

    public static List<Query> load(Path file) {
        try {
            List<Query> queries = new ArrayList<>();
            int lineNumber = 0;
            for (String line : Files.readAllLines(file)) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": expected 3 tab-separated columns");
                }
                queries.add(new Query(columns[0], columns[1],
                        Arrays.stream(columns[2].split("\\|")).map(String::strip).toList()));
            }
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scores score(String engineName, List<Query> queries, Engine engine) throws Exception {
        List<Integer> ranks = new ArrayList<>();
        List<List<String>> top3 = new ArrayList<>();
        for (Query query : queries) {
            List<String> urls = engine.top10(query.text());
            ranks.add(query.rank(urls));
            top3.add(List.copyOf(urls.subList(0, Math.min(3, urls.size()))));
        }
        return new Scores(engineName, queries, ranks, top3);
    }
}
