package no.rusplan.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The analysis chain's data files on the classpath: one entry per line, {@code #} starts a comment. */
final class AnalysisData {
    private AnalysisData() {
    }

    static List<String> lines(String resource) {
        try (InputStream in = AnalysisData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> parse(String text) {
        return Arrays.stream(text.split("\n"))
                .map(line -> line.contains("#") ? line.substring(0, line.indexOf('#')) : line)
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
