package no.rusplan.bake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a build starts JRuby before it has read the content: only when a body will probably be converted. */
class ConvertedBodiesPrepareTest {
    private static final Instant BUILT = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path project;

    private Path content;
    private Path cache;
    private Path stamp;

    private void layout(boolean cacheFilled, Instant pageModified, Instant stampWritten, Instant cacheWritten) throws Exception {
        content = Files.createDirectories(project.resolve("content/services"));
        Path page = Files.writeString(content.resolve("tilbud.adoc"), "= Tilbud\n");
        Files.setLastModifiedTime(page, FileTime.from(pageModified));
        cache = Files.createDirectories(project.resolve("target/.rusplan-cache/bodies"));
        Path pack = Files.write(cache.resolve(BodyCache.FILE), cacheFilled ? new byte[] {1, 2, 3} : new byte[0]);
        Files.setLastModifiedTime(pack, FileTime.from(cacheWritten));
        stamp = project.resolve("search-index/build-stamp.txt");
        if (stampWritten != null) {
            Files.createDirectories(stamp.getParent());
            Files.writeString(stamp, "stamp\n");
            Files.setLastModifiedTime(stamp, FileTime.from(stampWritten));
        }
    }

    private boolean startsJRuby() {
        return ConvertedBodies.probablyConverts(cache, project.resolve("content"), stamp);
    }

    @Test
    void anEmptyCacheMeansEveryBodyIsConverted() throws Exception {
        layout(false, BUILT.minusSeconds(60), BUILT, BUILT);
        assertTrue(startsJRuby());
    }

    @Test
    void nothingEditedSinceTheLastBuildStartsNothing() throws Exception {
        layout(true, BUILT.minusSeconds(60), BUILT, BUILT.minusSeconds(30));
        assertFalse(startsJRuby());
    }

    @Test
    void aPageEditedAfterTheLastBuildStartsJRuby() throws Exception {
        layout(true, BUILT.plusSeconds(60), BUILT, BUILT);
        assertTrue(startsJRuby());
    }

    @Test
    void withoutAStampTheCacheIsTheReference() throws Exception {
        layout(true, BUILT.minusSeconds(60), null, BUILT);
        assertFalse(startsJRuby());
        Files.setLastModifiedTime(content.resolve("tilbud.adoc"), FileTime.from(BUILT.plusSeconds(1)));
        assertTrue(startsJRuby());
    }
}
