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
import no.rusplan.model.SiteModel;
import no.rusplan.render.Messages;
import no.rusplan.render.SiteView;
import no.rusplan.serve.SiteServer;

/**
 * The search server under load: wrk (Debian's package) on loopback against {@code /api/search}
 * (the relevance set's queries in turn) and, in the same run, against a static page served by
 * the same Jetty; prints requests per second and p50/p99 latency for both, and the ratio.
 * <p>Run: {@code ./mvnw -q test-compile exec:java@load-bench [-Dconnections=64 -Dseconds=10]}
 * (needs wrk: {@code apt-get install wrk}).
 */
public final class LoadBench {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
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
        SiteModel site = new SiteBuild(layout, LocalDate.now()).build().site();
        SiteView view = SiteView.served(site, Messages.load(layout.templatesDir(), site.settings().lang()), LocalDate.now());
        Path script = repo.resolve("target/bench/search-queries.lua");
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (RelevanceSet.Query query : RelevanceSet.load()) {
            lua.append("  \"/api/search?q=").append(URLEncoder.encode(query.text(), StandardCharsets.UTF_8)).append("\",\n");
        }
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
        Files.createDirectories(script.getParent());
        Files.writeString(script, lua);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Load benchmark, %s, %d cores (wrk and Jetty share them), wrk -t2 -c%d -d%ds, loopback%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), connections, seconds));
        try (SiteServer server = new SiteServer(layout.siteDir(), layout.indexDir(), layout.templatesDir(), view,
                "127.0.0.1", 0).start()) {
            String base = server.uri().toString().replaceAll("/$", "");
            wrk(base + "/om/", connections, 2, null); // warm-up: JIT, caches
            wrk(base + "/api/search?q=rus", connections, 2, script);
            Result page = wrk(base + "/om/", connections, seconds, null);
            Result api = wrk(base + "/", connections, seconds, script);
            out.append(line("static page /om/", page));
            out.append(line("/api/search (92 queries in turn)", api));
            out.append(String.format(Locale.ROOT, "/api/search throughput = %.0f %% of the static page's%n",
                    100 * api.rate() / page.rate()));
        }
        Commands.report(TestProject.REPO, "load.txt", out);
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
