package no.rusplan.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.rusplan.content.Problem;
import org.junit.jupiter.api.Test;

/** JRuby runs without RubyGems ({@link BundledGems}): what Asciidoctor loads on demand must still load. */
class AsciidocConverterTest {
    private final AsciidocConverter converter = new AsciidocConverter(Map.of("lang", "nb"));

    @Test
    void theBundledGemsAreOnTheLoadPathAsciidoctorFirst() {
        List<String> loadPath = BundledGems.loadPath();
        assertTrue(loadPath.get(0).matches("uri:classloader:/gems/asciidoctor-[0-9.]+/lib"), loadPath.toString());
        assertTrue(loadPath.stream().anyMatch(path -> path.matches("uri:classloader:/gems/coderay-[0-9.]+/lib")), loadPath.toString());
        assertTrue(loadPath.stream().anyMatch(path -> path.matches("uri:classloader:/gems/rouge-[0-9.]+/lib")), loadPath.toString());
    }

    @Test
    void aSyntaxHighlighterLoadedOnDemandIsFound() {
        for (String highlighter : List.of("coderay", "rouge")) {
            List<Problem> problems = new ArrayList<>();
            String html = converter.convert(Path.of("kode.adoc"), """
                    = Kode
                    :source-highlighter: %s

                    [source,ruby]
                    ----
                    puts "hei"
                    ----
                    """.formatted(highlighter), problems);
            // without the gem Asciidoctor warns that it is not available (a Problem) and leaves the code plain
            assertEquals(List.of(), problems, highlighter);
            assertTrue(html.contains("class=\"" + (highlighter.equals("coderay") ? "CodeRay" : "rouge")), highlighter + ": " + html);
        }
    }
}
