package no.rusplan.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.rusplan.TestProject;
import no.rusplan.build.ProjectLayout;
import no.rusplan.build.SiteBuild;
import no.rusplan.search.SearchService;

/**
 * The search server under load: wrk (Debian's package) on loopback against {@code /api/search}
 * (the relevance set's queries in turn), with recent answers kept (the default) and with every
 * query searched, and in the same run against a static page served by the same server (its own
 * JVM, started as a deployed server is); prints requests per second and p50/p99 latency for both, and the ratio.
 * <p>Run: {@code ./mvnw -q test-compile exec:java@load-bench [-Dconnections=64 -Dseconds=10 -DsearchWarmUp=30]}
 * (needs wrk: {@code apt-get install wrk}).
 */
public final class LoadBench {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern SERVING = Pattern.compile("Serving (http://\\S+?)/?\\s");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

    private LoadBench() {
    }

    private record Result(double rate, double p50Millis, double p99Millis) {
    }

    public static void main(String[] args) throws Exception {
        Path repo = TestProject.REPO;
        if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
            throw new IllegalStateException("wrk is not installed (apt-get install wrk)");
        }
        int connections = Integer.getInteger("connections", 64);
        int seconds = Integer.getInteger("seconds", 10);
        ProjectLayout layout = ProjectLayout.of(repo);
        new SiteBuild(layout, LocalDate.now()).build();
        Path script = repo.resolve("target/bench/search-queries.lua");
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (RelevanceSet.Query query : RelevanceSet.load()) {
            lua.append("  \"/api/search?q=").append(URLEncoder.encode(query.text(), StandardCharsets.UTF_8)).append("\",\n");
        }
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
        Files.createDirectories(script.getParent());
        Files.writeString(script, lua);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Load benchmark, %s, %d cores (wrk and the server share them), wrk -t2 -c%d -d%ds, loopback;%n"
                        + "server: java -cp … RusplanCommand serve (default JIT, as deployed), a fresh JVM per run,%n"
                        + "warmed up for 8 s (and 30 s more of searches before 'every query searched')%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), connections, seconds));
        Result page;
        Result kept;
        try (Server server = Server.start(repo, SearchService.DEFAULT_KEPT_ANSWERS)) {
            warmUp(server.base(), script);
            page = wrk(server.base() + "/om/", connections, seconds, null);
            kept = wrk(server.base() + "/", connections, seconds, script);
        }
        Result searched;
        try (Server server = Server.start(repo, 0)) {
            warmUp(server.base(), script);
            // searching afresh runs far more code than answering from memory: its JIT needs
            // thousands of searches to settle (QueryBench), as a long-running server has had
            wrk(server.base() + "/", connections, Integer.getInteger("searchWarmUp", 30), script);
            searched = wrk(server.base() + "/", connections, seconds, script);
        }
        out.append(line("static page /om/", page));
        out.append(line("/api/search, answers kept (default)", kept));
        out.append(line("/api/search, every query searched", searched));
        out.append(String.format(Locale.ROOT, "/api/search throughput = %.0f %% (answers kept), %.0f %% (every query searched)"
                + " of the static page's%n", 100 * kept.rate() / page.rate(), 100 * searched.rate() / page.rate()));
        out.append("(the 92 queries of bench/relevance/queries.tsv in turn; with answers kept, each is searched once)\n");
        Commands.report(TestProject.REPO, "load.txt", out);
    }

    /** JIT and page cache: a few seconds of both kinds of request before measuring. */
    private static void warmUp(String base, Path script) throws IOException, InterruptedException {
        wrk(base + "/om/", 16, 3, null);
        wrk(base + "/", 16, 5, script);
    }

    /** {@code rusplan serve} in its own JVM with the JIT a deployed server has, on a free port. */
    private record Server(Process process, String base) implements AutoCloseable {
        static Server start(Path repo, int keptAnswers) throws IOException, InterruptedException {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", Commands.classPath(repo), "no.rusplan.cli.RusplanCommand", "serve", "-p", repo.toString(),
                    "--port", "0", "--kept-answers", String.valueOf(keptAnswers));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "server-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new Server(process, serving.group(1));
                }
            }
            throw new IOException("the server stopped before serving (exit " + process.waitFor() + ")");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    private static String line(String label, Result r) {
        return String.format(Locale.ROOT, "  %-34s %9.0f req/s   p50 %6.2f ms   p99 %6.2f ms%n", label, r.rate(),
                r.p50Millis(), r.p99Millis());
    }

    private static Result wrk(String url, int connections, int seconds, Path script) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/wrk", "-t2", "-c" + connections,
                "-d" + seconds + "s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("wrk failed:\n" + output);
        }
        if (output.contains("Non-2xx")) {
            throw new IOException("wrk saw error responses:\n" + output);
        }
        Matcher rate = RATE.matcher(output);
        if (!rate.find()) {
            throw new IOException("no rate in wrk output:\n" + output);
        }
        double p50 = 0;
        double p99 = 0;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double value = Double.parseDouble(percentile.group(2));
            double millis = switch (percentile.group(3)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        return new Result(Double.parseDouble(rate.group(1)), p50, p99);
    }
}
