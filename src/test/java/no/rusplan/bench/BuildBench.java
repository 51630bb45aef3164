package no.rusplan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import no.rusplan.TestProject;

/**
 * The build benchmark: for each corpus size (default 1000 and 5000 pages of
 * {@link SyntheticCorpus}), times a cold build, a rebuild with nothing changed and a rebuild
 * with one page changed, each in a fresh JVM started like {@code ./mvnw} starts it (with
 * {@code .mvn/jvm.config}), with the index stage's share and the peak RSS; then Antora
 * (npm, {@code bench/antora/}, a tiny local UI bundle) on the same pages in the same run, and
 * stock JBake 2.7 ({@link StockJBake}) for the sizes in {@code -Dstock} (default 1000: it takes
 * minutes at 5,000 pages). Then {@code -Dpairs} (default 2) more cold builds of each, in
 * alternating order, and the median Antora / Rusplan ratio of all pairs. Each run's CPU time
 * (user + system) is printed beside its wall time: the build is CPU-bound on both tools, and
 * {@code -Dcpus=0} (taskset's list) runs both on the same cores only. Output of earlier builds
 * is moved aside before a cold build and deleted at the end ({@link SetAside}: deleting it just
 * before made each cold build pay seconds of kernel time for it).
 * <p>Run: {@code ./mvnw -q test-compile exec:java@build-bench [-Dsizes=1000,5000] [-Dstock=1000,5000] [-Dpairs=2] [-Dcpus=0]}
 * (needs node/npm; CPU time and peak RSS need GNU time at /usr/bin/time, {@code -Dcpus} taskset).
 */
public final class BuildBench {
    private static final Pattern BUILT = Pattern.compile("Built (\\d+) pages.* in ([0-9.]+) s \\((.*)\\)");

    private BuildBench() {
    }

    /** A timed run: wall seconds, CPU seconds (user + system, all threads; 0 without GNU time), peak RSS, output. */
    private record Run(double wallSeconds, double cpuSeconds, long peakKb, String detail) {
        Run withDetail(String other) {
            return new Run(wallSeconds, cpuSeconds, peakKb, other);
        }
    }

    /** {@code -Dcpus=0} (a taskset list) runs every build of both tools on those cores only. */
    private static final String CPUS = System.getProperty("cpus", "").strip();

