package no.rusplan.bake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.rusplan.content.Problem;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Converts AsciiDoc bodies to HTML with one Asciidoctor instance per JVM (starting JRuby
 * costs seconds, so it is started once and reused by every build in the process). Every
 * Asciidoctor warning or error raised while converting a file becomes a {@link Problem} at
 * that file and line: broken AsciiDoc fails the build instead of quietly rendering wrong.
 */
public final class AsciidocConverter {
    static {
        // JRuby compiles a Ruby method to JVM bytecode once it has been called this many times
        // (its default is 50). Asciidoctor's parser and converter methods run thousands of times
        // a build, so compiling them sooner took about 3 s of CPU and 2 s of wall time off a cold
        // 5,000-page build (4 alternating rounds against the default; 10 was no better). A
        // value set on the command line wins. JRuby reads it when its runtime is created.
        if (System.getProperty("jruby.jit.threshold") == null) {
            System.setProperty("jruby.jit.threshold", "20");
        }
    }

    private static final String RUBYGEMS = "jruby.cli.rubygems.enable";
    private static final Object LOCK = new Object();
    private static Asciidoctor shared;
    private static boolean starting;
    private static final ThreadLocal<Conversion> CURRENT = new ThreadLocal<>();

    private record Conversion(Path file, List<Problem> problems) {
    }

    private final Map<String, Object> attributes;

    /** @param attributes document attributes for every page (captions in the UI language, ids) */
    public AsciidocConverter(Map<String, Object> attributes) {
        this.attributes = Map.copyOf(attributes);
        routeJavaLogging();
    }

    /**
     * AsciidoctorJ also sends every message to java.util.logging, whose console handler would
     * print it a second time, unformatted and without the file: routed to SLF4J instead, where
     * logback.xml turns the "asciidoctor" logger off (the messages become {@link Problem}s with
     * file and line, see {@link #log}). Checked for every converter, since anything may reset
     * java.util.logging's configuration.
     */
    private static void routeJavaLogging() {
        if (!org.slf4j.bridge.SLF4JBridgeHandler.isInstalled()) {
            org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
            org.slf4j.bridge.SLF4JBridgeHandler.install();
        }
    }

    private static Asciidoctor asciidoctor() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = create();
                shared.registerLogHandler(AsciidocConverter::log);
            }
            return shared;
        }
    }

    /**
     * Starts JRuby without RubyGems, with the gems AsciidoctorJ bundles on its load path
     * instead ({@link BundledGems}): loading RubyGems was 0.6 of JRuby's 1.9 s of start-up
     * ({@code -Djruby.debug.loadService.timing=true}), only to find those same directories.
     * Asciidoctor and what it loads on demand (coderay, rouge, asciimath …) are then plain
     * {@code require}s. If the gems cannot be listed, JRuby starts the usual way; a value of
     * {@code jruby.cli.rubygems.enable} given on the command line wins.
     */
    private static Asciidoctor create() {
        List<String> loadPath = BundledGems.loadPath();
        if (loadPath.isEmpty()) {
            return Asciidoctor.Factory.create();
        }
        boolean unset = System.getProperty(RUBYGEMS) == null;
        if (unset) {
            System.setProperty(RUBYGEMS, "false"); // read when JRuby's RubyInstanceConfig is created
        }
        try {
            return org.asciidoctor.jruby.AsciidoctorJRuby.Factory.create(loadPath);
        } finally {
            if (unset) {
                System.clearProperty(RUBYGEMS);
            }
        }
    }

    private static void log(LogRecord record) {
        Conversion conversion = CURRENT.get();
        if (conversion == null || record.getSeverity().ordinal() < Severity.WARN.ordinal()) {
            return;
        }
        int line = record.getCursor() == null ? 0 : Math.max(record.getCursor().getLineNumber(), 0);
        conversion.problems().add(new Problem(conversion.file(), line, "AsciiDoc: " + record.getMessage()));
    }

    /** The document attributes every page is converted with. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** Warms JRuby up (for callers that want the cost outside a timed section). */
    public static void start() {
        asciidoctor();
    }

    /**
     * Starts JRuby and Asciidoctor on a daemon thread and returns at once (once per JVM): its
     * seconds of start-up, on one core, then overlap whatever the caller does meanwhile.
     */
    public static void startInBackground() {
        synchronized (LOCK) {
            if (shared != null || starting) {
                return;
            }
            starting = true;
        }
        Thread thread = new Thread(AsciidocConverter::start, "rusplan-asciidoctor-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Converts a whole document (header included, so line numbers match the file) to embeddable
     * HTML. Problems found are added to {@code problems}.
     */
    public String convert(Path file, String source, List<Problem> problems) {
        Options options = Options.builder()
                .safe(SafeMode.SAFE)
                .standalone(false)
                .sourcemap(true)
                .baseDir(file.toAbsolutePath().getParent().toFile())
                .attributes(Attributes.builder().attributes(attributes).build())
                .build();
        List<Problem> found = new ArrayList<>();
        CURRENT.set(new Conversion(file, found));
        try {
            return asciidoctor().convert(source, options);
        } finally {
            CURRENT.remove();
            problems.addAll(found);
        }
    }
}
