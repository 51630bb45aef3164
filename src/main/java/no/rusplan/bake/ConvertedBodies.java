package no.rusplan.bake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import no.rusplan.content.ContentFile;
import no.rusplan.content.Problem;
import no.rusplan.model.Glossary;

/**
 * Every page body converted to its final HTML (AsciiDoc → HTML, charts, scrollable tables,
 * abbreviations) apart from JBake, each ready as soon as it is converted, for two reasons
 * measured on the synthetic corpus (see docs/ARCHITECTURE.md): conversion was half of a bake
 * and JBake does it on one thread, so here it runs on every core (one Asciidoctor instance, as AsciidoctorJ supports); and a
 * body whose source, document attributes, glossary and conversion code are unchanged is
 * taken from a content-hash cache ({@link BodyCache}, one pack file) instead of being converted again. Only conversions without
 * problems are cached, and a body with {@code include::} is always converted (its includes
 * are not part of the key).
 */
public final class ConvertedBodies {
    /** Bump when the conversion changes in a way the class fingerprint below would miss. */
    private static final String VERSION = "1";
    private static final List<Class<?>> PIPELINE = List.of(ConvertedBodies.class, AsciidocConverter.class,
            ChartRenderer.class, TableScroller.class, AbbreviationMarker.class);

    /** Whether the files converted are every page of the site (unused cache entries may then go) or some of them. */
    public enum Scope { WHOLE_SITE, SOME_PAGES }

    private final Map<Path, CompletableFuture<String>> html;
    private final CompletableFuture<Void> all;
    private final long started;
    private volatile long finished;

    private ConvertedBodies(Map<Path, CompletableFuture<String>> html,
                            CompletableFuture<Void> all, long started) {
        this.html = html;
        this.started = started;
        this.all = all.whenComplete((ok, failure) -> finished = System.nanoTime());
    }

    /** How long finding and converting every body took (after {@link #awaitAll()}). */
    public java.time.Duration time() {
        return java.time.Duration.ofNanos(finished - started);
    }

    /**
     * Starts JRuby in the background when some body will probably have to be converted, so that
     * its start-up overlaps reading and validating the content: when {@code cacheDir} holds no
     * body, or a file under {@code contentDir} was modified after {@code lastBuild} (a file the
     * last published build wrote) or, without one, after the cache. Otherwise JRuby is started
     * only once a body turns out to be missing, after the content is read: with one page changed
     * at 5,000 pages, JRuby is what the build waits for, and that was 0.3-0.4 s later.
     */
    public static void prepare(Path cacheDir, Path contentDir, Path lastBuild) {
        if (probablyConverts(cacheDir, contentDir, lastBuild)) {
            AsciidocConverter.startInBackground();
        }
    }

    /** Whether {@link #prepare} starts JRuby. */
    static boolean probablyConverts(Path cacheDir, Path contentDir, Path lastBuild) {
        return BodyCache.holdsNothing(cacheDir)
                || changedSince(contentDir, Files.exists(lastBuild) ? lastBuild : cacheDir.resolve(BodyCache.FILE));
    }

