package no.rusplan;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's chromium, headless and offline, driven by Playwright (which never downloads a
 * browser of its own here): for the browser tests and the search benchmarks. Every host but
 * loopback resolves to nothing, so a page cannot reach a third party even by mistake.
 */
public final class HeadlessChromium implements AutoCloseable {
    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Path executable) {
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1")));
    }

    /** The chromium on PATH, if there is one. */
    public static Optional<Path> find() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    public static HeadlessChromium launch(Path executable) {
        return new HeadlessChromium(executable);
    }

    /**
     * For browser tests: launches the chromium on PATH; without one the test is skipped with a
     * message, except in CI (environment variable CI set), where it fails.
     */
    public static HeadlessChromium forTests() {
        Optional<Path> executable = find();
        if (executable.isEmpty()) {
            if (System.getenv("CI") != null) {
                org.junit.jupiter.api.Assertions.fail(
                        "CI must run the browser tests, but no chromium was found on PATH (.ci/run installs it with apt-get)");
            }
            org.junit.jupiter.api.Assumptions.abort("Browser tests skipped: no 'chromium' on PATH (Debian: apt-get install chromium)");
        }
        return launch(executable.get());
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
