package no.rusplan.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.rusplan.TestProject;

/**
 * How long a change takes to show in {@code serve --watch}: starts the CLI (a fresh JVM, as
 * {@code ./mvnw} starts it) on the synthetic corpus, edits one page three times, and times
 * each edit from the file write until the live-reload event has arrived and the served page
 * shows the new sentence; then when the static index is refreshed in the background, and an
 * edit saved while that refresh runs (which stops it).
 * <p>Run: {@code ./mvnw -q test-compile exec:java@watch-bench [-Dsize=5000]}.
 */
public final class WatchBench {
    private static final Pattern SERVING = Pattern.compile("Serving (http://\\S+/)");

    private WatchBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = TestProject.REPO;
        int size = Integer.getInteger("size", 5000);
        Path project = repo.resolve("target/bench/corpus-" + size);
        SyntheticCorpus.write(project, size, 42);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Commands.jvmFlags(repo));
        command.addAll(List.of("-cp", Commands.classPath(repo), "no.rusplan.cli.RusplanCommand", "serve", "--watch",
                "--port", "0", "-p", project.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CI", "true");
        Process serve = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (Exception e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Watch benchmark, %s, %d cores, %d pages: time from saving a page to the reloaded page showing it%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), size));
        try {
            URI base = URI.create(await(lines, SERVING).group(1));
            await(lines, Pattern.compile("Watching"));
            HttpClient http = HttpClient.newHttpClient();
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            http.sendAsync(HttpRequest.newBuilder(base.resolve("/_rusplan/events")).build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> {
                        try (Stream<String> stream = response.body()) {
                            stream.filter(l -> l.startsWith("event: reload")).forEach(events::add);
                        }
                    });
            Path page = project.resolve("content/services/tilbud-1.adoc");
            for (int edit = 1; edit <= 3; edit++) {
                String sentence = "Endring nummer " + edit + " om kveldsvakt.";
                out.append(edit(lines, events, http, base, page, "text edit " + edit,
                        text -> text + "\n" + sentence + "\n", sentence));
            }
            for (int edit = 1; edit <= 3; edit++) {
                String name = "Kveldsvakta " + edit;
                out.append(edit(lines, events, http, base, page, "header edit " + edit + " (the name)",
                        text -> text.replaceFirst("(?m)^= .*$", "= " + name), name));
            }
            Path template = project.resolve("templates/service.ftlh");
            String marker = "<p class=\"kicker\">Hjelpetilbud</p>";
            out.append(edit(lines, events, http, base, template, "template edit (every service page)",
                    text -> text.replaceFirst("<h1", marker + "<h1"), marker));
            out.append(staticIndexRefreshed(lines, System.nanoTime(), "after the template edit"));
            // an edit saved while the static index is being refreshed (it starts after a quiet
            // spell of StaticIndexRefresher.QUIET and takes about a second here): the refresh stops
            String before = "Endring før oppfriskingen.";
            out.append(edit(lines, events, http, base, page, "text edit",
                    text -> text + "\n" + before + "\n", before));
            Thread.sleep(no.rusplan.build.StaticIndexRefresher.QUIET.toMillis() + 300);
            String during = "Endring under oppfriskingen.";
            out.append(edit(lines, events, http, base, page, "text edit while the static index is refreshed",
                    text -> text + "\n" + during + "\n", during));
            out.append(staticIndexRefreshed(lines, System.nanoTime(), "after that edit"));
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
        Commands.report(TestProject.REPO, "watch.txt", out);
    }

    /** Waits for serve to report the static index refreshed (after the quiet spell); its line, with the time since {@code start}. */
    private static String staticIndexRefreshed(BlockingQueue<String> lines, long start, String label) throws InterruptedException {
        List<String> stopped = new ArrayList<>();
        String line = null;
        while (line == null) {
            String next = await(lines, Pattern.compile("Static search index .* (refreshed|refresh stopped).*")).group();
            if (next.contains("refresh stopped")) {
                stopped.add(next);
            } else {
                line = next;
            }
        }
        line = stopped.isEmpty() ? line : line + " (" + stopped.size() + " refresh stopped by the edit before)";
        return String.format(Locale.ROOT, "  static index %s: %.2f s later (%s quiet first)%n      %s%n", label,
                (System.nanoTime() - start) / 1e9, no.rusplan.build.StaticIndexRefresher.QUIET.toMillis() / 1000.0 + " s", line);
    }

    /** Changes {@code page}, waits for the rebuild and the reload event, and fetches the served page. */
    private static String edit(BlockingQueue<String> lines, BlockingQueue<String> events, HttpClient http, URI base,
                               Path page, String label, java.util.function.UnaryOperator<String> change, String expected)
            throws Exception {
        long start = System.nanoTime();
        Files.writeString(page, change.apply(Files.readString(page)));
        await(lines, Pattern.compile("^Changed: "));
        double seen = (System.nanoTime() - start) / 1e9;
        String built = await(lines, Pattern.compile("(Rebuilt|Built) .*")).group();
        double rebuilt = (System.nanoTime() - start) / 1e9;
        if (events.poll(300, TimeUnit.SECONDS) == null) {
            throw new IllegalStateException("no reload event");
        }
        double announced = (System.nanoTime() - start) / 1e9;
        String html = http.send(HttpRequest.newBuilder(base.resolve("/services/tilbud-1/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!html.contains(expected)) {
            throw new IllegalStateException("the page does not show " + label);
        }
        return String.format(Locale.ROOT, "  %s: visible after %.2f s (change seen %.2f, rebuilt %.2f, reload event %.2f)%n"
                + "      %s%n", label, seconds, seen, rebuilt, announced, built);
    }

    private static Matcher await(BlockingQueue<String> lines, Pattern pattern) throws InterruptedException {
        for (String line = lines.poll(600, TimeUnit.SECONDS); line != null; line = lines.poll(600, TimeUnit.SECONDS)) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new IllegalStateException("serve printed no line matching " + pattern);
    }
}
