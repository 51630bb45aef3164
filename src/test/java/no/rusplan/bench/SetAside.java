package no.rusplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.rusplan.TestProject;

/**
 * Where the build benchmark puts the output of one build before the next cold build: moved
 * aside, not deleted, and deleted only when the benchmark is done.
 * <p>Why: on a filesystem without a journal (this machine's ext4: {@code
 * /sys/fs/ext4/vda/journal_task} is {@code <none>}), the kernel does not reuse an inode freed in
 * the last minutes, and every new file's inode is found by stepping past each of them
 * ({@code find_inode_bit} → {@code recently_deleted}). A cold build of 5,000 pages creates about
 * 10,000 files and folders; right after the last build's 10,000 were deleted, it took 8–11 s of
 * system time instead of 2.3–2.6 s ({@code perf record}: a fifth of the samples in those two
 * functions), and the figures grew with every build. A clean checkout deletes nothing before
 * its first build, so a cold build is measured here as one on a disk that deleted nothing just
 * before, for both tools.
 */
final class SetAside {
    private final Path dir;

    /** Set-aside output goes into {@code dir}, which {@link #deleteAll} deletes. */
    SetAside(Path dir) {
        this.dir = dir;
    }

    /** Moves {@code output} (if it exists) out of the way, into this set-aside folder. */
    void move(Path output) throws IOException {
        if (Files.exists(output)) {
            Files.createDirectories(dir);
            Files.move(output, dir.resolve(System.nanoTime() + "-" + output.getFileName()));
        }
    }

    /** Deletes everything set aside (when the measurements are done), also that of an interrupted earlier run. */
    void deleteAll() {
        if (Files.exists(dir)) {
            TestProject.deleteTree(dir);
        }
    }
}
