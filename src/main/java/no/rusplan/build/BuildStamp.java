package no.rusplan.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fingerprint of everything a build's output depends on: every file under {@code content/},
 * {@code templates/} and {@code assets/}, {@code site.properties}, the day (pages say how long
 * ago an entry was verified), whether pages reload themselves, Rusplan's own classes and data
 * files, and the versions of the libraries that shape the output. Written beside the index
 * by a published build ({@value #FILE}); a build whose stamp equals the published one has
 * nothing to do.
 */
public final class BuildStamp {
    /** Where a published build keeps its stamp, in the index directory. */
    public static final String FILE = "build-stamp.txt";
    private static final List<Class<?>> LIBRARIES = List.of(org.jbake.app.Oven.class, org.asciidoctor.Asciidoctor.class,
            freemarker.template.Configuration.class, org.apache.lucene.util.Version.class, org.jsoup.Jsoup.class);

    private BuildStamp() {
    }

    /** The stamp of a build of {@code layout}'s inputs on {@code today}. */
    public static String of(ProjectLayout layout, LocalDate today, boolean liveReload) {
        MessageDigest digest = sha256();
        digest.update((today + " liveReload=" + liveReload + "\n").getBytes(StandardCharsets.UTF_8));
        for (Class<?> library : LIBRARIES) {
            digest.update((library.getName() + " " + library.getPackage().getImplementationVersion() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        addTree(digest, layout.projectDir(), List.of(layout.contentDir(), layout.templatesDir(), layout.assetsDir(),
                layout.settingsFile()));
        addCode(digest);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The stamp of the build published in {@code indexDir}, or "" if none is there. */
    public static String published(Path indexDir) {
        try {
            Path file = indexDir.resolve(FILE);
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    public static void write(Path indexDir, String stamp) throws IOException {
        Files.writeString(indexDir.resolve(FILE), stamp + "\n", StandardCharsets.UTF_8);
    }

    /** Every regular file under {@code roots}, in path order: its path (relative to {@code base}) and bytes. */
    private static void addTree(MessageDigest digest, Path base, List<Path> roots) {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update((base.relativize(file).toString().replace('\\', '/') + "\n").getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + root, e);
            }
        }
    }

    /** Rusplan's classes and resources: the directory or jar they were loaded from. */
    private static void addCode(MessageDigest digest) {
        java.security.CodeSource source = BuildStamp.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            // code of unknown origin: never up to date
            digest.update(String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            Path code = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(code)) {
                addTree(digest, code, List.of(code));
            } else {
                try (InputStream in = Files.newInputStream(code)) {
                    digest.update(in.readAllBytes());
                }
            }
        } catch (IOException | java.net.URISyntaxException | java.nio.file.FileSystemNotFoundException e) {
            // code that cannot be read: never up to date
            digest.update(String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
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
