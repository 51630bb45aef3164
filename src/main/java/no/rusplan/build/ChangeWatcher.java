package no.rusplan.build;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a project's inputs ({@code content/}, {@code templates/}, {@code assets/} and
 * {@code site.properties}) and hands each burst of changes, once it has been quiet for
 * {@value #QUIET_MILLIS} ms (an editor saves in several steps), to a listener on this
 * watcher's own thread. Directories created later are watched too.
 */
public final class ChangeWatcher implements AutoCloseable {
    static final long QUIET_MILLIS = 100;
    private final WatchService watch;
    private final ProjectLayout layout;
    private final Thread thread;

    public ChangeWatcher(ProjectLayout layout, Consumer<Set<Path>> listener) throws IOException {
        this.layout = layout;
        this.watch = FileSystems.getDefault().newWatchService();
        for (Path dir : new Path[] {layout.contentDir(), layout.templatesDir(), layout.assetsDir()}) {
            registerTree(dir);
        }
        layout.projectDir().register(watch, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        this.thread = new Thread(() -> loop(listener), "rusplan-watch");
        thread.setDaemon(true);
    }

    public ChangeWatcher start() {
        thread.start();
        return this;
    }

    private void registerTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop(Consumer<Set<Path>> listener) {
        try {
            while (true) {
                Set<Path> changed = new LinkedHashSet<>();
                WatchKey key = watch.take();
                do {
                    collect(key, changed);
                    key = watch.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                } while (key != null);
                if (!changed.isEmpty()) {
                    listener.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add(dir);
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            boolean projectFile = dir.equals(layout.projectDir());
            if (projectFile && !path.getFileName().toString().equals("site.properties")) {
                continue; // target/, search-index/ and the like change because of the build itself
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    registerTree(path);
                } catch (IOException e) {
                    // a directory that vanished again: nothing to watch
                }
            }
            changed.add(path);
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