    public static void main(String[] args) throws Exception {
        Path repo = TestProject.REPO;
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("sizes", "1000,5000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        List<Integer> stockSizes = new ArrayList<>();
        for (String size : System.getProperty("stock", "1000").split(",")) {
            if (!size.isBlank()) {
                stockSizes.add(Integer.parseInt(size.strip()));
            }
        }
        Path antora = repo.resolve("bench/antora");
        if (!Files.isExecutable(antora.resolve("node_modules/.bin/antora"))) {
            Commands.run(antora, "npm", "ci", "--no-audit", "--no-fund");
        }
        Path ui = uiBundle(repo.resolve("target/bench/antora-ui.zip"));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Build benchmark, %s, %d cores%s, JVM flags %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), CPUS.isEmpty() ? "" : " (builds on cores " + CPUS + " only)",
                Commands.jvmFlags(repo)));
        SetAside setAside = new SetAside(repo.resolve("target/bench/set-aside"));
        for (int size : sizes) {
            Path project = repo.resolve("target/bench/corpus-" + size);
            setAside.move(project);
            int pages = SyntheticCorpus.write(project, size, 42);
            Run cold = rusplan(repo, project);
            Run unchanged = rusplan(repo, project);
            Files.delete(project.resolve("search-index").resolve(no.rusplan.build.BuildStamp.FILE));
            Run cached = rusplan(repo, project);
            Path changed = project.resolve("content/services/tilbud-0.adoc");
            Files.writeString(changed, Files.readString(changed) + "\nEn ny setning om pårørende.\n");
            Run onePage = rusplan(repo, project);
            Path antoraDir = repo.resolve("target/bench/antora-" + size);
            setAside.move(antoraDir);
            SyntheticCorpus.writeAntora(project, antoraDir, ui);
            git(antoraDir);
            List<String> antoraCommand = List.of(antora.resolve("node_modules/.bin/antora").toString(),
                    "--cache-dir", antoraDir.resolve(".cache").toString(), "antora-playbook.yml");
            Run antoraRun = timed(antoraDir, antoraCommand);
            out.append(String.format(Locale.ROOT, "%n%d pages (%d content files):%n", size, pages));
            out.append(line("rusplan cold build", cold));
            out.append(line("rusplan rebuild, nothing changed", unchanged));
            out.append(line("rusplan full rebuild, bodies cached", cached));
            out.append(line("rusplan rebuild, one page changed", onePage));
            out.append(line("antora 3.1 cold build", antoraRun));
            out.append(String.format(Locale.ROOT, "  cold build: rusplan %.1f s, antora %.1f s (antora / rusplan = %.2f)%n",
                    cold.wallSeconds(), antoraRun.wallSeconds(), antoraRun.wallSeconds() / cold.wallSeconds()));
            // This machine's speed drifts by more than the gap between the two, so more cold pairs,
            // each build from nothing and the order alternated, and the median ratio.
            List<Double> ratios = new ArrayList<>(List.of(antoraRun.wallSeconds() / cold.wallSeconds()));
            for (int pair = 1; pair <= Integer.getInteger("pairs", 2); pair++) {
                Run ours = null;
                Run theirs = null;
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn + pair) % 2 == 0) {
                        setAside.move(project.resolve("target"));
                        setAside.move(project.resolve("search-index"));
                        ours = rusplan(repo, project);
                    } else {
                        setAside.move(antoraDir.resolve("build"));
                        theirs = timed(antoraDir, antoraCommand);
                    }
                }
                ratios.add(theirs.wallSeconds() / ours.wallSeconds());
                out.append(String.format(Locale.ROOT,
                        "  cold pair %d (%s first): rusplan %.1f s (%.1f s CPU), antora %.1f s (%.1f s CPU) (%.2f)%n",
                        pair, pair % 2 == 1 ? "antora" : "rusplan", ours.wallSeconds(), ours.cpuSeconds(),
                        theirs.wallSeconds(), theirs.cpuSeconds(), theirs.wallSeconds() / ours.wallSeconds()));
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            out.append(String.format(Locale.ROOT, "  cold build, antora / rusplan: median %.2f of %d pairs (%s)%n",
                    median, ratios.size(), String.join(", ", ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList())));
            if (stockSizes.contains(size)) {
                Path stockDir = repo.resolve("target/bench/stock-jbake-" + size);
                setAside.move(stockDir);
                Run stock = stockJBake(repo, project, stockDir);
                out.append(line("stock jbake 2.7 (its own Oven)", stock));
                out.append(String.format(Locale.ROOT, "  cold build: stock jbake / rusplan = %.1f%n",
                        stock.wallSeconds() / cold.wallSeconds()));
            }
        }
        Commands.report(TestProject.REPO, "build.txt", out);
        setAside.deleteAll();
    }

    private static String line(String label, Run run) {
        return String.format(Locale.ROOT, "  %-36s %7.1f s wall, %s CPU, peak RSS %s  %s%n", label, run.wallSeconds(),
                run.cpuSeconds() > 0 ? String.format(Locale.ROOT, "%.1f s", run.cpuSeconds()) : "n/a",
                run.peakKb() > 0 ? (run.peakKb() / 1024) + " MB" : "n/a", run.detail());
    }

    /** A build in a fresh JVM, as ./mvnw's exec:java would run it, with the classes Maven compiled. */
    private static Run rusplan(Path repo, Path project) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Commands.jvmFlags(repo));
        command.add("-cp");
        command.add(Commands.classPath(repo));
        command.addAll(List.of("no.rusplan.cli.RusplanCommand", "build", "-p", project.toString()));
        Run run = timed(project, command);
        if (run.detail().startsWith("Up to date")) {
            return run.withDetail("(up to date: nothing rebuilt)");
        }
        Matcher built = BUILT.matcher(run.detail());
        if (!built.find()) {
            throw new IllegalStateException("build failed: " + run.detail());
        }
        return run.withDetail("(" + built.group(3) + ")");
    }

    /** Stock JBake on the corpus's content, in a fresh JVM with the same flags. */
    private static Run stockJBake(Path repo, Path project, Path work) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Commands.jvmFlags(repo));
        command.add("-cp");
        command.add(repo.resolve("target/test-classes") + java.io.File.pathSeparator + Commands.classPath(repo));
        command.addAll(List.of("no.rusplan.bench.StockJBake", project.toString(), work.toString()));
        Files.createDirectories(work.getParent());
        return timed(work.getParent(), command);
    }

    /**
     * Runs {@code command} under GNU time when there is one (wall and CPU seconds, peak RSS), on
     * the cores of {@code -Dcpus} when given, and keeps the build's summary line of its output.
     */
    private static Run timed(Path dir, List<String> command) throws IOException, InterruptedException {
        Path timeOutput = Files.createTempFile("time", ".txt");
        List<String> full = new ArrayList<>();
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        if (gnuTime) {
            full.addAll(List.of("/usr/bin/time", "-o", timeOutput.toString(), "-f", "%e %U %S %M"));
        }
        if (!CPUS.isEmpty()) {
            full.addAll(List.of("taskset", "-c", CPUS));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("CI", "true"); // no progress lines
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "):\n" + output);
        }
        long peak = 0;
        double cpu = 0;
        if (gnuTime) {
            // the last line: GNU time may write a note about the command's exit before it
            String[] fields = Files.readString(timeOutput).strip().split("\\s+");
            int n = fields.length;
            wall = Double.parseDouble(fields[n - 4]);
            cpu = Double.parseDouble(fields[n - 3]) + Double.parseDouble(fields[n - 2]);
            peak = Long.parseLong(fields[n - 1]);
        }
        Files.deleteIfExists(timeOutput);
        return new Run(wall, cpu, peak, output.strip().lines().filter(l -> l.startsWith("Built") || l.startsWith("Up to date")
                || l.startsWith("Stock JBake")).findFirst().orElse(""));
    }

    /** Antora reads content from git: the corpus becomes a one-commit repository. */
    private static void git(Path dir) throws IOException, InterruptedException {
        Commands.run(dir, "git", "init", "-q");
        Commands.run(dir, "git", "add", ".");
        Commands.run(dir, "git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m", "corpus");
    }

    /** The smallest UI bundle Antora accepts: a default and a 404 layout and one stylesheet. */
    private static Path uiBundle(Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            String layout = "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>{{page.title}}</title>"
                    + "<link rel=\"stylesheet\" href=\"{{uiRootPath}}/css/site.css\"></head><body><main>"
                    + "<h1>{{{page.title}}}</h1>{{{page.contents}}}</main></body></html>\n";
            for (String name : List.of("layouts/default.hbs", "layouts/404.hbs")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(layout.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("css/site.css"));
            out.write("body{font-family:sans-serif}\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }
}
