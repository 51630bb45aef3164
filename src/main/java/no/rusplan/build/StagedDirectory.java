package no.rusplan.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Build aside, then swap: output is written to a fresh sibling directory and only replaces
 * the published one when the whole build succeeded. A failed build deletes its staging
 * directory and leaves the published output exactly as it was.
 */
public final class StagedDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean published;

    private StagedDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    public static StagedDirectory beside(Path target) {
        try {
            Files.createDirectories(target.getParent());
            // A previous process may have ended before its old output was deleted (a command line
            // build exits when it is done): deleted on a thread of its own, since the staging
            // directory has a name of its own (thousands of files took seconds of every build).
            try (var leftovers = Files.list(target.getParent())) {
                for (Path old : leftovers.filter(p -> p.getFileName().toString()
                        .startsWith("." + target.getFileName() + ".old-")).toList()) {
                    deleteLater(old);
                }
            }
            Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".staging-");
            return new StagedDirectory(target, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a staging directory beside " + target, e);
        }
    }

    public Path path() {
        return staging;
    }

    /** Replaces the target with the staged output. */
    public void publish() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                move(target, old);
            }
            move(staging, target);
            published = true;
            if (old != null) {
                deleteLater(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish " + staging + " as " + target, e);
        }
    }

    /**
     * Deletes old output on a thread of its own: the new output is already in place (or is
     * built beside it), and deleting thousands of files took seconds of every build. What a
     * process ending meanwhile leaves undeleted, the next build deletes.
     */
    private static void deleteLater(Path old) {
        Thread delete = new Thread(() -> {
            try {
                deleteTree(old);
            } catch (IOException e) {
                // left for the next build, which deletes leftovers first
            }
        }, "rusplan-delete-old-output");
        delete.start();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Discards the staging directory unless it was published. */
    @Override
    public void close() {
        if (!published) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + staging, e);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        // tolerant of files vanishing meanwhile: an old output may be deleted by two threads at once
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof java.nio.file.NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                try {
                    Files.deleteIfExists(dir);
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    // another thread is still emptying it
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
