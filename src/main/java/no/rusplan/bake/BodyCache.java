package no.rusplan.bake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Converted bodies by content hash, in one append-only pack file ({@value #FILE}) rather than
 * a file per body: creating a file costs about half a millisecond of kernel time on the disks
 * measured here, so 5,000 cache files were seconds of a cold build.
 * <p>A record is {@code magic, 32-byte key, length, UTF-8 body, CRC-32 of key and body}. A
 * record cut short by a crash ends the pack there (it is cut off at the next write); a record
 * whose CRC does not match is a miss. One build at a time writes (an exclusive lock on the
 * pack); a build that cannot take the lock reads what was there and writes nothing. When a
 * build that asked for every page's body ({@link #dropUnusedOnClose}) closes the cache and the
 * entries it did not use outweigh the ones it did, the pack is rewritten with only those (a new
 * file, swapped in), so the pack stays near the site's size; a rebuild of some pages keeps the
 * others' entries.
 * The cache is an optimisation: any failure makes it a miss, never a failed build.
 */
final class BodyCache implements AutoCloseable {
    static final String FILE = "bodies.pack";
    static final int KEY_BYTES = 32;
    private static final int MAGIC = 0x52504231; // "RPB1"
    private static final int HEADER = Integer.BYTES + KEY_BYTES + Integer.BYTES;
    /** Below this many unused bytes the pack is not worth rewriting. */
    private static final long COMPACT_AT = 1 << 20;
    /** A pack larger than this (no site comes near it) is started again. */
    private static final long MAX_SIZE = Integer.MAX_VALUE - (1 << 24);

    /** Where a body lies in the pack. */
    private record Slot(long offset, int length) {
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final MappedByteBuffer mapped;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Map<String, String> added = new ConcurrentHashMap<>();
    private long end;
    private long usedBytes;
    private boolean closed;
    private boolean dropUnused;

    private BodyCache(Path file, FileChannel channel, FileLock lock, MappedByteBuffer mapped) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.mapped = mapped;
    }

    /** Whether the cache in {@code dir} holds no body at all (a cold build converts every page). */
    static boolean holdsNothing(Path dir) {
        try {
            return !Files.isRegularFile(dir.resolve(FILE)) || Files.size(dir.resolve(FILE)) == 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Opens (or creates) the pack in {@code dir}; a cache that cannot be opened is empty and takes nothing. */
    static BodyCache open(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // another build in this JVM writes it
            }
            long size = channel.size();
            if (size > MAX_SIZE && lock != null) {
                channel.truncate(0); // beyond what one mapping addresses: start again
                size = 0;
            }
            if (size > MAX_SIZE) {
                closeQuietly(channel);
                return new BodyCache(file, null, null, null);
            }
            MappedByteBuffer mapped = size == 0 ? null : channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            BodyCache cache = new BodyCache(file, channel, lock, mapped);
            cache.scan(size);
            return cache;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            return new BodyCache(file, null, null, null);
        }
    }

    /** Reads every whole record's key and place; stops at the first one that is cut short or not a record. */
    private void scan(long size) {
        long at = 0;
        while (at + HEADER + Integer.BYTES <= size) {
            if (mapped.getInt((int) at) != MAGIC) {
                break;
            }
            byte[] key = new byte[KEY_BYTES];
            mapped.get((int) at + Integer.BYTES, key);
            int length = mapped.getInt((int) at + Integer.BYTES + KEY_BYTES);
            if (length < 0 || at + HEADER + length + Integer.BYTES > size) {
                break;
            }
            slots.put(HexFormat.of().formatHex(key), new Slot(at, length));
            at += HEADER + length + Integer.BYTES;
        }
        end = at;
    }

    /** The body stored under {@code key} (64 hex digits), or null. */
    String get(String key) {
        Slot slot = slots.get(key);
        if (slot == null || mapped == null) {
            return null;
        }
        byte[] body = new byte[slot.length()];
        mapped.get((int) slot.offset() + HEADER, body);
        if (crc(key, body) != mapped.getInt((int) slot.offset() + HEADER + slot.length())) {
            return null; // damaged: converted again, and stored anew
        }
        if (used.add(key)) {
            synchronized (this) {
                usedBytes += HEADER + slot.length() + Integer.BYTES;
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Stores {@code body} under {@code key}, unless another build holds the pack. */
    synchronized void put(String key, String body) {
        if (lock == null || closed || added.containsKey(key) || end > MAX_SIZE) {
            return;
        }
        try {
            if (channel.size() > end) {
                channel.truncate(end); // a record cut short by an earlier crash
            }
            ByteBuffer record = record(key, body.getBytes(StandardCharsets.UTF_8));
            int length = record.remaining();
            while (record.hasRemaining()) {
                channel.write(record, end + length - record.remaining());
            }
            end += length;
            usedBytes += length;
            added.put(key, body);
        } catch (IOException e) {
            // not cached: the next build converts it again
        }
    }

    private static ByteBuffer record(String key, byte[] body) {
        ByteBuffer record = ByteBuffer.allocate(HEADER + body.length + Integer.BYTES);
        record.putInt(MAGIC).put(HexFormat.of().parseHex(key)).putInt(body.length).put(body).putInt(crc(key, body));
        return record.flip();
    }

    private static int crc(String key, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(HexFormat.of().parseHex(key));
        crc.update(body);
        return (int) crc.getValue();
    }

    /** Every page's body is asked for: what none of them used may go when the cache is closed. */
    synchronized void dropUnusedOnClose() {
        dropUnused = true;
    }

    /** Rewrites the pack without unused entries when they are most of it and may go, then lets go of the pack. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (lock != null && dropUnused && end - usedBytes > Math.max(usedBytes, COMPACT_AT)) {
                compact();
            }
        } catch (IOException e) {
            // the pack stays as it was
        } finally {
            closeQuietly(channel);
        }
    }

    /** Writes the entries this build used or added to a new pack and swaps it in. */
    private void compact() throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "bodies", ".tmp");
        List<String> keep = new ArrayList<>(used);
        keep.addAll(added.keySet());
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            for (String key : keep) {
                Slot slot = slots.get(key);
                ByteBuffer record;
                if (added.containsKey(key)) {
                    record = record(key, added.get(key).getBytes(StandardCharsets.UTF_8));
                } else {
                    record = mapped.slice((int) slot.offset(), HEADER + slot.length() + Integer.BYTES);
                }
                while (record.hasRemaining()) {
                    out.write(record);
                }
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close(); // releases the lock too
            } catch (IOException e) {
                // nothing to keep
            }
        }
    }
}
