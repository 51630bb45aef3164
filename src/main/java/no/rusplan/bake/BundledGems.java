package no.rusplan.bake;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.asciidoctor.jruby.internal.JRubyAsciidoctor;

/**
 * The Ruby gems AsciidoctorJ carries in its jar, as JRuby load path entries: for each
 * {@code specifications/<gem>.gemspec}, its {@code require_paths} under {@code gems/<gem>/}
 * ({@code uri:classloader:/gems/asciidoctor-2.0.23/lib}). That is what RubyGems would put on
 * the load path when a gem is required, found without starting RubyGems.
 */
final class BundledGems {
    private static final Pattern REQUIRE_PATHS = Pattern.compile("\\.require_paths\\s*=\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private BundledGems() {
    }

    /** Every bundled gem's require paths, Asciidoctor's first; empty if they cannot be listed. */
    static List<String> loadPath() {
        try {
            Path location = Path.of(JRubyAsciidoctor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return loadPath(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return loadPath(jar.getPath("/"));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> loadPath(Path root) throws IOException {
        Path specifications = root.resolve("specifications");
        if (!Files.isDirectory(specifications)) {
            return List.of();
        }
        List<String> asciidoctor = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (Stream<Path> specs = Files.list(specifications)) {
            for (Path spec : specs.sorted().toList()) {
                String name = spec.getFileName().toString().replace("/", "");
                if (!name.endsWith(".gemspec")) {
                    continue;
                }
                String gem = name.substring(0, name.length() - ".gemspec".length());
                Matcher paths = REQUIRE_PATHS.matcher(Files.readString(spec, StandardCharsets.UTF_8));
                if (!paths.find()) {
                    continue;
                }
                Matcher path = QUOTED.matcher(paths.group(1));
                while (path.find()) {
                    if (Files.isDirectory(root.resolve("gems").resolve(gem).resolve(path.group(1)))) {
                        (gem.startsWith("asciidoctor-") ? asciidoctor : others)
                                .add("uri:classloader:/gems/" + gem + "/" + path.group(1));
                    }
                }
            }
        }
        if (asciidoctor.isEmpty()) {
            return List.of(); // without Asciidoctor's own directory the load path is no use
        }
        asciidoctor.addAll(others);
        return List.copyOf(asciidoctor);
    }
}
