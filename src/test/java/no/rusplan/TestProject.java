package no.rusplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import no.rusplan.build.ProjectLayout;

/**
 * A throwaway Rusplan project for tests: the repository's real templates and assets, and
 * either the small fixture content ({@code src/test/resources/fixture/content}) or the real
 * example content. Output goes inside the temporary folder, never to the repository.
 */
public final class TestProject {
    /** The repository root (Maven runs tests there). */
    public static final Path REPO = Path.of("").toAbsolutePath();

    private final Path root;

    private TestProject(Path root) {
        this.root = root;
    }

    public static TestProject fixture(Path tempDir) {
        return create(tempDir, REPO.resolve("src/test/resources/fixture/content"));
    }

    public static TestProject example(Path tempDir) {
        return create(tempDir, REPO.resolve("content"));
    }

    private static TestProject create(Path tempDir, Path content) {
        Path root;
        try {
            Files.createDirectories(tempDir);
            root = Files.createTempDirectory(tempDir, "project-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copyTree(content, root.resolve("content"));
        copyTree(REPO.resolve("templates"), root.resolve("templates"));
        copyTree(REPO.resolve("assets"), root.resolve("assets"));
        try {
            Files.copy(REPO.resolve("site.properties"), root.resolve("site.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestProject(root);
    }

    /** A file of the fixture as it is in the repository, e.g. {@code content/services/x.adoc}. */
    public static String fixtureText(String relative) {
        try {
            return Files.readString(REPO.resolve("src/test/resources/fixture").resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public ProjectLayout layout() {
        return ProjectLayout.of(root);
    }

    public Path file(String relative) {
        return root.resolve(relative);
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes (or overwrites) a file of the project. */
    public TestProject write(String relative, String text) {
        try {
            Files.createDirectories(root.resolve(relative).getParent());
            Files.writeString(root.resolve(relative), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A page of the built site, e.g. {@code services/hjelpesenteret/}. */
    public String page(String url) {
        String relative = url.endsWith("/") || url.isEmpty() ? url + "index.html" : url;
        try {
            return Files.readString(layout().siteDir().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fingerprint of a directory tree (paths, sizes and modification times). */
    public static String fingerprint(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            StringBuilder text = new StringBuilder();
            for (Path p : walk.sorted().toList()) {
                text.append(dir.relativize(p)).append(' ');
                if (Files.isRegularFile(p)) {
                    text.append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
                }
                text.append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
