package no.rusplan.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentReaderTest {
    private final List<Problem> problems = new ArrayList<>();

    private ContentFile parse(String text) {
        return ContentReader.parseHeader(Path.of("content/x.adoc"), "x.adoc",
                new ArrayList<>(List.of(text.split("\n", -1))), problems);
    }

    @Test
    void readsTitleAndAttributesWithTheirLines() {
        ContentFile file = parse("// comment\n= Hjelp i Grong\n:jbake-type: service\n:municipalities: grong, snasa\n\nBody :not: an attribute\n");
        assertEquals("Hjelp i Grong", file.title());
        assertEquals(2, file.titleLine());
        assertEquals("service", file.attribute("jbake-type").orElseThrow().value());
        assertEquals(4, file.attribute("municipalities").orElseThrow().line());
        assertEquals("grong, snasa", file.attribute("municipalities").orElseThrow().value());
        assertTrue(file.attribute("not").isEmpty(), "attributes after the header are body text");
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void joinsContinuedValuesAndSkipsAuthorLines() {
        ContentFile file = parse("= T\nKari Nordmann\n:summary: første del \\\n  andre del\n:cost: free\n");
        assertEquals("første del andre del", file.attribute("summary").orElseThrow().value());
        assertEquals("free", file.attribute("cost").orElseThrow().value());
    }

    @Test
    void reportsMissingTitleAtTheFirstLine() {
        parse(":jbake-type: page\n\ntext");
        assertEquals(1, problems.size());
        assertEquals("content/x.adoc:1: missing document title: the first line must be '= Title'", problems.get(0).toString());
    }

    @Test
    void reportsAnAttributeSetTwiceAtTheSecondLine() {
        parse("= T\n:cost: free\n:cost: unknown\n");
        assertEquals("content/x.adoc:3: attribute :cost: is set twice (first on line 2)", problems.get(0).toString());
    }

    @Test
    void unsetAttributeIsRecordedAsEmpty() {
        ContentFile file = parse("= T\n:toc!:\n");
        assertEquals("", file.attribute("toc").orElseThrow().value());
    }
}
