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
 * abbreviations) before JBake runs, for two reasons measured on the synthetic corpus (see
 * docs/ARCHITECTURE.md): conversion was half of a bake and JBake does it on one thread, so
 * here it runs on every core (one Asciidoctor instance, as AsciidoctorJ supports); and a
 * body whose source, document attributes, glossary and conversion code are unchanged is
 * taken from a content-hash cache instead of being converted again. Only conversions without
 * problems are cached, and a body with {@code include::} is always converted (its includes
 * are not part of the key).
 */
public final class ConvertedBodies {
    /** Bump when the conversion changes in a way the class fingerprint below would miss. */
    private static final String VERSION = "1";
    private static final List<Class<?>> PIPELINE = List.of(ConvertedBodies.class, AsciidocConverter.class,
            ChartRenderer.class, TableScroller.class, AbbreviationMarker.class);

    private final Map<Path, String> html;

    private ConvertedBodies(Map<Path, String> html) {
        this.html = html;
    }

    /**
     * Converts (or finds in {@code cacheDir}) the body of every file; problems are added to
     * {@code problems} in file order; {@code progress} hears the number done so far.
     */
    public static ConvertedBodies of(List<ContentFile> files, AsciidocConverter converter, Glossary glossary,
                                     Path cacheDir, List<Problem> problems, IntConsumer progress) {
        String fingerprint = fingerprint(converter, glossary);
        Map<Path, String> html = new ConcurrentHashMap<>();
        Map<Path, List<Problem>> found = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        List<ContentFile> toConvert = new ArrayList<>();
        Map<Path, String> sources = new ConcurrentHashMap<>();
        for (ContentFile file : files) {
            String source = source(file.file());
            sources.put(key(file.file()), source);
            String cached = source.contains("include::") ? null : read(cacheFile(cacheDir, fingerprint, source));
            if (cached != null) {
                html.put(key(file.file()), cached);
                progress.accept(done.incrementAndGet());
            } else {
                toConvert.add(file);
            }
        }
        if (!toConvert.isEmpty()) {
            AbbreviationMarker abbreviations = new AbbreviationMarker(glossary);
            TableScroller tables = new TableScroller();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
            try {
                // one conversion first: JRuby finishes loading Asciidoctor before threads share it
                List<ContentFile> rest = toConvert.subList(1, toConvert.size());
                convertOne(toConvert.get(0), sources, converter, abbreviations, tables, cacheDir, fingerprint, html, found);
                progress.accept(done.incrementAndGet());
                List<Future<?>> futures = new ArrayList<>();
                for (ContentFile file : rest) {
                    futures.add(pool.submit(() -> {
                        convertOne(file, sources, converter, abbreviations, tables, cacheDir, fingerprint, html, found);
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
        for (ContentFile file : files) {
            problems.addAll(found.getOrDefault(key(file.file()), List.of()));
        }
        return new ConvertedBodies(Collections.unmodifiableMap(html));
    }

    private static void convertOne(ContentFile file, Map<Path, String> sources, AsciidocConverter converter,
                                   AbbreviationMarker abbreviations, TableScroller tables, Path cacheDir,
                                   String fingerprint, Map<Path, String> html, Map<Path, List<Problem>> found) {
        String source = sources.get(key(file.file()));
        List<Problem> problems = new ArrayList<>();
        String body = converter.convert(file.file(), source, problems);
        body = new ChartRenderer().render(body, file.file(), problems);
        body = abbreviations.mark(tables.wrap(body));
        html.put(key(file.file()), body);
        if (problems.isEmpty()) {
            if (!source.contains("include::")) {
                write(cacheFile(cacheDir, fingerprint, source), body);
            }
        } else {
            found.put(key(file.file()), problems);
        }
    }

    /** The converted body of {@code file}, or null if it was not among the files converted. */
    public String html(Path file) {
        return html.get(key(file));
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

    private static Path cacheFile(Path cacheDir, String fingerprint, String source) {
        MessageDigest digest = sha256();
        digest.update(fingerprint.getBytes(StandardCharsets.UTF_8));
        digest.update(source.getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().formatHex(digest.digest());
        return cacheDir.resolve(hash.substring(0, 2)).resolve(hash + ".html");
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null; // an unreadable cache entry is converted again
        }
    }

    /** Writes atomically (temp file, then move), so a crash never leaves half an entry. */
    private static void write(Path file, String html) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "entry", ".tmp");
            Files.writeString(temp, html, StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the cache is an optimisation: a build never fails because it cannot write it
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
