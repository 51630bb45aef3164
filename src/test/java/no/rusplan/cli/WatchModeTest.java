package no.rusplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.rusplan.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve --watch} end to end: a change to a content file is rebuilt, served (page and
 * search) and announced to open pages on the live-reload stream; broken content keeps the last
 * good site. Synchronised on the server's own output and event stream, never on sleeps.
 */
class WatchModeTest {
    private static final Pattern SERVING = Pattern.compile("Serving (http://\\S+/)");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void aChangedPageIsRebuiltServedAndAnnounced() throws Exception {
        TestProject project = TestProject.fixture(temp);
        Lines lines = new Lines();
        PrintWriter out = new PrintWriter(lines, true);
        Thread serve = new Thread(() -> new CommandLine(new RusplanCommand()).setOut(out).setErr(out)
                .execute("serve", "--watch", "--port", "0", "-p", project.root().toString()), "watch-test");
        serve.setDaemon(true);
        serve.start();
        try {
            URI base = URI.create(await(lines, SERVING).group(1));
            await(lines, Pattern.compile("Watching"));
            String page = get(base.resolve("/services/hjelpesenteret/"));
            assertTrue(page.contains("/_rusplan/live-reload.js"), "pages built in watch mode load the live-reload script");

            CompletableFuture<String> reload = new CompletableFuture<>();
            http.sendAsync(HttpRequest.newBuilder(base.resolve("/_rusplan/events")).build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> {
                        try (Stream<String> events = response.body()) {
                            events.filter(line -> line.startsWith("event: reload")).findFirst().ifPresent(reload::complete);
                        }
                    });
            Path file = project.file("content/services/hjelpesenteret.adoc");
            Files.writeString(file, Files.readString(file) + "\nDet er nå også kveldsåpent hver torsdag.\n");
            assertTrue(await(lines, Pattern.compile("(Rebuilt \\d+ page|Built \\d+ pages)")).group().startsWith("Rebuilt 1 page"),
                    "a changed body rebuilds its page alone");
            assertEquals("event: reload", reload.get(60, TimeUnit.SECONDS));
            assertTrue(get(base.resolve("/services/hjelpesenteret/")).contains("kveldsåpent"));
            assertTrue(get(base.resolve("/api/search?q=kveldsåpent")).contains("/services/hjelpesenteret/"));
            await(lines, Pattern.compile("Static search index \\(/search/\\) refreshed: \\d+ pages.*"));
            var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(base.resolve("/search/manifest.json")));
            String shard = manifest.path("lexicon").path("k").asText();
            assertTrue(gunzipped(base.resolve("/search/" + shard)).contains("\"kveldsåpent\""),
                    "the static index served knows the new word, refreshed after the reload");

            Files.writeString(file, Files.readString(file).replace(":jbake-type: service", ":jbake-type: service\n:nonsense: x"));
            await(lines, Pattern.compile(".*hjelpesenteret.adoc:\\d+: .*"));
            assertTrue(get(base.resolve("/services/hjelpesenteret/")).contains("kveldsåpent"), "the last good build stays served");
        } finally {
            serve.interrupt();
        }
    }

    /** A gzip file served as it is, unpacked. */
    private String gunzipped(URI uri) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), uri.toString());
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri.toString());
        return response.body();
    }

    /** Takes the command's output lines until one matches (bounded: a build takes seconds, not minutes). */
    private static Matcher await(Lines lines, Pattern pattern) throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            seen.add(line);
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new AssertionError("no output line matching " + pattern + " within the time limit; saw " + seen);
    }

    /** The command's output, line by line, from whichever thread writes it. */
    private static final class Lines extends java.io.Writer {
        private final java.util.concurrent.BlockingQueue<String> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    queue.add(partial.toString());
                    partial.setLength(0);
                } else {
                    partial.append(chars[i]);
                }
            }
        }

        String next() throws InterruptedException {
            return queue.poll(60, TimeUnit.SECONDS);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