    private static boolean changedSince(Path contentDir, Path reference) {
        try (java.util.stream.Stream<Path> files = Files.walk(contentDir)) {
            java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(reference);
            return files.anyMatch(file -> {
                try {
                    return Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(built) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return true; // nothing to compare with (or content unreadable, which reading will report)
        }
    }

    /**
     * Converts (or finds in {@code cacheDir}) the body of every file and returns when all are
     * done; problems are added to {@code problems} in file order; {@code progress} hears the
     * number done so far.
     */
    public static ConvertedBodies of(List<ContentFile> files, Scope scope, AsciidocConverter converter, Glossary glossary,
                                     Path cacheDir, List<Problem> problems, IntConsumer progress) {
        return start(files, scope, converter, glossary, cacheDir, problems, progress).awaitAll();
    }

    /**
     * As {@link #of}, but returns at once: bodies found in the cache are ready immediately, and
     * {@link #html} waits for the others one by one, so pages can be rendered while JRuby starts
     * and the rest convert. {@code problems} is complete after {@link #awaitAll()}.
     */
    public static ConvertedBodies start(List<ContentFile> files, Scope scope, AsciidocConverter converter,
                                        Glossary glossary, Path cacheDir, List<Problem> problems, IntConsumer progress) {
        long started = System.nanoTime();
        String fingerprint = fingerprint(converter, glossary);
        Map<Path, CompletableFuture<String>> html = new ConcurrentHashMap<>();
        Map<Path, List<Problem>> found = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        Map<Path, String> sources = new ConcurrentHashMap<>();
        BodyCache cache = BodyCache.open(cacheDir);
        if (scope == Scope.WHOLE_SITE) {
            cache.dropUnusedOnClose();
        }
        List<ContentFile> toConvert = java.util.Collections.synchronizedList(new ArrayList<>());
        files.forEach(file -> html.put(key(file.file()), new CompletableFuture<>()));
        try {
            files.parallelStream().forEach(file -> {
                String source = source(file.file());
                sources.put(key(file.file()), source);
                String cached = source.contains("include::") ? null : cache.get(cacheKey(fingerprint, source));
                if (cached != null) {
                    html.get(key(file.file())).complete(cached);
                    progress.accept(done.incrementAndGet());
                } else {
                    toConvert.add(file);
                }
            });
        } catch (RuntimeException e) {
            cache.close(); // an unreadable source: let go of the pack before failing
            throw e;
        }
        CompletableFuture<Void> all = toConvert.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> convertAll(
                        toConvert.stream().sorted(java.util.Comparator.comparing(f -> f.file().toString())).toList(),
                        sources, converter, glossary, cache, fingerprint, html, found, done, progress));
        all = all.whenComplete((ok, failure) -> {
            cache.close();
            // a conversion that failed outright fails every page still waiting for its body
            if (failure != null) {
                html.values().forEach(body -> body.completeExceptionally(failure));
            }
            for (ContentFile file : files) {
                problems.addAll(found.getOrDefault(key(file.file()), List.of()));
            }
        });
        return new ConvertedBodies(html, all, started);
    }

    /** Waits until every body is converted; a failure of the conversion itself is rethrown. */
    public ConvertedBodies awaitAll() {
        join(all);
        return this;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static void convertAll(List<ContentFile> toConvert, Map<Path, String> sources, AsciidocConverter converter,
                                   Glossary glossary, BodyCache cache, String fingerprint,
                                   Map<Path, CompletableFuture<String>> html,
                                   Map<Path, List<Problem>> found, AtomicInteger done, IntConsumer progress) {
        AbbreviationMarker abbreviations = new AbbreviationMarker(glossary);
        TableScroller tables = new TableScroller();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            // one conversion first: JRuby finishes loading Asciidoctor before threads share it
            List<ContentFile> rest = toConvert.subList(1, toConvert.size());
            convertOne(toConvert.get(0), sources, converter, abbreviations, tables, cache, fingerprint, html, found);
            progress.accept(done.incrementAndGet());
            List<Future<?>> futures = new ArrayList<>();
            for (ContentFile file : rest) {
                futures.add(pool.submit(() -> {
                    convertOne(file, sources, converter, abbreviations, tables, cache, fingerprint, html, found);
                    progress.accept(done.incrementAndGet());
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while converting AsciiDoc", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void convertOne(ContentFile file, Map<Path, String> sources, AsciidocConverter converter,
                                   AbbreviationMarker abbreviations, TableScroller tables, BodyCache cache,
                                   String fingerprint, Map<Path, CompletableFuture<String>> html,
                                   Map<Path, List<Problem>> found) {
        String source = sources.get(key(file.file()));
        List<Problem> problems = new ArrayList<>();
        String body = converter.convert(file.file(), source, problems);
        body = new ChartRenderer().render(body, file.file(), problems);
        body = abbreviations.mark(tables.wrap(body));
        if (problems.isEmpty()) {
            if (!source.contains("include::")) {
                cache.put(cacheKey(fingerprint, source), body);
            }
        } else {
            found.put(key(file.file()), problems);
        }
        html.get(key(file.file())).complete(body);
    }

    /**
     * The converted body of {@code file} (waiting for it if it is still being converted), or
     * null if it was not among the files converted.
     */
    public String html(Path file) {
        CompletableFuture<String> body = html.get(key(file));
        return body == null ? null : join(body);
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** The file as JBake hands it to a parser: its lines joined with "\n". */
    static String source(Path file) {
        try {
            return String.join("\n", Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** What, besides a body's own source, decides its HTML: conversion code, attributes, glossary. */
    private static String fingerprint(AsciidocConverter converter, Glossary glossary) {
        MessageDigest digest = sha256();
        digest.update(VERSION.getBytes(StandardCharsets.UTF_8));
        for (Class<?> type : PIPELINE) {
            try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                if (in != null) {
                    digest.update(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        digest.update(String.valueOf(org.asciidoctor.Asciidoctor.class.getPackage().getImplementationVersion())
                .getBytes(StandardCharsets.UTF_8));
        digest.update(new TreeMap<>(converter.attributes()).toString().getBytes(StandardCharsets.UTF_8));
        digest.update(new TreeMap<>(glossary.expansions()).toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The cache key of a body: its source under this conversion's fingerprint. */
    private static String cacheKey(String fingerprint, String source) {
        MessageDigest digest = sha256();
        digest.update(fingerprint.getBytes(StandardCharsets.UTF_8));
        digest.update(source.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
