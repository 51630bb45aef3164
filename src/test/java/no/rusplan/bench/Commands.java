package no.rusplan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks share: running a tool (npm, git, Pagefind, Antora) and writing a report. */
final class Commands {
    private Commands() {
    }

    /** Runs {@code command} in {@code dir} with its output on ours; fails unless it exits 0. */
    static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue());
        }
    }

    /** Rusplan's classes and dependencies as a class path for a fresh JVM (Maven resolves it again when pom.xml changed; on a fresh machine it fetches the dependency plugin). */
    static String classPath(Path repo) throws IOException, InterruptedException {
        Path file = repo.resolve("target/bench/classpath.txt");
        if (!Files.exists(file) || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(repo.resolve("pom.xml"))) < 0) {
            run(repo, repo.resolve("mvnw").toString(), "-q", "dependency:build-classpath", "-Dmdep.outputFile=" + file);
        }
        return repo.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(file).strip();
    }

    /** The JVM flags {@code ./mvnw} starts Java with ({@code .mvn/jvm.config}). */
    static java.util.List<String> jvmFlags(Path repo) throws IOException {
        Path config = repo.resolve(".mvn/jvm.config");
        return Files.exists(config) ? java.util.List.of(Files.readString(config).strip().split("\\s+")) : java.util.List.of();
    }

    /** Prints {@code text} and keeps it as {@code target/bench/<name>}. */
    static void report(Path repo, String name, CharSequence text) throws IOException {
        System.out.print(text);
        Path report = repo.resolve("target/bench").resolve(name);
        Files.createDirectories(report.getParent());
        Files.writeString(report, text, StandardCharsets.UTF_8);
        System.out.println("(written to " + repo.relativize(report) + ")");
    }
}
