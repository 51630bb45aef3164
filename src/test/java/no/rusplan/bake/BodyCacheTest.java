package no.rusplan.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyCacheTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    @TempDir
    Path dir;

    private static final String BIG = "<p>" + "x".repeat(1 << 20) + "</p>";

    /** A pack of two large bodies (A, B) and a small one (C), as a build with nothing cached leaves it. */
    private void twoLargeAndOneSmall(String small) {
        try (BodyCache cache = BodyCache.open(dir)) {
            cache.put(A, BIG);
            cache.put(B, BIG);
            cache.put(C, small);
        }
    }

    /** Opens the cache as the next build would and checks what A, B and C hold (null: nothing). */
    private void assertHolds(String a, String b, String c) {
        try (BodyCache cache = BodyCache.open(dir)) {
            assertEquals(a, cache.get(A));
            assertEquals(b, cache.get(B));
            assertEquals(c, cache.get(C));
        }
    }

    @Test
    void bodiesPutInOneBuildAreFoundByTheNextInOneFile() throws IOException {
        try (BodyCache cache = BodyCache.open(dir)) {
            assertNull(cache.get(A));
            cache.put(A, "<p>Pårørende – først</p>");
            cache.put(B, "<p>andre</p>");
        }
        assertHolds("<p>Pårørende – først</p>", "<p>andre</p>", null);
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(dir.resolve(BodyCache.FILE)), files.toList());
        }
    }

    @Test
    void aRecordCutShortByACrashIsAMissAndTheNextWriteRepairsThePack() throws IOException {
        try (BodyCache cache = BodyCache.open(dir)) {
            cache.put(A, "<p>heil</p>");
            cache.put(B, "<p>avkutta</p>");
        }
        Path pack = dir.resolve(BodyCache.FILE);
        long size = Files.size(pack);
        try (var channel = java.nio.channels.FileChannel.open(pack, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }
        try (BodyCache cache = BodyCache.open(dir)) {
            assertEquals("<p>heil</p>", cache.get(A));
            assertNull(cache.get(B));
            cache.put(C, "<p>ny</p>");
        }
        assertHolds("<p>heil</p>", null, "<p>ny</p>");
    }

    @Test
    void aDamagedBodyIsAMissNotWrongHtml() throws IOException {
        try (BodyCache cache = BodyCache.open(dir)) {
            cache.put(A, "<p>original</p>");
        }
        Path pack = dir.resolve(BodyCache.FILE);
        byte[] bytes = Files.readAllBytes(pack);
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("original");
        bytes[at] = 'X';
        Files.write(pack, bytes);
        try (BodyCache cache = BodyCache.open(dir)) {
            assertNull(cache.get(A));
            cache.put(A, "<p>original</p>");
        }
        try (BodyCache cache = BodyCache.open(dir)) {
            assertEquals("<p>original</p>", cache.get(A)); // the one stored anew wins over the damaged one
        }
    }

    @Test
    void entriesNoBuildUsesAreDroppedOnceTheyAreMostOfThePack() throws IOException {
        twoLargeAndOneSmall("<p>liten</p>");
        long before = Files.size(dir.resolve(BodyCache.FILE));
        try (BodyCache cache = BodyCache.open(dir)) {
            cache.dropUnusedOnClose(); // a whole site's build
            assertEquals("<p>liten</p>", cache.get(C)); // A and B are no longer asked for
        }
        long after = Files.size(dir.resolve(BodyCache.FILE));
        assertTrue(after < before / 100, before + " → " + after);
        assertHolds(null, null, "<p>liten</p>");
    }

    @Test
    void aRebuildOfSomePagesKeepsTheOthersEntries() throws IOException {
        twoLargeAndOneSmall("<p>endra side</p>");
        try (BodyCache cache = BodyCache.open(dir)) {
            assertEquals("<p>endra side</p>", cache.get(C)); // serve --watch: one page rebuilt
        }
        assertHolds(BIG, BIG, "<p>endra side</p>");
    }

    @Test
    void aSecondBuildAtTheSameTimeReadsButDoesNotWrite() throws IOException {
        try (BodyCache first = BodyCache.open(dir)) {
            first.put(A, "<p>først</p>");
            try (BodyCache second = BodyCache.open(dir)) {
                second.put(B, "<p>andre</p>");
            }
            first.put(C, "<p>tredje</p>");
        }
        assertHolds("<p>først</p>", null, "<p>tredje</p>");
    }

    @Test
    void aCacheThatCannotBeOpenedIsEmptyAndTakesNothing() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        try (BodyCache cache = BodyCache.open(notADirectory)) {
            cache.put(A, "<p>x</p>");
            assertNull(cache.get(A));
        }
    }
}
