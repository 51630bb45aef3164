package no.rusplan.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.rusplan.TestProject;
import no.rusplan.build.ProjectLayout;
import no.rusplan.build.SiteBuild;
import no.rusplan.search.SearchRequest;
import no.rusplan.search.SearchService;

/**
 * What one search costs without a server: the relevance set's 92 queries, round after round,
 * through {@link SearchService} on one thread with no answers kept, each answer also written
 * as the API's JSON. Prints milliseconds per query for each of the last rounds, in a fresh JVM
 * with the default JIT (a server's) and with C1 only ({@code ./mvnw}'s).
 * <p>Run: {@code ./mvnw -q test-compile exec:java@query-bench [-Drounds=60]}
 */
public final class QueryBench {
    private QueryBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--measure")) {
            measure(Integer.parseInt(args[1]));
            return;
        }
        Path repo = TestProject.REPO;
        new SiteBuild(ProjectLayout.of(repo), LocalDate.now()).build();
        int rounds = Integer.getInteger("rounds", 60);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Query benchmark, %s, %d cores, example site, 92 queries per round, one thread, no answers kept%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors()));
        for (List<String> flags : List.of(List.<String>of(), List.of("-XX:TieredStopAtLevel=1"))) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(flags);
            command.addAll(List.of("-cp", Commands.classPath(repo) + java.io.File.pathSeparator + repo.resolve("target/test-classes"),
                    QueryBench.class.getName(), "--measure", String.valueOf(rounds)));
            Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("query bench failed:\n" + printed);
            }
            out.append(String.format(Locale.ROOT, "JVM flags %s: %s%n", flags.isEmpty() ? "(default JIT)" : flags, printed.strip()));
        }
        Commands.report(repo, "query.txt", out);
    }

    /** In the measuring JVM: ms per query for each of the last five rounds. */
    private static void measure(int rounds) throws Exception {
        List<String> queries = RelevanceSet.load().stream().map(RelevanceSet.Query::text).toList();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> last = new ArrayList<>();
        try (SearchService search = SearchService.open(ProjectLayout.of(TestProject.REPO).indexDir(), 0)) {
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                for (String query : queries) {
                    json.writeValueAsBytes(search.search(SearchRequest.parse(Map.of("q", List.of(query)))));
                }
                double millis = (System.nanoTime() - start) / 1e6 / queries.size();
                if (round >= rounds - 5) {
                    last.add(String.format(Locale.ROOT, "%.2f", millis));
                }
            }
        }
        System.out.println("ms per query in the last 5 of " + rounds + " rounds: " + String.join(", ", last));
    }
}
